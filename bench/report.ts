/**
 * The shape every benchmark reports in. A figure says what was measured, how, and against
 * which budget; bench/run.ts prints them as one table and writes them to bench/results.json.
 */

export type Unit = 'ms' | 'KB' | 'MB' | 's' | 'requests' | 'x';

export interface Budget {
  /** The figure must be at most this. */
  max?: number;
  /** The figure must be at least this. */
  min?: number;
}

export interface Figure {
  /** Short label for the table, e.g. "activate() median". */
  name: string;
  /** null when it could not be measured (say why in `how`). */
  value: number | null;
  unit: Unit;
  budget?: Budget;
  /** One sentence: how it was measured (runs, median or mean, time scale, ...). */
  how: string;
  /** Raw samples or a breakdown, kept in results.json only. */
  details?: Record<string, unknown>;
}

export interface Section {
  /** The key used by `--only`, e.g. "startup". */
  id: string;
  title: string;
  figures: Figure[];
}

/** undefined = no budget; otherwise whether the figure meets it. */
export function meetsBudget(figure: Figure): boolean | undefined {
  const { budget, value } = figure;
  if (!budget) return undefined;
  if (value === null) return false;
  if (budget.max !== undefined && value > budget.max) return false;
  if (budget.min !== undefined && value < budget.min) return false;
  return true;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Rounds to `digits` decimals, for printing and JSON. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
