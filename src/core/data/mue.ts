/**
 * Medically unlikely edits: maximum units per date of service, with the MUE adjudication
 * indicator (MAI: 1 per line, 2 per date by policy, 3 per date by clinical benchmark)
 * where known (billing-rules §5.3, §13.7). Until the CMS practitioner MUE file is loaded
 * as a data pack, every value names its source and confidence; a code with no entry here
 * has no MUE check (its value could not be sourced):
 *   97113, 97116, 97124, 97130, 97140, 97530's companions 97533, 97535, 97537, 97542,
 *   97755, 97760, 97761, 97763, the attended modalities other than 97032/97035, and the
 *   codes added in 2026-11 other than the "first period" codes below.
 * `from` is the date of the source page: payerready values are from its 2026 pages,
 * functionalpathways values from its 2017 table.
 */
import type { MueEntry } from './types';

const PAYERREADY_2026 = { from: '2026-01-01', source: 'payerready 2026 page [S46]; billing-rules §13.7 (a 2026 restatement agrees)', confidence: 'S' } as const;
const FP_2017 = { from: '2017-01-01', source: 'functionalpathways 2017 table [S59] (old; MAI reading derived)', confidence: 'S' } as const;

/** Codes whose descriptor covers a first period, reported once per date (more time goes to the add-on). */
function firstPeriod(code: string, from: string, addOn: string): MueEntry {
  return {
    code,
    maxUnits: 1,
    mai: 2,
    from,
    source: `derived: the descriptor covers the first period, further time is ${addOn} (billing-rules §13.7, §13.8)`,
    confidence: 'D',
  };
}

export const MUES: readonly MueEntry[] = [
  { code: '97110', maxUnits: 6, ...PAYERREADY_2026 },
  { code: '97530', maxUnits: 6, ...PAYERREADY_2026 },
  { code: '97112', maxUnits: 4, ...PAYERREADY_2026 },
  // 97129 is the first 15 minutes of the day; further 15-minute units are 97130.
  { code: '97129', maxUnits: 1, mai: 2, from: '2020-01-01', source: 'billing-rules §13.7 (several coding references); MAI derived from the descriptor', confidence: 'S' },
  { code: '97750', maxUnits: 8, from: '2020-01-01', source: 'e2emedicalbilling, codingahead [S58]', confidence: 'S' },
  { code: '97032', maxUnits: 4, mai: 3, ...FP_2017 },
  { code: '97035', maxUnits: 2, mai: 3, ...FP_2017 },
  ...['97012', '97018', '97022', '97024', '92507'].map((code): MueEntry => ({ code, maxUnits: 1, mai: 3, ...FP_2017 })),
  ...['92526', '92610'].map((code): MueEntry => ({ code, maxUnits: 1, mai: 2, ...FP_2017 })),
  firstPeriod('97545', '2020-01-01', '97546'),
  firstPeriod('97550', '2024-01-01', '97551'),
  firstPeriod('92607', '2020-01-01', '92608'),
  firstPeriod('92605', '2020-01-01', '92618'),
  firstPeriod('92626', '2020-01-01', '92627'),
  firstPeriod('96116', '2020-01-01', '96121'),
  firstPeriod('98980', '2022-01-01', '98981'),
  // Per-area codes (one unit per extremity or trunk section): value not found in a source.
  ...['95831', '95851'].map(
    (code): MueEntry => ({
      code,
      maxUnits: 5,
      mai: 3,
      from: '2018-01-01',
      source: 'not sourced: assumed (4 extremities + trunk) until the CMS practitioner MUE file is loaded',
      confidence: 'U',
    }),
  ),
  // Evaluations: untimed, so one per date of service (derived, not from the MUE file).
  ...['97161', '97162', '97163', '97164', '97165', '97166', '97167', '97168'].map(
    (code): MueEntry => ({
      code,
      maxUnits: 1,
      mai: 2,
      from: '2017-01-01',
      source: 'derived: untimed code, 1 unit per date (report §2.5, R12 [S69][S18]); MAI derived',
      confidence: 'D',
    }),
  ),
];
