/**
 * Effective-date helpers. Dates are ISO `YYYY-MM-DD` strings, which sort the same way as
 * the dates they name, so plain string comparison is enough. A longer ISO timestamp is
 * cut to its date part.
 */
import type { Effective } from './types';

/** The date part (`YYYY-MM-DD`) of an ISO date or timestamp. */
export function isoDay(date: string): string {
  return date.length > 10 ? date.slice(0, 10) : date;
}

/** True when `date` lies within the entry's inclusive `from`..`to` range. */
export function isEffective(entry: Effective, date: string): boolean {
  const day = isoDay(date);
  if (day < entry.from) return false;
  if (entry.to !== undefined && day > entry.to) return false;
  return true;
}

/** Every entry in force on `date`, in input order. */
export function allEffective<T extends Effective>(entries: readonly T[], date: string): T[] {
  return entries.filter((e) => isEffective(e, date));
}

/**
 * The entry in force on `date`. When several match (overlapping data), the one with the
 * latest `from` wins; on a tie the first in input order.
 */
export function pickEffective<T extends Effective>(entries: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const e of entries) {
    if (!isEffective(e, date)) continue;
    if (best === undefined || e.from > best.from) best = e;
  }
  return best;
}

/** True when two inclusive ranges share at least one day. */
export function rangesOverlap(a: Effective, b: Effective): boolean {
  const aEnd = a.to ?? '9999-12-31';
  const bEnd = b.to ?? '9999-12-31';
  return a.from <= bEnd && b.from <= aEnd;
}
