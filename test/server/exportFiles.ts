import { gzipSync } from 'node:zlib';
import { Prng } from './prng';
import type { ServerTask } from './taskRecord';

/** Rows actually written, whatever the task's counts, so files stay small. */
const MAX_ROWS = 200;

const COLUMNS: Record<string, string[]> = {
  events: ['event_id', 'event_name', 'external_customer_id', 'timestamp', 'properties'],
  invoice: ['invoice_id', 'customer_id', 'invoice_status', 'amount_due', 'currency', 'period_start', 'period_end'],
  credit_topups: ['topup_id', 'wallet_id', 'customer_id', 'credits', 'created_at'],
  credit_usage: ['customer_id', 'wallet_id', 'credits_used', 'balance', 'as_of'],
  usage_analytics: ['customer_id', 'feature', 'usage', 'unit', 'window_start'],
};

export interface ExportFile {
  name: string;
  contentType: string;
  body: Buffer;
}

/** The file name an export was written under: the last segment of its s3 key. */
export function exportFileName(fileUrl: string): string {
  const key = fileUrl.replace(/^s3:\/\/[^/]+\//, '');
  return key.slice(key.lastIndexOf('/') + 1) || 'export.csv';
}

/** The export's content, derived only from the task so every download of it is byte-identical. */
export function exportFile(task: ServerTask): ExportFile {
  const name = exportFileName(task.file_url);
  const csv = exportCsv(task);
  if (name.endsWith('.gz')) return { name, contentType: 'application/gzip', body: gzipSync(csv) };
  return { name, contentType: 'text/csv; charset=utf-8', body: Buffer.from(csv, 'utf8') };
}

export function exportCsv(task: ServerTask): string {
  const columns = COLUMNS[task.entity_type] ?? ['id', 'value'];
  const random = Prng.derive(0, task.id);
  const rows = Math.min(MAX_ROWS, task.total_records ?? task.successful_records ?? 0);
  const start = Date.parse(String(task.metadata?.start_time ?? task.created_at)) || 0;
  const lines = [columns.join(',')];
  for (let row = 0; row < rows; row++) {
    lines.push(columns.map((column) => cell(column, row, start, random)).join(','));
  }
  return lines.join('\n') + '\n';
}

function cell(column: string, row: number, start: number, random: Prng): string {
  if (column.endsWith('_id')) return `${column.slice(0, -3)}_${(row * 7919 + random.int(0, 999)).toString(36)}`;
  if (column === 'timestamp' || column.endsWith('_start') || column.endsWith('_end') || column === 'as_of' || column === 'created_at') {
    return new Date(start + row * 60_000).toISOString();
  }
  if (column === 'properties') return `"{""region"":""${random.pick(['us-east-1', 'eu-west-1'])}"",""tokens"":${random.int(1, 5000)}}"`;
  if (column === 'event_name') return random.pick(['api_call', 'llm_tokens', 'storage_gb_hours']);
  if (column === 'currency' || column === 'unit') return column === 'currency' ? 'usd' : 'calls';
  if (column === 'invoice_status') return random.pick(['FINALIZED', 'DRAFT', 'VOIDED']);
  if (column === 'feature') return random.pick(['api_calls', 'seats', 'storage']);
  return (random.int(0, 1_000_000) / 100).toFixed(2);
}
