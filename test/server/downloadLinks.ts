import { randomBytes } from 'node:crypto';

/** Presigned S3 links expire after 30 minutes. */
export const LINK_LIFETIME_MS = 30 * 60_000;

interface Link {
  taskId: string;
  fileName: string;
  expiresAt: number;
}

export type LinkLookup = { ok: true; taskId: string; fileName: string } | { ok: false; reason: 'expired' | 'unknown' };

/** Short-lived download links keyed by an unguessable token, judged against the server clock. */
export class DownloadLinks {
  private readonly links = new Map<string, Link>();

  constructor(private readonly clock: () => number) {}

  issue(taskId: string, fileName: string): string {
    this.forgetExpired();
    const token = randomBytes(16).toString('hex');
    this.links.set(token, { taskId, fileName, expiresAt: this.clock() + LINK_LIFETIME_MS });
    return token;
  }

  resolve(token: string, fileName: string): LinkLookup {
    const link = this.links.get(token);
    if (!link || link.fileName !== fileName) return { ok: false, reason: 'unknown' };
    if (this.clock() >= link.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, taskId: link.taskId, fileName: link.fileName };
  }

  /** Keeps the map small; expired links are only remembered for one extra lifetime so they still read as "expired". */
  private forgetExpired(): void {
    const cutoff = this.clock() - LINK_LIFETIME_MS;
    for (const [token, link] of this.links) if (link.expiresAt < cutoff) this.links.delete(token);
  }
}
