/**
 * KX thresholds by calendar year (billing-rules §4.3). PT and SLP share one bucket, OT has
 * its own of the same amount. The targeted medical review threshold is $3,000 per bucket
 * (BBA 2018, held until 2028 when it is to be indexed) [C][S37].
 */
import type { KxThreshold } from './types';

const REVIEW = 3000;

function year(y: number, amount: number, source: string, confidence: KxThreshold['confidence']): KxThreshold {
  return {
    from: `${y}-01-01`,
    to: `${y}-12-31`,
    pt_slp: amount,
    ot: amount,
    reviewThreshold: REVIEW,
    source: `${source}; review threshold NGS [S37]`,
    confidence,
  };
}

export const KX_THRESHOLDS: readonly KxThreshold[] = [
  year(2021, 2110, 'TherapyComply [S39]', 'S'),
  year(2022, 2150, 'Noridian [S38]', 'C'),
  year(2023, 2230, 'Noridian [S38]', 'C'),
  year(2024, 2330, 'NGS [S37], Noridian [S38], MEHCA [S42]', 'C'),
  year(2025, 2410, 'prombs, proactivechart, athelas [S40]', 'S'),
  year(2026, 2480, 'proactivechart, postacutetools, alsintegratedsvc [S41]', 'S'),
];
