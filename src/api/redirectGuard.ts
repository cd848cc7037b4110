/** Headers that identify the user to Flexprice and must never reach another server. */
export const CREDENTIAL_HEADERS = ['x-api-key', 'x-environment-id', 'authorization', 'cookie'];

/**
 * A `beforeRedirect` hook for axios: follow-redirects forwards custom headers such as `x-api-key`
 * on every redirect, so they are dropped as soon as a redirect leaves the configured origin.
 * Returns whether it dropped any.
 */
export function keepCredentialsOnOrigin(origin: string) {
  return (options: { href?: unknown; headers?: Record<string, unknown> }): boolean => {
    if (originOf(options.href) === origin || !options.headers) return false;
    let dropped = false;
    for (const name of Object.keys(options.headers)) {
      if (CREDENTIAL_HEADERS.includes(name.toLowerCase())) {
        delete options.headers[name];
        dropped = true;
      }
    }
    return dropped;
  };
}

function originOf(href: unknown): string | undefined {
  try {
    return typeof href === 'string' ? new URL(href).origin : undefined;
  } catch {
    return undefined;
  }
}
