/**
 * Medicare Physician Fee Schedule: conversion factors and 2026 national unadjusted
 * amounts (billing-rules §6). nationalAmount = round(totalRvu × non-QP CF, 2); a unit test
 * checks every entry against that formula.
 */
import type { ConversionFactor, FeeEntry } from './types';

export const CONVERSION_FACTORS: readonly ConversionFactor[] = [
  {
    // A single CF in 2025; the QP / non-QP split begins in 2026.
    from: '2025-01-01', to: '2025-12-31', nonQp: 32.3465, qp: 32.3465,
    source: 'DecisionHealth [S43], AAMC [S44], Becker\'s [S45]', confidence: 'C',
  },
  {
    from: '2026-01-01', to: '2026-12-31', nonQp: 33.4009, qp: 33.5675,
    source: 'DecisionHealth [S43], AAMC [S44], Becker\'s [S45]', confidence: 'C',
  },
];

const Y2026 = { from: '2026-01-01', to: '2026-12-31' } as const;
const CF_2026 = 33.4009;

/** Cent rounding that is not fooled by binary floating point (e.g. 2980.95 → 29.81). */
export function roundCents(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

function fee2026(code: string, totalRvu: number, peRvu: number | undefined, source: string): FeeEntry {
  const entry: FeeEntry = {
    code,
    totalRvu,
    nationalAmount: roundCents(totalRvu * CF_2026),
    ...Y2026,
    source,
    confidence: 'S',
  };
  if (peRvu !== undefined) entry.peRvu = peRvu;
  return entry;
}

/**
 * RVUs as published from CMS RVU26A by payerready / mirahealth / ImmediCare ([S]); the
 * amounts are computed ([D]) and match the report's table: 97530 35.07, 97110 29.06,
 * 97112 32.73, 97140 27.72, 97150 18.04.
 */
export const FEES: readonly FeeEntry[] = [
  fee2026('97530', 1.05, 0.6, 'payerready [S46], ImmediCare [S47]; amount RVU×CF'),
  fee2026('97110', 0.87, 0.41, 'payerready [S46]; amount RVU×CF'),
  fee2026('97112', 0.98, 0.47, 'payerready [S46]; amount RVU×CF'),
  fee2026('97140', 0.83, undefined, 'mirahealth [S48], ImmediCare [S47]; amount RVU×CF'),
  fee2026('97150', 0.54, undefined, 'mirahealth [S48]; amount RVU×CF'),
];
