/** Misbehaviours the server can be switched into, applied to `/v1/*` requests. */
export interface FaultSpec {
  /** Only requests whose path is exactly this. */
  path?: string;
  /** Only requests whose path starts with this (e.g. `/v1/tasks/`). */
  pathPrefix?: string;
  /** Apply to this many matching requests, then clear by itself. */
  times?: number;

  /** Delay before answering (combined with any other fault). */
  latencyMs?: number;
  /** 429 with a flat too_many_requests body; `Retry-After` only when given, as the backend itself sets none. */
  rateLimit?: { retryAfter?: string };
  serverError?: { status: 500 | 502 | 503 | 504; body?: 'flat' | 'legacy' | 'html' | 'empty'; retryAfter?: string };
  /** An nginx-like HTML page with this status (200 too, like a captive portal). */
  html?: { status: number };
  /** 200 with truncated JSON. */
  malformedJson?: boolean;
  /** Destroy the socket without answering. */
  dropConnection?: boolean;
  /** Never answer (until the server closes). */
  hang?: boolean;
  /** 302 to this origin with the same path and query. */
  redirectTo?: string;
  forbidden?: 'environment' | 'permissions';
  /** 404 route not found, as a server too old to have the route answers. */
  routeMissing?: boolean;
  /** 200 with a body of the wrong shape: `{"data":[]}`. */
  wrongShape?: boolean;
}

/** The active fault, if any; `times` counts down per matching request. */
export class FaultSwitches {
  private current: FaultSpec | undefined;
  private remaining = Infinity;

  /** Replaces whatever fault was active. */
  set(spec: FaultSpec): void {
    this.current = { ...spec };
    this.remaining = spec.times ?? Infinity;
  }

  clear(): void {
    this.current = undefined;
  }

  get active(): FaultSpec | undefined {
    return this.current;
  }

  /** The fault to apply to this request, consuming one use of it. */
  take(path: string): FaultSpec | undefined {
    const spec = this.current;
    if (!spec) return undefined;
    if (spec.path !== undefined && path !== spec.path) return undefined;
    if (spec.pathPrefix !== undefined && !path.startsWith(spec.pathPrefix)) return undefined;
    this.remaining -= 1;
    if (this.remaining <= 0) this.current = undefined;
    return spec;
  }
}
