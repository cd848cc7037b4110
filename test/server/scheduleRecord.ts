/**
 * A scheduled export exactly as the backend serialises it (dto.ScheduledTaskResponse and
 * types.S3JobConfig). Strings rather than unions: the enums are open.
 */

export interface ExportMetadataField {
  entity_type: string;
  field_key: string;
  /** Omitted when empty. */
  column_name?: string;
}

/** Every field but bucket and region is `omitempty` in Go: absent, never "" or false. */
export interface ScheduleJobConfig {
  bucket: string;
  region: string;
  key_prefix?: string;
  /** "none" | "gzip" */
  compression?: string;
  /** "AES256" | "aws:kms" | "aws:kms:dsse" */
  encryption?: string;
  endpoint_url?: string;
  use_path_style?: boolean;
  export_metadata_fields?: ExportMetadataField[];
}

export interface ServerSchedule {
  /** schtask_<ULID> */
  id: string;
  tenant_id: string;
  environment_id: string;
  connection_id: string;
  entity_type: string;
  /** "15MIN" | "30MIN" | "hourly" | "daily" | "custom" */
  interval: string;
  enabled: boolean;
  job_config: ScheduleJobConfig | null;
  /** "published" | "deleted" */
  status: string;
  created_at: string;
  updated_at: string;
}

export const SCHEDULE_INTERVALS = ['15MIN', '30MIN', 'hourly', 'daily', 'custom'] as const;

const WIRE_ORDER: readonly (keyof ServerSchedule)[] = [
  'id', 'tenant_id', 'environment_id', 'connection_id', 'entity_type', 'interval', 'enabled', 'job_config', 'status',
  'created_at', 'updated_at',
];

const JOB_CONFIG_ORDER: readonly (keyof ScheduleJobConfig)[] = [
  'bucket', 'region', 'key_prefix', 'compression', 'encryption', 'endpoint_url', 'use_path_style', 'export_metadata_fields',
];

/** The JSON body for one schedule, in the struct's field order, with Go's `omitempty` applied to job_config. */
export function scheduleToWire(schedule: ServerSchedule): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const key of WIRE_ORDER) wire[key] = key === 'job_config' ? jobConfigToWire(schedule.job_config) : schedule[key];
  return wire;
}

function jobConfigToWire(config: ScheduleJobConfig | null): Record<string, unknown> | null {
  if (!config) return null;
  const wire: Record<string, unknown> = {};
  for (const key of JOB_CONFIG_ORDER) {
    const value = config[key];
    const required = key === 'bucket' || key === 'region';
    if (required || (value !== undefined && value !== '' && value !== false && !(Array.isArray(value) && value.length === 0))) {
      wire[key] = key === 'export_metadata_fields' ? (value as ExportMetadataField[]).map(metadataFieldToWire) : value ?? '';
    }
  }
  return wire;
}

function metadataFieldToWire(field: ExportMetadataField): Record<string, unknown> {
  return field.column_name ? { entity_type: field.entity_type, field_key: field.field_key, column_name: field.column_name } : { entity_type: field.entity_type, field_key: field.field_key };
}

export function copySchedule(schedule: ServerSchedule): ServerSchedule {
  const config = schedule.job_config;
  return {
    ...schedule,
    job_config: config && {
      ...config,
      ...(config.export_metadata_fields ? { export_metadata_fields: config.export_metadata_fields.map((field) => ({ ...field })) } : {}),
    },
  };
}
