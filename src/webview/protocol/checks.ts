/*
 * Small type guards for checking data that crossed from the other side of the webview. A
 * `Shape<T>` must name a check for every property of T, so a field added to a type without a
 * check does not compile.
 */

/** Whether `value` has the type T. */
export type Check<T> = (value: unknown) => value is T;

/** One check for each property of T, optional ones included. */
export type Shape<T> = { readonly [K in keyof T]-?: Check<T[K]> };

export const isString: Check<string> = (value): value is string => typeof value === 'string';
export const isBoolean: Check<boolean> = (value): value is boolean => typeof value === 'boolean';
export const isNumber: Check<number> = (value): value is number => typeof value === 'number' && Number.isFinite(value);

/** A string of 1 to `maxLength` characters. */
export function nonEmptyString(maxLength: number): Check<string> {
  return (value): value is string => typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value): value is T | undefined => value === undefined || check(value);
}

export function literal<const T extends readonly string[]>(...values: T): Check<T[number]> {
  return (value): value is T[number] => typeof value === 'string' && values.includes(value);
}

export function arrayOf<T>(check: Check<T>): Check<readonly T[]> {
  return (value): value is readonly T[] => Array.isArray(value) && value.every((item) => check(item));
}

/** A plain object with every property of `shape` passing its check; other properties are ignored. */
export function objectOf<T>(shape: Shape<T>): Check<T> {
  const keys = Object.keys(shape) as (keyof T)[];
  return (value): value is T => {
    if (!isRecord(value)) return false;
    for (const key of keys) if (!shape[key](value[key as string])) return false;
    return true;
  };
}

export function anyOf<T extends readonly Check<unknown>[]>(...checks: T): Check<T[number] extends Check<infer U> ? U : never> {
  return (value): value is T[number] extends Check<infer U> ? U : never => checks.some((check) => check(value));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
