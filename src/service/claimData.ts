/** Reading a claim's plain data (possibly half-typed) for hover and completion. */
import type { ResolvedConfig } from '../core';

/** The date whose reference data applies: the claim's valid date, the configured default, or today. */
export function dataDate(raw: unknown, config: ResolvedConfig): string {
  const date = (raw as { date_of_service?: unknown } | undefined)?.date_of_service;
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return date;
  return config.defaultDate ?? new Date().toISOString().slice(0, 10);
}

/** A field of the raw claim by path segments, or undefined. */
export function rawAt(raw: unknown, ...keys: (string | number)[]): unknown {
  let v = raw;
  for (const k of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}
