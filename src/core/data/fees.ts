/**
 * Medicare Physician Fee Schedule: conversion factors by period and the national
 * unadjusted amount of every code with RVUs (billing-rules §6, §13.9). nationalAmount =
 * round((work + PE + MP) × non-QP CF, 2), one entry per code and CF period; a unit test
 * checks every entry against that formula. 2024 had two CF periods.
 */
import type { ConversionFactor, FeeEntry } from './types';
import { allEffective, rangesOverlap } from './effective';
import { RVUS } from './rvus';

export const CONVERSION_FACTORS: readonly ConversionFactor[] = [
  {
    from: '2024-01-01', to: '2024-03-08', nonQp: 32.7442, qp: 32.7442,
    source: 'CMS CY 2024 PFS final rule; billing-rules §13.9', confidence: 'S',
  },
  {
    // Consolidated Appropriations Act 2024: the CF rose from 9 March 2024.
    from: '2024-03-09', to: '2024-12-31', nonQp: 33.2875, qp: 33.2875,
    source: 'Consolidated Appropriations Act 2024, CMS revised CY 2024 CF; billing-rules §13.9', confidence: 'S',
  },
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

/** Cent rounding that is not fooled by binary floating point (e.g. 2980.95 → 29.81). */
export function roundCents(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

/** RVU sums without floating-point dust (0.44 + 0.6 + 0.01 = 1.05). */
function rvuSum(...xs: number[]): number {
  return Math.round(xs.reduce((s, x) => s + x, 0) * 10000) / 10000;
}

/** One fee entry per RVU row and CF period that overlap (2024 has two CF periods). */
export const FEES: readonly FeeEntry[] = RVUS.flatMap((r) =>
  CONVERSION_FACTORS.filter((cf) => rangesOverlap(cf, r)).map((cf): FeeEntry => {
    const totalRvu = rvuSum(r.work, r.pe, r.mp);
    return {
      code: r.code,
      totalRvu,
      workRvu: r.work,
      peRvu: r.pe,
      mpRvu: r.mp,
      nationalAmount: roundCents(totalRvu * cf.nonQp),
      conversionFactor: cf.nonQp,
      from: cf.from > r.from ? cf.from : r.from,
      to: (cf.to ?? '9999-12-31') < (r.to ?? '9999-12-31') ? cf.to : r.to,
      source: `RVUs: ${r.source}; CF ${cf.nonQp}: ${cf.source}; amount RVU × CF`,
      confidence: r.confidence,
    };
  }),
);

/** Every fee in force on `date` (for coverage checks and docs). */
export function feesOn(date: string): FeeEntry[] {
  return allEffective(FEES, date);
}
