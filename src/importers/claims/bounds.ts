/**
 * What an importer may write (docs/limits.md, "Imported fields"): every text field has a
 * length limit and every number a range, so a hostile or broken export cannot write a 50 MB
 * payer name or 1e23 units into a claim file (the audit would then refuse the whole file).
 * Each importer checks where it reads, so the error names the place (segment and element,
 * JSON path, row and column) — never the value.
 */
import { LIMITS } from '../../core';

export const IMPORT_BOUNDS = {
  /** Characters of an 837 element claimlint reads (X12's largest for these elements is 80, NM109). */
  x12Element: 80,
  /** Characters of a FHIR string or CSV cell that claimlint writes or keys on (ids, names, codes, NPIs). */
  text: 200,
  /** Units on one line: a whole number up to the claim format's limit. */
  units: LIMITS.MAX_UNITS,
  /** Minutes (a line's, or a visit total). */
  minutes: LIMITS.MAX_MINUTES,
  /** Dollars charged for one service line. */
  charge: 100_000,
  /** A diagnosis pointer (an 837P or CMS-1500 claim holds at most 12 diagnoses, A–L). */
  pointer: 12,
} as const;

export function tooLong(max: number): string {
  return `longer than ${max} characters, claimlint's limit for an imported field`;
}

/** Why a unit count cannot be imported, or undefined. */
export function unitsProblem(n: number | undefined): string | undefined {
  if (n === undefined || !Number.isInteger(n) || n < 0) return 'the units are not a whole number';
  if (n > IMPORT_BOUNDS.units) return `more than ${IMPORT_BOUNDS.units} units on one line (claimlint's limit)`;
  return undefined;
}

/** Why minutes cannot be imported, or undefined. */
export function minutesProblem(n: number | undefined): string | undefined {
  if (n === undefined || !Number.isInteger(n) || n < 0) return 'not a whole number';
  if (n > IMPORT_BOUNDS.minutes) return `more than ${IMPORT_BOUNDS.minutes} minutes (one day; claimlint's limit)`;
  return undefined;
}

/** Why a line charge cannot be imported, or undefined. */
export function chargeProblem(n: number | undefined): string | undefined {
  if (n === undefined || !Number.isFinite(n) || n < 0) return 'the line charge is not a non-negative amount';
  if (n > IMPORT_BOUNDS.charge) return `more than $${IMPORT_BOUNDS.charge.toLocaleString('en-US')} on one line (claimlint's limit)`;
  return undefined;
}
