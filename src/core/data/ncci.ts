/**
 * NCCI procedure-to-procedure pairs for therapy (billing-rules §5.2) and the "one per
 * date" evaluation policies of NCCI ch. XI. This is the minimum regression set, not the
 * CMS table: the real practitioner/institutional tables should replace it as data.
 * Column 1 is paid; column 2 is denied unless the indicator is 1 and 59/X{EPSU} is on the
 * column-2 line. `from` 2020-01-01 is the start of our data when a pair is older.
 */
import type { Effective, NcciPair, Sourced } from './types';

const PT_EVALS = ['97161', '97162', '97163'];
const OT_EVALS = ['97165', '97166', '97167'];
const AT_EVALS = ['97169', '97170', '97171', '97172'];
const ALL_EVALS = ['97161', '97162', '97163', '97164', '97165', '97166', '97167', '97168'];
const COMPRESSION = ['29581', '29582', '29583', '29584'];
const MUSCLE_ROM_TESTS = ['95831', '95832', '95833', '95834', '95851', '95852'];
/** Individual timed codes in 97110–97542 that 97150 pairs with. */
const INDIVIDUAL_TIMED = ['97110', '97112', '97113', '97116', '97124', '97140', '97530', '97533', '97535', '97537', '97542'];

/** Treatment codes the re-evaluations 97164 and 97168 pair with (re-evaluation in column 2). */
const REEVAL_TREATMENT = [...INDIVIDUAL_TIMED, '97012', '97032', '97035'];

interface Rows extends Sourced, Effective {
  modifierIndicator: NcciPair['modifierIndicator'];
  indicatorConfidence?: NcciPair['indicatorConfidence'];
  note?: string;
}

function pairs(column1: string[], column2: string[], rows: Rows): NcciPair[] {
  const out: NcciPair[] = [];
  for (const c1 of column1) for (const c2 of column2) out.push({ column1: c1, column2: c2, ...rows });
  return out;
}

export const NCCI_PAIRS: readonly NcciPair[] = [
  // Evaluation + manual therapy: modifier on 97140 (column 2) since January 2020.
  ...pairs(PT_EVALS, ['97140'], {
    from: '2020-01-01', modifierIndicator: 1,
    source: 'APTA [S49], Casamba [S51], Elite CME [S52]', confidence: 'C',
    note: 'APTA: the 59/X modifier goes on 97140, so the evaluation is column 1.',
  }),
  ...pairs(OT_EVALS, ['97140'], {
    from: '2020-01-01', modifierIndicator: 1,
    source: 'Casamba [S51], Elite CME [S52]', confidence: 'S',
    note: 'Column order read as for the PT evaluations (modifier on 97140).',
  }),

  // January 2020 hard edit (indicator 0) with the initial evaluations, withdrawn.
  ...pairs(['97530', '97150'], [...PT_EVALS, ...OT_EVALS, ...AT_EVALS], {
    from: '2020-01-01', to: '2020-03-31', modifierIndicator: 0,
    source: 'Casamba [S51], Elite CME [S52], APTA [S49], AOTA [S53]', confidence: 'C',
    note: 'Edit of January 2020 that denied the evaluation; withdrawn after APTA/AOTA advocacy. End date taken as the end of the quarter; CMS may have applied the withdrawal back to January. No such edit is believed to exist in 2026 [UNCONFIRMED].',
  }),

  // Treatment code with the PT re-evaluation: the re-evaluation carries the modifier.
  ...pairs(['97530', '97150'], ['97164'], {
    from: '2020-01-01', modifierIndicator: 1,
    source: 'APTA [S49], Elite CME [S52]', confidence: 'S',
    note: 'Pair predates 2020. Elite CME: 59 goes on the re-evaluation, so 97164 is column 2.',
  }),

  // Manual therapy with therapeutic activities.
  {
    column1: '97140', column2: '97530', from: '2020-01-01', modifierIndicator: 1,
    source: 'WebPT quoting CMS modifier-59 Example 9 [S55]', confidence: 'S',
    note: '59 only when the two were given in distinct 15-minute blocks. The CMS example was later rescinded; 2026 status [UNCONFIRMED].',
  },

  // Group therapy with individual timed codes.
  ...pairs(['97150'], INDIVIDUAL_TIMED, {
    from: '2020-01-01', modifierIndicator: 1,
    source: 'AAPC forum quoting a MAC [S57]', confidence: 'S',
    note: 'Column order derived: without 59 the lower-priced group code is paid, so 97150 is column 1 and the individual code column 2 [UNCONFIRMED].',
  }),

  // Physical performance test with the evaluations: the pair is reported, its indicator is not.
  ...pairs(ALL_EVALS, ['97750'], {
    from: '2018-01-01', modifierIndicator: 1, indicatorConfidence: 'U',
    source: 'codingahead [S58], Gawenda NCCI v24.0 [S60]', confidence: 'S',
    note: 'Not separately reportable with an evaluation on the same date. Modifier indicator UNCONFIRMED (no source settles it): 1 assumed, so a well-documented separate test is not hard-denied.',
  }),

  // Mechanical traction with manual therapy: 97140 is column 2 and takes 59/X{EPSU}.
  {
    column1: '97012', column2: '97140', from: '2020-01-01', modifierIndicator: 1,
    source: 'AAPC Physical Medicine & Rehab Coding Alert (billing-rules §13.10)', confidence: 'S',
    note: '97140 is column 2: it is paid with 97012 only with 59 or XE/XS/XP/XU for a distinct service.',
  },

  // The re-evaluations with the treatment codes they pair with: the re-evaluation is column 2
  // and carries the modifier (97530/97150 with 97164 are above).
  ...pairs(REEVAL_TREATMENT.filter((c) => c !== '97530'), ['97164'], {
    from: '2020-01-01', modifierIndicator: 1,
    source: 'Elite CME [S52], AmeriHealth [S-web amerihealth] (billing-rules §13.10)', confidence: 'S',
    note: 'Re-evaluations "already form edit pairs with the service codes"; report the re-evaluation with a modifier when separately justified. The exact list of treatment codes is from the sources\' "most treatment codes" [UNCONFIRMED per code].',
  }),
  ...pairs([...REEVAL_TREATMENT, '97150'], ['97168'], {
    from: '2020-01-01', modifierIndicator: 1,
    source: 'Elite CME [S52], AmeriHealth [S-web amerihealth] (billing-rules §13.10)', confidence: 'S',
    note: 'Re-evaluations "already form edit pairs with the service codes"; report the re-evaluation with a modifier when separately justified. The exact list of treatment codes is from the sources\' "most treatment codes" [UNCONFIRMED per code].',
  }),

  // Physical performance test with muscle and range-of-motion testing.
  ...pairs(['97750'], MUSCLE_ROM_TESTS, {
    from: '2020-01-01', modifierIndicator: 1,
    source: 'codingahead 2023 [S58]', confidence: 'U',
    note: 'Do not report the muscle or range-of-motion test in addition to 97750. Column order and indicator assumed.',
  }),

  // Multilayer compression with manual therapy: hard edit 2018–2021, bypassable from 2022.
  ...pairs(COMPRESSION, ['97140'], {
    from: '2018-01-01', to: '2021-12-31', modifierIndicator: 0,
    source: 'AHCA/NCAL citing APTA [S56]', confidence: 'C',
    note: 'Column order assumed (compression column 1, manual therapy denied) [UNCONFIRMED].',
  }),
  ...pairs(COMPRESSION, ['97140'], {
    from: '2022-01-01', modifierIndicator: 1,
    source: 'AHCA/NCAL citing APTA [S56]', confidence: 'C',
    note: 'Allowed together with 59/XE/XS/XP/XU since 2022. Column order assumed [UNCONFIRMED].',
  }),
];

/** A policy that allows only one code of the group per patient per date of service. */
export interface SameDayExclusiveGroup extends Sourced, Effective {
  id: string;
  codes: readonly string[];
  description: string;
}

export const SAME_DAY_EXCLUSIVE_GROUPS: readonly SameDayExclusiveGroup[] = [
  {
    id: 'pt-evaluation',
    codes: ['97161', '97162', '97163', '97164'],
    description: 'Only one PT evaluation or re-evaluation code may be reported per date of service.',
    from: '2017-01-01',
    source: 'NCCI Policy Manual ch. XI via policy-rag [S4 q37-q39]',
    confidence: 'C',
  },
  {
    id: 'ot-evaluation',
    codes: ['97165', '97166', '97167', '97168'],
    description: 'Only one OT evaluation or re-evaluation code may be reported per date of service.',
    from: '2017-01-01',
    source: 'by analogy with NCCI ch. XI for PT [S4 q37-q39]; untimed 1 unit per date [S69]',
    confidence: 'D',
  },
];
