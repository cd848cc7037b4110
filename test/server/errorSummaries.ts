import type { Prng } from './prng';

/** The backend keeps at most this many entries in error_summary. */
export const MAX_SUMMARY_ENTRIES = 1000;

const RECORD_PROBLEMS = [
  "invalid value for field 'amount'",
  'customer not found',
  "missing required field 'event_name'",
  "missing required field 'external_customer_id'",
  "invalid timestamp '27/11/2026 10:15': expected RFC3339",
  "price not found for lookup key 'pro-monthly'",
  "duplicate event id 'evt_8812'",
  "invalid currency 'usd$'",
  "feature 'api_calls' already exists",
  "invalid billing period 'FORTNIGHTLY'",
] as const;

const JSON_PROBLEMS = [
  'unexpected end of JSON input',
  "invalid character '}' looking for beginning of object key string",
  "invalid character 'x' looking for beginning of value",
] as const;

const CHUNK_PROBLEMS = [
  'context deadline exceeded',
  'failed to publish events: kafka: client has run out of available brokers',
  'database error: connection reset by peer',
] as const;

const CSV_PROBLEMS = [
  'record on line 2048: wrong number of fields',
  'parse error on line 311, column 14: bare " in non-quoted-field',
] as const;

/**
 * An import error_summary the way the backend writes it: entries joined by "; ", mostly
 * `Record N:` (N is the row within its 1,000-row chunk), with some chunk, CSV and JSON errors.
 */
export function importErrorSummary(random: Prng, entries: number): string {
  const parts: string[] = [];
  const count = Math.min(entries, MAX_SUMMARY_ENTRIES);
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    if (roll < 0.8) parts.push(`Record ${random.int(0, 999)}: ${random.pick(RECORD_PROBLEMS)}`);
    else if (roll < 0.9) parts.push(`Record ${random.int(0, 999)}: invalid JSON in properties column: ${random.pick(JSON_PROBLEMS)}`);
    else if (roll < 0.96) parts.push(`Chunk ${random.int(0, 40)}: ${random.pick(CHUNK_PROBLEMS)}`);
    else parts.push(`CSV read error: ${random.pick(CSV_PROBLEMS)}`);
  }
  return parts.join('; ');
}

const EXPORT_FAILURES = [
  'failed to upload export to s3: RequestTimeout: Your socket connection to the server was not read from or written to within the timeout period',
  'failed to query events: code: 241, message: Memory limit (total) exceeded',
  'no connection configured for export destination',
] as const;

/** Exports report the raw error text of the failed job. */
export function exportFailure(random: Prng): string {
  return random.pick(EXPORT_FAILURES);
}

/** Whole-file failures that do leave a summary (often they leave none). */
export function wholeFileFailure(random: Prng): string {
  return random.pick([
    'CSV read error: record on line 1: wrong number of fields',
    'Chunk 0: failed to download file: 403 Forbidden',
    "CSV read error: missing required column 'event_name'",
  ]);
}

const WRAPPED_EXPORT_CAUSES = [
  'failed to upload to s3: AccessDenied: Access Denied',
  'failed to upload to s3: NoSuchBucket: The specified bucket does not exist',
  'failed to get configured S3 client: failed to decrypt connection credentials',
  'failed to query events: code: 241, message: Memory limit (total) exceeded',
  'failed to upload to s3: RequestTimeout: Your socket connection to the server was not read from or written to within the timeout period',
] as const;

/**
 * A scheduled export's error_summary: the ExportData activity's error as Temporal wraps it.
 * The cause sits after the last "): " and before the trailing "(type: …)".
 */
export function wrappedExportError(random: Prng): string {
  return `activity error (type: ExportData, scheduledEventID: 11, startedEventID: 12, identity: 1@worker@): ${random.pick(WRAPPED_EXPORT_CAUSES)} (type: wrapError, retryable: true)`;
}
