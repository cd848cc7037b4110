import type { IncomingMessage } from 'node:http';

/** Bodies of the few write routes are tiny JSON objects; anything bigger is not kept. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The methods whose body a route may read. */
export function carriesBody(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

/**
 * Reads the whole request body, up to `maxBytes`. Past that the rest is drained and dropped,
 * and the result is `tooLarge`, which routes treat like a body that does not parse.
 */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}
