import * as z from 'zod/mini';
import { absentable, readEachItem, type UnreadableItem } from './lenientFields';

/*
 * Scheduled exports as real servers send them (CONTRACT.md, "Scheduled exports"). Like tasks:
 * nulls and missing fields come out as `undefined`, enums are open (any string is kept), and
 * unknown fields are dropped — which is also how S3 credentials a server might echo in
 * `job_config` never reach the extension's memory, let alone a tooltip.
 */


const text = absentable(z.string());

export const KNOWN_SCHEDULE_INTERVALS = ['15MIN', '30MIN', 'hourly', 'daily', 'custom'] as const;

/** Where the files go and how; the credentials live in the S3 connection, never here. */
const JobConfigSchema = z.object({
  bucket: text,
  region: text,
  key_prefix: text,
  compression: text,
  encryption: text,
  endpoint_url: text,
  use_path_style: absentable(z.boolean()),
  /** Extra columns, `{entity_type, field_key, column_name}` each; kept loose, only shown. */
  export_metadata_fields: absentable(z.array(z.unknown())),
});

export type ScheduleJobConfig = z.infer<typeof JobConfigSchema>;

export const ScheduledExportSchema = z.object({
  id: z.string().check(z.minLength(1)),
  connection_id: text,
  entity_type: text,
  interval: text,
  enabled: absentable(z.boolean()),
  job_config: absentable(JobConfigSchema),
  /** The record status: `published`, or `deleted` for rows the list still returns. */
  status: text,
  tenant_id: text,
  environment_id: text,
  created_at: text,
  updated_at: text,
});

export type ScheduledExport = z.infer<typeof ScheduledExportSchema>;

/** A list item that is not a readable schedule, set aside so it cannot hide the others. */
export type UnreadableSchedule = UnreadableItem;

/**
 * `GET /tasks/scheduled`: each item read on its own. `pagination.total` is the page length on
 * real servers, not a count, so it is not kept.
 */
export const ScheduledExportListSchema = z.pipe(
  z.object({ items: absentable(z.array(z.unknown())) }),
  z.transform(({ items: sent = [] }) => readEachItem(sent, ScheduledExportSchema)),
);

export type ScheduledExportList = z.infer<typeof ScheduledExportListSchema>;

/**
 * `POST /tasks/scheduled/{id}/run`: answered at once. `workflow_id` is the ID the run's task
 * will have, a few seconds later (and never, for a paused or deleted schedule).
 */
export const RunScheduledExportResultSchema = z.object({
  workflow_id: z.string().check(z.minLength(1)),
  message: text,
  start_time: text,
  end_time: text,
  /** `force run` (the current interval so far) or `custom` (a range was sent); open. */
  mode: text,
});

export type RunScheduledExportResult = z.infer<typeof RunScheduledExportResultSchema>;

/** `DELETE /tasks/scheduled/{id}`: 200 with this body on real servers; 204 per the reference. */
export const DeleteScheduledExportResultSchema = z.object({
  message: text,
  id: text,
  status: text,
});
