/**
 * The task exactly as the real backend serialises it. Kept here (not imported from src/) so
 * the fake server stays an independent witness of the wire format the client must accept.
 * Strings rather than unions: enums are open, and tests may store values no schema knows.
 */
export interface ServerTask {
  id: string;
  task_type: string;
  entity_type: string;
  file_url: string;
  /** Omitted from JSON when empty. */
  file_name?: string;
  file_type: string;
  task_status: string;
  /** Never set for imports. */
  total_records: number | null;
  processed_records: number;
  successful_records: number;
  failed_records: number;
  error_summary: string | null;
  metadata: Record<string, unknown> | null;
  started_at: string | null;
  completed_at: string | null;
  failed_at: string | null;
  environment_id: string;
  tenant_id: string;
  status: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export const TASK_STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'] as const;
export const IMPORT_ENTITY_TYPES = ['EVENTS', 'PRICES', 'CUSTOMERS', 'FEATURES'] as const;
/** Exports use lowercase values outside the published enum. */
export const EXPORT_ENTITY_TYPES = ['events', 'invoice', 'credit_topups', 'credit_usage', 'usage_analytics'] as const;

export const DEFAULT_TENANT_ID = 'tenant_01JQ6ZT3C1VK8D0M4N7R2S5W9X';
export const DEFAULT_ENVIRONMENT_ID = 'env_01JQ6ZT9F4HB2K7M0P3R6T8V1Y';
export const SEED_USERS = [
  'user_01JQ6ZV2A8C4E6G0J2K4M6N8P0',
  'user_01JQ6ZV5B1D3F5H7K9M1N3Q5R7',
  'user_01JQ6ZV8C2E4G6J8M0P2R4T6V8',
] as const;

/** Field order of the backend's response struct, so raw JSON views look like the real thing. */
const WIRE_ORDER: readonly (keyof ServerTask)[] = [
  'id', 'task_type', 'entity_type', 'file_url', 'file_name', 'file_type', 'task_status', 'total_records',
  'processed_records', 'successful_records', 'failed_records', 'error_summary', 'metadata', 'started_at',
  'completed_at', 'failed_at', 'environment_id', 'tenant_id', 'status', 'created_at', 'created_by',
  'updated_at', 'updated_by',
];

/** The JSON body for one task: a copy, with `file_name` dropped when empty as Go's `omitempty` does. */
export function toWire(task: ServerTask): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const key of WIRE_ORDER) if (key in task) wire[key] = task[key];
  // Fields tests add that the backend does not know still go out, after the known ones.
  Object.assign(wire, task);
  if (!wire.file_name) delete wire.file_name;
  return wire;
}
