import { FlexpriceApiError } from '../api/apiError';
import type { Logger } from '../log/logger';

/** What the user answered when asked to send the key unencrypted. */
export type HttpConsentAnswer = 'send' | 'openSettings' | undefined;

/** Where approvals are kept across sessions (VS Code's globalState has this shape). */
export interface ConsentMemory {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const APPROVED_ORIGINS = 'flexprice.httpConsent.approvedOrigins';

/**
 * Plain `http://` to a host that is not this machine would put the API key on the network in
 * clear text. Before the first request to such an origin the user is asked, once per origin;
 * an approval is remembered across sessions, a refusal for this session (until asked again
 * with `askAgain`), so background refreshes never nag and never send.
 */
export class HttpConsent {
  private readonly refused = new Set<string>();
  private readonly pending = new Map<string, Promise<boolean>>();

  constructor(
    private readonly memory: ConsentMemory,
    private readonly ask: (origin: string) => Thenable<HttpConsentAnswer>,
    private readonly log: Logger,
  ) {}

  /** Resolves when the key may go to `apiUrl`; throws an `http_refused` error when it may not. */
  async check(apiUrl: string): Promise<void> {
    const origin = insecureOrigin(apiUrl);
    if (origin === undefined || this.approved().includes(origin)) return;
    if (!this.refused.has(origin)) {
      let answer = this.pending.get(origin);
      if (!answer) {
        answer = this.decide(origin).finally(() => this.pending.delete(origin));
        this.pending.set(origin, answer);
      }
      if (await answer) return;
    }
    throw new FlexpriceApiError(
      'http_refused',
      `The API key was not sent to ${origin}: it uses plain HTTP, and sending the key unencrypted was declined. Use an https:// API URL, or allow HTTP for this server.`,
    );
  }

  /** Forgets a refusal, so the next request asks again (the user picked "Allow HTTP…"). */
  askAgain(apiUrl: string): void {
    const origin = insecureOrigin(apiUrl);
    if (origin !== undefined) this.refused.delete(origin);
  }

  private async decide(origin: string): Promise<boolean> {
    const answer = await this.ask(origin);
    if (answer === 'send') {
      await this.memory.update(APPROVED_ORIGINS, [...this.approved(), origin]);
      this.log.warn(`Sending the API key over plain HTTP to ${origin}, as the user allowed.`);
      return true;
    }
    this.refused.add(origin);
    this.log.warn(`Not sending the API key over plain HTTP to ${origin}: the user declined.`);
    return false;
  }

  private approved(): string[] {
    const stored = this.memory.get<unknown>(APPROVED_ORIGINS);
    return Array.isArray(stored) ? stored.filter((origin): origin is string => typeof origin === 'string') : [];
  }
}

/** The origin of an `http://` URL whose host is not loopback; undefined for https, loopback or junk. */
export function insecureOrigin(apiUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(apiUrl.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return undefined;
  return url.origin;
}

/** `localhost`, `127.0.0.0/8` and `::1`: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
