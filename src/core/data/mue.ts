/**
 * Medically unlikely edits: maximum units per date of service (billing-rules §5.3). All
 * need checking against the current CMS MUE file. `from` is the date of the source page:
 * payerready values are from its 2026 pages, functionalpathways values from its 2017 table.
 */
import type { MueEntry } from './types';

const PAYERREADY_2026 = { from: '2026-01-01', source: 'payerready 2026 page [S46]', confidence: 'S' } as const;
const FP_2017 = { from: '2017-01-01', source: 'functionalpathways 2017 table [S59] (old; MAI reading derived)', confidence: 'S' } as const;

export const MUES: readonly MueEntry[] = [
  { code: '97110', maxUnits: 6, ...PAYERREADY_2026 },
  { code: '97530', maxUnits: 6, ...PAYERREADY_2026 },
  { code: '97112', maxUnits: 4, ...PAYERREADY_2026 },
  { code: '97750', maxUnits: 8, from: '2020-01-01', source: 'e2emedicalbilling, codingahead [S58]', confidence: 'S' },
  { code: '97032', maxUnits: 4, mai: 3, ...FP_2017 },
  { code: '97035', maxUnits: 2, mai: 3, ...FP_2017 },
  ...['97012', '97018', '97022', '97024', '92507'].map((code): MueEntry => ({ code, maxUnits: 1, mai: 3, ...FP_2017 })),
  ...['92526', '92610'].map((code): MueEntry => ({ code, maxUnits: 1, mai: 2, ...FP_2017 })),
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
      from: '2017-01-01',
      source: 'derived: untimed code, 1 unit per date (report §2.5, R12 [S69][S18])',
      confidence: 'D',
    }),
  ),
];
