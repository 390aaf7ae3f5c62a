/**
 * Modifiers a therapy claim may carry (billing-rules §4). HCPCS Level II wording is
 * public and followed closely; CPT modifiers (52, 59, 76, 77, 25, 95) are described in our
 * own words. `from` is the start of our data for long-standing modifiers.
 */
import type { ModifierInfo } from './types';

const LONG_STANDING = '2015-01-01';

const DISTINCT_WHEN =
  'Only when an NCCI pair with modifier indicator 1 applies and the two services were truly separate (e.g. in distinct 15-minute blocks); never just to get past an edit.';
const X_PREFERRED = 'Prefer it to 59 when it describes the situation; do not report it together with 59.';

export const MODIFIERS: readonly ModifierInfo[] = [
  // Therapy plan-of-care discipline.
  {
    modifier: 'GP', group: 'therapy', from: LONG_STANDING,
    description: 'Services delivered under an outpatient physical therapy plan of care.',
    whenRequired: 'On every line of an always-therapy code given under a PT plan of care, and on sometimes-therapy codes given under one. Exactly one of GP/GO/GN per line.',
    source: 'WPS [S25], CR 10176 [S23][S24][S26]', confidence: 'C',
  },
  {
    modifier: 'GO', group: 'therapy', from: LONG_STANDING,
    description: 'Services delivered under an outpatient occupational therapy plan of care.',
    whenRequired: 'On every line of an always-therapy code given under an OT plan of care, and on sometimes-therapy codes given under one. Exactly one of GP/GO/GN per line.',
    source: 'WPS [S25], CR 10176 [S23][S24][S26]', confidence: 'C',
  },
  {
    modifier: 'GN', group: 'therapy', from: LONG_STANDING,
    description: 'Services delivered under an outpatient speech-language pathology plan of care.',
    whenRequired: 'On every line of an always-therapy code given under an SLP plan of care, and on sometimes-therapy codes given under one. Exactly one of GP/GO/GN per line.',
    source: 'WPS [S25], CR 10176 [S23][S24][S26]', confidence: 'C',
  },

  // Assistant-furnished services.
  {
    modifier: 'CQ', group: 'assistant', from: '2020-01-01',
    description: 'Outpatient physical therapy services furnished in whole or in part by a physical therapist assistant.',
    whenRequired: 'When a PTA furnished more than 10% of the service (of each billed unit of a timed code) on their own; used with GP. Paid at 85% from 2022.',
    source: 'CMS [S28], APTA Maryland [S29]', confidence: 'C',
  },
  {
    modifier: 'CO', group: 'assistant', from: '2020-01-01',
    description: 'Outpatient occupational therapy services furnished in whole or in part by an occupational therapy assistant.',
    whenRequired: 'When an OTA furnished more than 10% of the service (of each billed unit of a timed code) on their own; used with GO. Paid at 85% from 2022.',
    source: 'CMS [S28], APTA Maryland [S29]', confidence: 'C',
  },

  // Threshold.
  {
    modifier: 'KX', group: 'threshold', from: LONG_STANDING,
    description: 'Requirements specified in the medical policy have been met.',
    whenRequired: 'On therapy lines once the patient\'s yearly allowed amount passes the KX threshold of the bucket (PT+SLP or OT), attesting the care is medically necessary and documented. Not on early, low-cost services.',
    source: 'NGS [S37], Noridian [S38], policy-rag [S4]', confidence: 'C',
  },

  // NCCI distinct-service modifiers.
  {
    modifier: '59', group: 'distinct', from: LONG_STANDING,
    description: 'Marks a procedure as separate from another billed the same day, for example a different session, site or non-overlapping service.',
    whenRequired: `${DISTINCT_WHEN} Use only when no X modifier describes the case better.`,
    source: 'policy-rag [S4 q34-q35], WebPT [S55]', confidence: 'C',
  },
  {
    modifier: 'XE', group: 'distinct', from: LONG_STANDING,
    description: 'Separate encounter: a service that is distinct because it occurred during a separate encounter.',
    whenRequired: `${DISTINCT_WHEN} ${X_PREFERRED}`,
    source: 'xifin, icd10monitor [S61]', confidence: 'C',
  },
  {
    modifier: 'XS', group: 'distinct', from: LONG_STANDING,
    description: 'Separate structure: a service that is distinct because it was performed on a separate organ or structure.',
    whenRequired: `${DISTINCT_WHEN} ${X_PREFERRED}`,
    source: 'xifin, icd10monitor [S61]', confidence: 'C',
  },
  {
    modifier: 'XP', group: 'distinct', from: LONG_STANDING,
    description: 'Separate practitioner: a service that is distinct because it was performed by a different practitioner.',
    whenRequired: `${DISTINCT_WHEN} ${X_PREFERRED}`,
    source: 'xifin, icd10monitor [S61]', confidence: 'C',
  },
  {
    modifier: 'XU', group: 'distinct', from: LONG_STANDING,
    description: 'Unusual non-overlapping service: a service that is distinct because it does not overlap the usual components of the main service.',
    whenRequired: `${DISTINCT_WHEN} ${X_PREFERRED}`,
    source: 'xifin, icd10monitor [S61]', confidence: 'C',
  },

  // Other modifiers seen on therapy claims.
  {
    modifier: '52', group: 'other', from: LONG_STANDING,
    description: 'Reduced services: the procedure was partly reduced or cut short at the clinician\'s discretion.',
    whenRequired: 'Not for timed therapy codes given for under 8 minutes: the 8-minute rule decides whether a unit is billed; 52 does not make a short unit billable.',
    source: 'AAPC forum, chirofreeinfo [S-web]', confidence: 'S',
  },
  {
    modifier: '76', group: 'other', from: LONG_STANDING,
    description: 'The same procedure repeated on the same day by the same clinician.',
    source: 'CPT modifier list (not covered by the report)', confidence: 'U',
  },
  {
    modifier: '77', group: 'other', from: LONG_STANDING,
    description: 'The same procedure repeated on the same day by a different clinician.',
    source: 'CPT modifier list (not covered by the report)', confidence: 'U',
  },
  {
    modifier: '25', group: 'other', from: LONG_STANDING,
    description: 'An evaluation and management visit on the same day as a procedure that is significant and separately identifiable from it.',
    source: 'CPT modifier list (not covered by the report)', confidence: 'U',
  },
  {
    modifier: 'GA', group: 'other', from: LONG_STANDING,
    description: 'Waiver of liability statement issued as required by payer policy, individual case.',
    source: 'HCPCS Level II modifier list (not covered by the report)', confidence: 'U',
  },
  {
    modifier: 'GX', group: 'other', from: LONG_STANDING,
    description: 'Notice of liability issued, voluntary under payer policy.',
    source: 'HCPCS Level II modifier list (not covered by the report)', confidence: 'U',
  },
  {
    modifier: 'GY', group: 'other', from: LONG_STANDING,
    description: 'Item or service statutorily excluded, does not meet the definition of any Medicare benefit or, for non-Medicare insurers, is not a contract benefit.',
    source: 'HCPCS Level II modifier list (not covered by the report)', confidence: 'U',
  },
  {
    modifier: 'GZ', group: 'other', from: LONG_STANDING,
    description: 'Item or service expected to be denied as not reasonable and necessary.',
    source: 'HCPCS Level II modifier list (not covered by the report)', confidence: 'U',
  },
  {
    modifier: '95', group: 'other', from: '2017-01-01',
    description: 'Telehealth: the service was given live over a two-way audio and video link.',
    source: 'CPT modifier list (not covered by the report)', confidence: 'U',
  },
  {
    modifier: 'GT', group: 'other', from: LONG_STANDING,
    description: 'Via interactive audio and video telecommunication systems (telehealth; mostly institutional claims).',
    source: 'HCPCS Level II modifier list (not covered by the report)', confidence: 'U',
  },
];

export const THERAPY_MODIFIERS = ['GP', 'GO', 'GN'] as const;
export const ASSISTANT_MODIFIERS = ['CQ', 'CO'] as const;
export const DISTINCT_MODIFIERS = ['59', 'XE', 'XS', 'XP', 'XU'] as const;
