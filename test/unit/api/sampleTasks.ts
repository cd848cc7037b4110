/** Task bodies as real servers send them, following CONTRACT.md field by field. */

/** An import while it runs: counts stay 0, total_records and summaries are null. */
export const processingImport = {
  id: 'task_01HZX8K5T3Q9W2M4N6P8R0S2V4',
  task_type: 'IMPORT',
  entity_type: 'EVENTS',
  file_url: 'https://files.example.com/uploads/events-2024-05.csv',
  file_name: 'events-2024-05.csv',
  file_type: 'CSV',
  task_status: 'PROCESSING',
  total_records: null,
  processed_records: 0,
  successful_records: 0,
  failed_records: 0,
  error_summary: null,
  metadata: null,
  started_at: '2024-05-01T10:00:01.123456789Z',
  completed_at: null,
  failed_at: null,
  environment_id: 'env_01HZX8K5T3Q9W2M4N6P8R0S2V5',
  tenant_id: 'tenant_01HZX8K5T3Q9W2M4N6P8R0S2V6',
  status: 'published',
  created_at: '2024-05-01T10:00:00Z',
  updated_at: '2024-05-01T10:00:01.123456789Z',
  created_by: 'user_1',
  updated_by: 'user_1',
};

/** A finished export: lower-case entity type outside the published enum, s3:// file, no file_name. */
export const completedExport = {
  id: 'task_01HZX9A1B2C3D4E5F6G7H8J9K0',
  task_type: 'EXPORT',
  entity_type: 'credit_topups',
  file_url: 's3://flexprice-exports/tenant/credit_topups-2024-05.csv.gz',
  file_type: 'CSV',
  task_status: 'COMPLETED',
  total_records: 1200,
  processed_records: 1200,
  successful_records: 1200,
  failed_records: 0,
  error_summary: null,
  metadata: {
    start_time: '2024-04-01T00:00:00Z',
    end_time: '2024-05-01T00:00:00Z',
    file_size_bytes: 48213,
    completed_at: '2024-05-01T11:00:09.5+00:00',
  },
  started_at: '2024-05-01T11:00:00Z',
  completed_at: '2024-05-01T11:00:09.5+00:00',
  failed_at: null,
  environment_id: 'env_1',
  tenant_id: 'tenant_1',
  status: 'published',
  created_at: '2024-05-01T10:59:59Z',
  updated_at: '2024-05-01T11:00:09.5+00:00',
  created_by: 'system',
  updated_by: 'system',
};

/** A failed import with a summary in the server's `"; "`-joined format. */
export const failedImport = {
  ...processingImport,
  id: 'task_01HZXB0000000000000000FAIL',
  task_status: 'FAILED',
  processed_records: 20,
  successful_records: 17,
  failed_records: 3,
  error_summary: "Record 3: invalid value for field 'amount'; Record 17: customer not found; Chunk 2: timeout",
  failed_at: '2024-05-01T10:02:00Z',
  updated_at: '2024-05-01T10:02:00Z',
};

/** Only an id: every other field may be missing. */
export const bareTask = { id: 'wf_8c1d2e' };
