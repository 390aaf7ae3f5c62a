/**
 * Medicare Physician Fee Schedule: conversion factors by period and the national
 * unadjusted amount of every code with RVUs (billing-rules §6, §13.9). Both are the
 * built-in pack's tables, imported from the PPRRVU-layout source tables in data/source
 * (one file per conversion-factor period: 2024 had two; each row names the source and
 * confidence of its RVUs, each file the citation of its conversion factor).
 * nationalAmount = round((work + PE + MP) × non-QP CF, 2); a unit test checks every entry
 * against that formula.
 *
 * Sourcing, honestly: the CMS RVU files (RVU24A–D, RVU25A, RVU26A) could not be opened
 * here. Five 2026 totals are published by secondary pages that quote RVU26A [S46][S47]
 * [S48] and carry confidence S. Every other value is claimlint's estimate for the code and
 * is marked U (unconfirmed); for 2024 and 2025 the 2026 values are carried back, also U.
 * Import the CMS file (`claimlint data import RVU26A.zip`) before relying on a dollar
 * amount. Codes with a Medicare status that has no national rate are not listed: see the
 * catalogue's `pfsStatus`.
 */
import type { ConversionFactor, FeeEntry } from './types';
import { allEffective } from './effective';
import { BUILTIN_CONVERSION_FACTORS, BUILTIN_FEES } from './builtinPack';

export { roundCents } from './cents';

export const CONVERSION_FACTORS: readonly ConversionFactor[] = BUILTIN_CONVERSION_FACTORS;

/** One fee entry per code and conversion-factor period. */
export const FEES: readonly FeeEntry[] = BUILTIN_FEES;

/** Every fee in force on `date` (for coverage checks and docs). */
export function feesOn(date: string): FeeEntry[] {
  return allEffective(FEES, date);
}
