export interface LoggedRequest {
  method: string;
  /** Path as sent (still URL-encoded), without the query. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names; x-api-key included so tests can assert where the key went. */
  headers: Record<string, string>;
  /** Server clock, ms epoch. */
  at: number;
}

export interface RequestFilter {
  method?: string;
  /** Exact path. */
  path?: string;
  pathPrefix?: string;
}

/** Every request the server received, in arrival order. */
export class RequestLog {
  private readonly list: LoggedRequest[] = [];

  get entries(): readonly LoggedRequest[] {
    return this.list;
  }

  /** A copy of every entry, oldest first. */
  all(): LoggedRequest[] {
    return [...this.list];
  }

  record(entry: LoggedRequest): void {
    this.list.push(entry);
  }

  filter(filter: RequestFilter = {}): LoggedRequest[] {
    return this.list.filter((entry) =>
      (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
      (filter.path === undefined || entry.path === filter.path) &&
      (filter.pathPrefix === undefined || entry.path.startsWith(filter.pathPrefix)));
  }

  count(filter: RequestFilter = {}): number {
    return this.filter(filter).length;
  }

  last(filter: RequestFilter = {}): LoggedRequest | undefined {
    const matches = this.filter(filter);
    return matches[matches.length - 1];
  }

  clear(): void {
    this.list.length = 0;
  }
}
