import * as assert from 'node:assert/strict';
import { FlexpriceApiError, isFlexpriceApiError } from '../../../src/api/apiError';
import { type ClientConfig, FlexpriceClient } from '../../../src/api/flexpriceClient';
import type { RawServer } from './rawServer';

/** A key unlike anything a server would send by chance, so finding it anywhere means a leak. */
export const TEST_API_KEY = 'sk_test_LEAKCHECK_7f3a9c2e51b84d06';

export function clientFor(server: RawServer, overrides: Partial<ClientConfig> = {}): FlexpriceClient {
  return new FlexpriceClient({
    apiUrl: `${server.origin}/v1`,
    apiKey: TEST_API_KEY,
    timeoutMs: 5_000,
    userAgent: 'flexprice-tasks-tests/1.0',
    ...overrides,
  });
}

/** Awaits a promise that must fail with a FlexpriceApiError, and returns that error. */
export async function apiFailure(promise: Promise<unknown>): Promise<FlexpriceApiError> {
  try {
    await promise;
  } catch (error) {
    if (isFlexpriceApiError(error)) return error;
    throw new Error(`expected a FlexpriceApiError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Waits, a bounded number of short steps, for something the server records. */
export async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(condition(), 'condition never became true');
}
