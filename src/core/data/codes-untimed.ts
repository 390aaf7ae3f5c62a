/**
 * Untimed (service-based) PT/OT codes: one unit per date of service whatever the time
 * (billing-rules §2.5, §3). Evaluations, group therapy and supervised modalities.
 */
import type { CatalogueEntry, Confidence, TherapyModifier } from './types';
import { DATA_BASELINE } from './codes-timed';

type Extra = Partial<Omit<CatalogueEntry, 'code' | 'short' | 'description' | 'source' | 'confidence'>>;

function untimed(
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

const EVAL_FROM = '2017-01-01';
const REEVAL_NOTE = 'A re-evaluation is not routine: it needs a reason such as a new clinical finding or a significant change in condition (BPM ch.15 §220.3).';

function evaluation(
  code: string,
  lockedTo: TherapyModifier,
  short: string,
  description: string,
  notes?: string[],
): CatalogueEntry {
  const discipline = lockedTo === 'GP' ? 'PT' : 'OT';
  return untimed(code, short, description, `CR 10176 [S23], Provider Magazine [S27], WebPT [S18] (${discipline})`, 'C', {
    lockedTo,
    evaluation: true,
    from: EVAL_FROM,
    notes: [
      `Always billed with ${lockedTo}; one ${discipline} evaluation or re-evaluation per date of service (NCCI ch. XI).`,
      ...(notes ?? []),
    ],
  });
}

export const UNTIMED_CODES: CatalogueEntry[] = [
  // PT evaluations (GP only).
  evaluation('97161', 'GP', 'PT evaluation, low complexity', 'First PT evaluation when the background is simple and the patient\'s condition is steady; the lowest of three effort levels.'),
  evaluation('97162', 'GP', 'PT evaluation, moderate complexity', 'First PT evaluation when some background factors affect care or the condition is changing; the middle effort level.'),
  evaluation('97163', 'GP', 'PT evaluation, high complexity', 'First PT evaluation when many factors complicate care and the condition is not steady; the highest effort level.'),
  evaluation('97164', 'GP', 'PT re-evaluation', 'A repeat physical therapy evaluation to review the plan of care when something has changed.', [REEVAL_NOTE]),

  // OT evaluations (GO only).
  evaluation('97165', 'GO', 'OT evaluation, low complexity', 'First OT evaluation when there is little background to review and only a few areas of daily performance are affected.'),
  evaluation('97166', 'GO', 'OT evaluation, moderate complexity', 'First OT evaluation with more background to review and a moderate number of affected areas; the middle effort level.'),
  evaluation('97167', 'GO', 'OT evaluation, high complexity', 'First OT evaluation with a long, involved background and many affected areas; the highest effort level.'),
  evaluation('97168', 'GO', 'OT re-evaluation', 'A repeat occupational therapy evaluation to review the plan of care when something has changed.', [REEVAL_NOTE]),

  // Group therapy.
  untimed('97150', 'Group therapy', 'Therapy given to two or more patients at once, whether or not they do the same activity.', 'Meyer PT [S19], MAAMA [S71], healthnetworksolutions [S-web]', 'C', {
    notes: [
      'Not one-on-one: the clinician divides attention among the group.',
      'Billed once per patient per date, not by 15-minute units, under Medicare.',
    ],
  }),

  // Supervised modalities (clinician need not stay with the patient).
  untimed('97010', 'Hot / cold packs', 'Application of hot or cold packs to a body area.', 'Palmetto GBA [S22], ImmediCare [S47]', 'C', {
    medicare: { status: 'bundled' },
    notes: ['Medicare status B: always bundled into the other services of the day; never paid separately and not billable to the patient.'],
  }),
  untimed('97012', 'Mechanical traction', 'Traction applied by a machine while the patient is supervised.', 'functionalpathways MUE [S59]; 8s2c, gulfsir [S-web]', 'S'),
  untimed('97014', 'E-stim, unattended', 'Electrical stimulation set up by the clinician and left running without constant attendance.', 'WebPT [S18], Meyer PT [S19]', 'C', {
    medicare: { replacedBy: 'G0283' },
    notes: ['Medicare does not use this code: bill G0283 instead.'],
  }),
  untimed('G0283', 'E-stim, unattended (Medicare)', 'Medicare code for unattended electrical stimulation to one or more areas under a therapy plan of care, other than for wound care.', 'WebPT [S18]', 'C', {
    notes: ['Some lists misprint it as "G0823".'],
  }),
  untimed('97016', 'Vasopneumatic device', 'A pneumatic compression sleeve that squeezes a limb in cycles to reduce swelling.', 'WebPT top-20 list [S-web]', 'S'),
  untimed('97018', 'Paraffin bath', 'A hand or foot dipped in warm paraffin wax for heat.', 'functionalpathways MUE [S59]', 'S'),
  untimed('97022', 'Whirlpool', 'Treatment in a tub of moving warm water.', 'functionalpathways MUE [S59]', 'S'),
  untimed('97024', 'Diathermy', 'Deep heating of tissue with short-wave or microwave energy.', 'functionalpathways MUE [S59]', 'S'),
  untimed('97026', 'Infrared', 'Surface heating with an infrared lamp.', 'billing-rules §3', 'U'),
  untimed('97028', 'Ultraviolet', 'Treatment of the skin with ultraviolet light.', 'billing-rules §3', 'U'),
];
