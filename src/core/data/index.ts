/**
 * Lookup API over the reference data. Everything takes an ISO date (`YYYY-MM-DD`, the date
 * of service) and returns the entry in force on that date, or undefined when none is.
 * Codes and modifiers are matched case-insensitively, ignoring surrounding spaces.
 */
import type {
  AssistantDifferential,
  CodeInfo,
  ConversionFactor,
  Discipline,
  FeeEntry,
  KxBucket,
  KxThreshold,
  ModifierInfo,
  MueEntry,
  NcciPair,
  Sourced,
} from './types';
import { allEffective, isEffective, pickEffective } from './effective';
import { CODES } from './codes';
import { MODIFIERS } from './modifiers';
import { CONVERSION_FACTORS, FEES } from './fees';
import { KX_THRESHOLDS } from './kx';
import { NCCI_PAIRS, SAME_DAY_EXCLUSIVE_GROUPS, type SameDayExclusiveGroup } from './ncci';
import { MUES } from './mue';
import { ASSISTANT_DIFFERENTIALS } from './assistant';

export type * from './types';
export type { SameDayExclusiveGroup } from './ncci';
export { isEffective, pickEffective, allEffective } from './effective';
export { therapyStatus, DATA_BASELINE } from './codes';
export { THERAPY_MODIFIERS, ASSISTANT_MODIFIERS, DISTINCT_MODIFIERS } from './modifiers';
export {
  priceLine,
  priceClaimLines,
  NATIONAL_UNADJUSTED,
  type PriceLineInput,
  type PricedLine,
  type ClaimPriceInput,
  type ClaimLinePrice,
  type ClaimPrice,
} from '../billing/pricing';
export { roundCents } from './fees';

function norm(s: string): string {
  return s.trim().toUpperCase();
}

/** Entries grouped by a key, each group in input order. */
export function groupBy<T>(entries: readonly T[], key: (e: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const e of entries) {
    const k = key(e);
    const list = map.get(k);
    if (list) list.push(e);
    else map.set(k, [e]);
  }
  return map;
}

const codesByCode = groupBy(CODES, (c) => c.code);
const modifiersByName = groupBy(MODIFIERS, (m) => m.modifier);
const feesByCode = groupBy(FEES, (f) => f.code);
const muesByCode = groupBy(MUES, (m) => m.code);

// ---- codes ----------------------------------------------------------------------------

/** The catalog entry for `code` on `date`. */
export function codeInfo(code: string, date: string): CodeInfo | undefined {
  return pickEffective(codesByCode.get(norm(code)) ?? [], date);
}

/** Every code in force on `date`, sorted by code. */
export function allCodes(date: string): CodeInfo[] {
  return allEffective(CODES, date).sort((a, b) => a.code.localeCompare(b.code));
}

/** True when the code is in the catalog on any date (e.g. to tell "deleted" from "unknown"). */
export function isKnownCodeAnyDate(code: string): boolean {
  return codesByCode.has(norm(code));
}

/** The latest catalog entry for a code regardless of date (for "deleted on …" messages). */
export function codeInfoAnyDate(code: string): CodeInfo | undefined {
  const list = codesByCode.get(norm(code));
  if (!list) return undefined;
  return list.reduce((best, e) => (e.from > best.from ? e : best));
}

// ---- modifiers ------------------------------------------------------------------------

export function modifierInfo(mod: string, date: string): ModifierInfo | undefined {
  return pickEffective(modifiersByName.get(norm(mod)) ?? [], date);
}

export function allModifiers(date: string): ModifierInfo[] {
  return allEffective(MODIFIERS, date);
}

// ---- fees -----------------------------------------------------------------------------

export function feeFor(code: string, date: string): FeeEntry | undefined {
  return pickEffective(feesByCode.get(norm(code)) ?? [], date);
}

export function conversionFactor(date: string): ConversionFactor | undefined {
  return pickEffective(CONVERSION_FACTORS, date);
}

// ---- KX -------------------------------------------------------------------------------

export function kxThreshold(date: string): KxThreshold | undefined {
  return pickEffective(KX_THRESHOLDS, date);
}

/**
 * The KX bucket a line counts toward: GP or GN → PT+SLP, GO → OT (first therapy modifier
 * on the line wins); without one, the claim's discipline decides.
 */
export function kxBucketFor(modifiers: readonly string[], discipline?: Discipline): KxBucket | undefined {
  for (const m of modifiers) {
    const mod = norm(m);
    if (mod === 'GP' || mod === 'GN') return 'pt_slp';
    if (mod === 'GO') return 'ot';
  }
  if (discipline === 'PT' || discipline === 'SLP') return 'pt_slp';
  if (discipline === 'OT') return 'ot';
  return undefined;
}

// ---- NCCI -----------------------------------------------------------------------------

/** Every PTP pair in force on `date`. */
export function ncciPairs(date: string): NcciPair[] {
  return allEffective(NCCI_PAIRS, date);
}

/** The pair for two codes on `date`, in either order; the row tells which is column 1. */
export function findNcciPair(codeA: string, codeB: string, date: string): NcciPair | undefined {
  const a = norm(codeA);
  const b = norm(codeB);
  if (a === b) return undefined;
  return pickEffective(
    NCCI_PAIRS.filter((p) => (p.column1 === a && p.column2 === b) || (p.column1 === b && p.column2 === a)),
    date,
  );
}

export const sameDayExclusiveGroups: readonly SameDayExclusiveGroup[] = SAME_DAY_EXCLUSIVE_GROUPS;

/** The one-per-date groups in force on `date` that contain `code`. */
export function sameDayGroupsFor(code: string, date: string): SameDayExclusiveGroup[] {
  const c = norm(code);
  return SAME_DAY_EXCLUSIVE_GROUPS.filter((g) => g.codes.includes(c) && isEffective(g, date));
}

// ---- MUE and assistants ---------------------------------------------------------------

export function mueFor(code: string, date: string): MueEntry | undefined {
  return pickEffective(muesByCode.get(norm(code)) ?? [], date);
}

export function assistantDifferential(date: string): AssistantDifferential | undefined {
  return pickEffective(ASSISTANT_DIFFERENTIALS, date);
}

// ---- raw tables (for tests, docs generation and reviewers) ----------------------------

export const tables: {
  codes: readonly CodeInfo[];
  modifiers: readonly ModifierInfo[];
  fees: readonly FeeEntry[];
  conversionFactors: readonly ConversionFactor[];
  kxThresholds: readonly KxThreshold[];
  ncciPairs: readonly NcciPair[];
  sameDayExclusiveGroups: readonly SameDayExclusiveGroup[];
  mues: readonly MueEntry[];
  assistantDifferentials: readonly AssistantDifferential[];
} = {
  codes: CODES,
  modifiers: MODIFIERS,
  fees: FEES,
  conversionFactors: CONVERSION_FACTORS,
  kxThresholds: KX_THRESHOLDS,
  ncciPairs: NCCI_PAIRS,
  sameDayExclusiveGroups: SAME_DAY_EXCLUSIVE_GROUPS,
  mues: MUES,
  assistantDifferentials: ASSISTANT_DIFFERENTIALS,
};

/** Convenience for hover text: "source (confidence)". */
export function citation(entry: Sourced): string {
  const label = { C: 'confirmed', S: 'secondary source', D: 'derived', U: 'unconfirmed' }[entry.confidence];
  return `${entry.source} (${label})`;
}
