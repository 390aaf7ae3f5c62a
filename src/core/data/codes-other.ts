/**
 * Codes that are not core PT/OT/SLP treatment codes but that therapy claims or NCCI
 * pairs refer to ("sometimes therapy" codes), and deleted codes kept so that the auditor
 * can say "deleted" rather than "unknown".
 */
import type { CatalogueEntry, Confidence } from './types';
import { DATA_BASELINE } from './codes-timed';

type Extra = Partial<Omit<CatalogueEntry, 'code' | 'short' | 'description' | 'source' | 'confidence'>>;

function sometimes(
  code: string,
  short: string,
  description: string,
  source: string,
  confidence: Confidence,
  extra: Extra = {},
): CatalogueEntry {
  return {
    code,
    kind: 'untimed',
    short,
    description,
    oneOnOne: false,
    from: DATA_BASELINE,
    source,
    confidence,
    ...extra,
  };
}

const AT_NOTE = 'Athletic trainer code, not a Medicare therapy service; listed so NCCI pairs can refer to it.';
const PER_AREA = 'Untimed, but reported per body area, so more than one unit a day can be valid.';
const NCCI_2018 = '2018-01-01';

export const OTHER_CODES: CatalogueEntry[] = [
  // Athletic-training evaluations (created 2017).
  sometimes('97169', 'AT evaluation, low complexity', 'Athletic trainer\'s first evaluation of a patient, lowest effort level.', 'Casamba [S51], Elite CME [S52]', 'U', { from: '2017-01-01', pfsStatus: 'I', notes: [AT_NOTE] }),
  sometimes('97170', 'AT evaluation, moderate complexity', 'Athletic trainer\'s first evaluation of a patient, middle effort level.', 'Casamba [S51], Elite CME [S52]', 'U', { from: '2017-01-01', pfsStatus: 'I', notes: [AT_NOTE] }),
  sometimes('97171', 'AT evaluation, high complexity', 'Athletic trainer\'s first evaluation of a patient, highest effort level.', 'Casamba [S51], Elite CME [S52]', 'U', { from: '2017-01-01', pfsStatus: 'I', notes: [AT_NOTE] }),
  sometimes('97172', 'AT re-evaluation', 'Athletic trainer\'s repeat evaluation of a patient.', 'Casamba [S51], Elite CME [S52]', 'U', { from: '2017-01-01', pfsStatus: 'I', notes: [AT_NOTE] }),

  // Multilayer compression (NCCI pairs with 97140 from 2018).
  sometimes('29581', 'Multilayer compression, lower leg', 'Wrapping the lower leg and foot in a layered compression bandage system.', 'AHCA/NCAL citing APTA [S56]', 'U', { from: NCCI_2018 }),
  sometimes('29582', 'Multilayer compression, thigh and leg', 'Wrapping the thigh, lower leg and foot in a layered compression bandage system.', 'AHCA/NCAL citing APTA [S56]', 'U', { from: NCCI_2018 }),
  sometimes('29583', 'Multilayer compression, upper arm and forearm', 'Wrapping the upper arm and forearm in a layered compression bandage system.', 'AHCA/NCAL citing APTA [S56]', 'U', { from: NCCI_2018 }),
  sometimes('29584', 'Multilayer compression, whole arm and hand', 'Wrapping the whole arm, hand and fingers in a layered compression bandage system.', 'AHCA/NCAL citing APTA [S56]', 'U', { from: NCCI_2018 }),

  // Wound care.
  sometimes('97597', 'Selective debridement, first 20 sq cm', 'Removing dead tissue from an open wound with instruments, for the first 20 square centimetres of wound or less.', 'billing-rules §4.1 (secondary mention)', 'S', {
    notes: ['Sometimes therapy: needs GP/GO/GN only when given under a therapy plan of care.'],
  }),

  // Muscle and range-of-motion testing (NCCI pairs with 97750, from 2018).
  sometimes('95831', 'Manual muscle testing, limb or trunk', 'Hand-graded strength testing of the muscles of a limb (not the hand) or the trunk, with a report.', 'codingahead [S58] (billing-rules §5.2)', 'U', { from: NCCI_2018, perArea: true, notes: [PER_AREA] }),
  sometimes('95832', 'Manual muscle testing, hand', 'Hand-graded strength testing of the muscles of the hand, with a report.', 'codingahead [S58] (billing-rules §5.2)', 'U', { from: NCCI_2018 }),
  sometimes('95833', 'Manual muscle testing, whole body', 'Hand-graded strength testing of the whole body, not counting the hands, with a report.', 'codingahead [S58] (billing-rules §5.2)', 'U', { from: NCCI_2018 }),
  sometimes('95834', 'Manual muscle testing, whole body with hands', 'Hand-graded strength testing of the whole body including the hands, with a report.', 'codingahead [S58] (billing-rules §5.2)', 'U', { from: NCCI_2018 }),
  sometimes('95851', 'Range of motion measurement, limb or trunk', 'Measuring how far the joints of one limb (not the hand) or one section of the trunk move, with a report.', 'codingahead [S58] (billing-rules §5.2)', 'U', { from: NCCI_2018, perArea: true, notes: [PER_AREA] }),
  sometimes('95852', 'Range of motion measurement, hand', 'Measuring how far the joints of the hand move, with a report.', 'codingahead [S58] (billing-rules §5.2)', 'U', { from: NCCI_2018 }),

  // Deleted or not recognised by Medicare.
  {
    code: '97532',
    kind: 'timed15',
    short: 'Cognitive skills development (deleted)',
    description: 'Former 15-minute code for building cognitive skills; deleted at the end of 2017.',
    oneOnOne: true,
    from: '2017-01-01',
    to: '2017-12-31',
    source: 'McKnight\'s [S21], PT Medical Billing [S20]',
    confidence: 'S',
  },
  {
    code: '97127',
    kind: 'untimed',
    short: 'Cognitive intervention, per day (retired)',
    description: 'Per-day cognitive treatment code of 2018–2019 that Medicare never recognised; replaced by 97129/97130 in 2020.',
    oneOnOne: false,
    medicare: { replacedBy: 'G0515' },
    from: '2018-01-01',
    to: '2019-12-31',
    source: 'McKnight\'s [S21], PT Medical Billing [S20]',
    confidence: 'S',
  },
  {
    code: 'G0515',
    kind: 'timed15',
    short: 'Cognitive skills development (Medicare, retired)',
    description: 'Medicare\'s 15-minute code for one-on-one cognitive skills training in 2018–2019; replaced by 97129/97130 in 2020.',
    oneOnOne: true,
    from: '2018-01-01',
    to: '2019-12-31',
    source: 'PT Medical Billing [S20]',
    confidence: 'S',
  },
];
