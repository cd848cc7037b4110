import { createHmac, randomBytes } from 'node:crypto';

/** A fixed access key, shaped like AWS's (AKIA + 16), so links look like real S3 ones. */
const ACCESS_KEY_ID = 'AKIAIOSFODNN7FLEXPRC';
const REGION = 'us-east-1';

/**
 * The query of a SigV4 presigned S3 link, built the way S3 and its SDKs encode it: the
 * credential's `/` as `%2F`, and a session token whose base64 `+`, `/` and `=` are `%2B`,
 * `%2F` and `%3D`. S3 checks the signature against the query exactly as sent, so a client
 * that re-encodes it (`%2F` → `/`, `%3D` → `=`) gets 403 SignatureDoesNotMatch. The local
 * server does the same check by comparing the raw query with the one it issued.
 */
export function presignedQuery(path: string, now: number, lifetimeMs: number, secret: Buffer): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = stamp.slice(0, 8);
  // Always holds each of + / = so the test of their encoding cannot pass by luck.
  const sessionToken = `IQoJb3JpZ2luX2Vj${randomBytes(24).toString('base64')}+Fw/q==`;
  const params: [string, string][] = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${ACCESS_KEY_ID}/${day}/${REGION}/s3/aws4_request`],
    ['X-Amz-Date', stamp],
    ['X-Amz-Expires', String(Math.round(lifetimeMs / 1000))],
    ['X-Amz-Security-Token', sessionToken],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  const unsigned = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  const signature = createHmac('sha256', secret).update(`${path}?${unsigned}`).digest('hex');
  return `?${unsigned}&X-Amz-Signature=${signature}`;
}
