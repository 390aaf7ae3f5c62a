/**
 * Medicare Physician Fee Schedule relative value units (non-facility; the sources give
 * facility PE equal to non-facility PE for therapy codes), one row per code and year,
 * each with its source and confidence (billing-rules §6, §13.9). The national amount of a
 * unit is (work + PE + MP) × the conversion factor of the period (fees.ts).
 *
 * Sourcing, honestly: the CMS RVU files (RVU24A–D, RVU25A, RVU26A) could not be opened
 * here. Five 2026 totals are published by secondary pages that quote RVU26A [S46][S47]
 * [S48] and carry confidence S. Every other value is claimlint's estimate for the code and
 * is marked U (unconfirmed); for 2024 and 2025 the 2026 values are carried back, also U.
 * Replace this table with the CMS file (the data-pack format, issue 14) before relying
 * on a dollar amount; the tests check the arithmetic, not these inputs.
 * Codes with a Medicare status that has no national rate are not listed: see the
 * catalogue's `pfsStatus` (R: 97545/97546; C: the unlisted 97039, 97139, 97799), status B
 * 97010 (bundled), 97014 (Medicare uses G0283) and the athletic-trainer evaluations.
 */
import type { Confidence, Effective, Sourced } from './types';

export interface RvuRow extends Sourced, Effective {
  code: string;
  work: number;
  pe: number;
  mp: number;
}

const Y2024: Effective = { from: '2024-01-01', to: '2024-12-31' };
const Y2025: Effective = { from: '2025-01-01', to: '2025-12-31' };
const Y2026: Effective = { from: '2026-01-01', to: '2026-12-31' };

const SOURCED_2026: Record<string, string> = {
  '97530': 'payerready [S46], ImmediCare [S47] (RVU26A)',
  '97110': 'payerready [S46] (RVU26A)',
  '97112': 'payerready [S46] (RVU26A)',
  '97140': 'total from mirahealth [S48], ImmediCare [S47] (RVU26A); the work/PE split is estimated',
  '97150': 'total from mirahealth [S48] (RVU26A); the work/PE split is estimated',
};
const ESTIMATE = 'claimlint estimate, not from the CMS RVU file (unconfirmed)';
const CARRIED = 'not sourced for this year: the 2026 RVUs carried back (unconfirmed)';

/** [code, work, PE, MP] for 2026. */
const RVU_2026: readonly [string, number, number, number][] = [
  // Timed 15-minute codes.
  ['97032', 0.25, 0.18, 0.01], ['97033', 0.26, 0.33, 0.01], ['97034', 0.21, 0.22, 0.01], ['97035', 0.21, 0.17, 0.01],
  ['97036', 0.28, 0.54, 0.01], ['97110', 0.45, 0.41, 0.01], ['97112', 0.5, 0.47, 0.01], ['97113', 0.48, 0.6, 0.02],
  ['97116', 0.45, 0.4, 0.01], ['97124', 0.35, 0.42, 0.01], ['97129', 0.5, 0.2, 0.02], ['97130', 0.48, 0.19, 0.02],
  ['97140', 0.43, 0.39, 0.01], ['97530', 0.44, 0.6, 0.01], ['97533', 0.44, 0.7, 0.02], ['97535', 0.45, 0.49, 0.02],
  ['97537', 0.45, 0.43, 0.01], ['97542', 0.45, 0.45, 0.02], ['97750', 0.45, 0.49, 0.02], ['97755', 0.62, 0.42, 0.03],
  ['97760', 0.5, 0.74, 0.02], ['97761', 0.5, 0.6, 0.02], ['97763', 0.48, 0.89, 0.02],
  // Evaluations and other untimed PT/OT codes.
  ['97161', 1.5, 1.48, 0.07], ['97162', 1.5, 1.48, 0.07], ['97163', 1.5, 1.48, 0.07], ['97164', 0.73, 1.3, 0.03],
  ['97165', 1.5, 1.61, 0.07], ['97166', 1.5, 1.61, 0.07], ['97167', 1.5, 1.61, 0.07], ['97168', 0.73, 1.3, 0.03],
  ['97150', 0.29, 0.24, 0.01], ['97012', 0.25, 0.21, 0.01], ['G0283', 0.18, 0.17, 0.01], ['97016', 0.18, 0.37, 0.01],
  ['97018', 0.06, 0.11, 0.01], ['97022', 0.17, 0.4, 0.01], ['97024', 0.06, 0.13, 0.01], ['97026', 0.06, 0.11, 0.01],
  ['97028', 0.08, 0.13, 0.01],
  // SLP.
  ['92507', 1.3, 1.09, 0.04], ['92508', 0.33, 0.38, 0.01], ['92521', 1.75, 1.75, 0.07], ['92522', 1.5, 1.44, 0.06],
  ['92523', 3.0, 3.09, 0.12], ['92524', 1.5, 1.5, 0.06], ['92526', 1.34, 1.24, 0.05], ['92597', 1.48, 1.44, 0.06],
  ['92610', 1.3, 1.7, 0.06], ['92607', 1.85, 1.83, 0.07], ['92608', 0.7, 0.72, 0.03], ['92626', 1.4, 1.7, 0.06],
  ['92627', 0.33, 0.43, 0.01], ['96105', 1.75, 0.9, 0.05], ['96125', 1.7, 1.1, 0.07], ['92520', 0.75, 1.4, 0.03],
  ['92605', 1.75, 0.7, 0.07], ['92618', 0.5, 0.23, 0.02], ['92609', 1.5, 1.31, 0.06], ['92611', 1.34, 1.78, 0.06],
  ['92612', 1.27, 4.2, 0.07], ['96116', 1.86, 0.53, 0.07], ['96121', 1.71, 0.43, 0.06],
  // Sometimes-therapy and related codes.
  ['29581', 0.25, 1.7, 0.02], ['29582', 0.35, 1.87, 0.02], ['29583', 0.25, 1.53, 0.02], ['29584', 0.35, 2.1, 0.02],
  ['97597', 0.88, 2.1, 0.08], ['95831', 0.28, 0.6, 0.01], ['95832', 0.29, 0.57, 0.01], ['95833', 0.47, 0.8, 0.02],
  ['95834', 0.6, 1.08, 0.03], ['95851', 0.16, 0.52, 0.01], ['95852', 0.11, 0.39, 0.01],
  ['97550', 1.0, 0.55, 0.04], ['97551', 0.54, 0.27, 0.02], ['97552', 0.23, 0.12, 0.01],
  ['98975', 0, 0.55, 0.01], ['98976', 0, 1.43, 0.01], ['98977', 0, 1.43, 0.01], ['98978', 0, 1.43, 0.01],
  ['98980', 0.62, 0.91, 0.04], ['98981', 0.61, 0.68, 0.04], ['98979', 0.31, 0.46, 0.02], ['98984', 0, 0.93, 0.01],
  ['98985', 0, 0.93, 0.01], ['98986', 0, 0.93, 0.01],
  ['97598', 0.5, 0.75, 0.04], ['97605', 0.55, 0.52, 0.03], ['97606', 0.6, 0.59, 0.04], ['97607', 0.41, 8.5, 0.03],
  ['97608', 0.46, 8.61, 0.03], ['29530', 0.39, 0.55, 0.03], ['29540', 0.39, 0.52, 0.03], ['29580', 0.55, 0.83, 0.05],
  ['20560', 0.32, 0.28, 0.02], ['20561', 0.48, 0.4, 0.03], ['64550', 0.18, 0.37, 0.01], ['G0281', 0.18, 0.17, 0.01],
  ['G0329', 0.06, 0.38, 0.01],
];

/** Codes first valid in 2026: no 2024/2025 row. */
const NEW_IN_2026 = new Set(['98979', '98984', '98985', '98986']);

function row(code: string, work: number, pe: number, mp: number, when: Effective, source: string, confidence: Confidence): RvuRow {
  return { code, work, pe, mp, ...when, source, confidence };
}

export const RVUS: readonly RvuRow[] = RVU_2026.flatMap(([code, work, pe, mp]) => {
  const sourced = SOURCED_2026[code];
  const rows = [row(code, work, pe, mp, Y2026, sourced ?? ESTIMATE, sourced ? 'S' : 'U')];
  if (!NEW_IN_2026.has(code)) rows.push(row(code, work, pe, mp, Y2025, CARRIED, 'U'), row(code, work, pe, mp, Y2024, CARRIED, 'U'));
  return rows;
});
