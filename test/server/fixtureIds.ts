/** Ids of hand-made seeded tasks that tests can rely on, whatever the seed. */
export const FIXTURE_IDS = {
  completedImport: 'task_01JQ7B2C3D4E5F6G7H8J9K0M1N',
  completedWithErrors: 'task_01JQ7B2C3D4E5F6G7H8J9K0M2P',
  failedNoSummary: 'task_01JQ7B2C3D4E5F6G7H8J9K0M3Q',
  failedWithSummary: 'task_01JQ7B2C3D4E5F6G7H8J9K0MBZ',
  processingImport: 'task_01JQ7B2C3D4E5F6G7H8J9K0M4R',
  pendingImport: 'task_01JQ7B2C3D4E5F6G7H8J9K0M5S',
  completedExportS3: 'task_01JQ7B2C3D4E5F6G7H8J9K0M6T',
  completedExportGz: 'task_01JQ7B2C3D4E5F6G7H8J9K0M7V',
  processingExport: 'task_01JQ7B2C3D4E5F6G7H8J9K0M8W',
  pendingExport: 'task_01JQ7B2C3D4E5F6G7H8J9K0MC0',
  failedExport: 'task_01JQ7B2C3D4E5F6G7H8J9K0MD1',
  /** file_name, file_url and error_summary carry markup and a javascript: URL. */
  hostile: 'task_01JQ7B2C3D4E5F6G7H8J9K0M9X',
  /** error_summary with exactly 1,000 entries (the backend's cap). */
  thousandErrors: 'task_01JQ7B2C3D4E5F6G7H8J9K0MAY',
  /** A scheduled export run carrying a bare workflow id (with ':' that must be URL-encoded). */
  workflowRun: 'ExportWorkflow-schtask_01JQ80N2W5-2026-11-27T00:00:00Z',
} as const;

export type FixtureName = keyof typeof FIXTURE_IDS;
