import { randomBytes } from 'node:crypto';
import { presignedQuery } from './presignedQuery';

/** Presigned S3 links expire after 30 minutes. */
export const LINK_LIFETIME_MS = 30 * 60_000;

interface Link {
  taskId: string;
  fileName: string;
  expiresAt: number;
  /** The signed query, exactly as issued (with its leading `?`). */
  query: string;
}

export type LinkLookup =
  | { ok: true; taskId: string; fileName: string }
  | { ok: false; reason: 'expired' | 'unknown' | 'signature' };

/**
 * Short-lived download links keyed by an unguessable token, judged against the server clock,
 * each with a SigV4-shaped query that must come back byte for byte, as S3 requires.
 */
export class DownloadLinks {
  private readonly links = new Map<string, Link>();
  private readonly secret = randomBytes(32);

  constructor(private readonly clock: () => number) {}

  /** Returns the link's path and query, to put after the server's origin. */
  issue(taskId: string, fileName: string): string {
    this.forgetExpired();
    const token = randomBytes(16).toString('hex');
    const path = `/files/${token}/${encodeURIComponent(fileName)}`;
    const query = presignedQuery(path, this.clock(), LINK_LIFETIME_MS, this.secret);
    this.links.set(token, { taskId, fileName, expiresAt: this.clock() + LINK_LIFETIME_MS, query });
    return path + query;
  }

  /** Whether this issued the token (expired or not), so a server with several environments finds the issuer. */
  has(token: string): boolean {
    return this.links.has(token);
  }

  /** `rawQuery` is the request's query as sent, not decoded. */
  resolve(token: string, fileName: string, rawQuery: string): LinkLookup {
    const link = this.links.get(token);
    if (!link || link.fileName !== fileName) return { ok: false, reason: 'unknown' };
    if (rawQuery !== link.query) return { ok: false, reason: 'signature' };
    if (this.clock() >= link.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, taskId: link.taskId, fileName: link.fileName };
  }

  /** Keeps the map small; expired links are only remembered for one extra lifetime so they still read as "expired". */
  private forgetExpired(): void {
    const cutoff = this.clock() - LINK_LIFETIME_MS;
    for (const [token, link] of this.links) if (link.expiresAt < cutoff) this.links.delete(token);
  }
}
