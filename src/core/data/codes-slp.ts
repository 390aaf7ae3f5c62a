/**
 * Speech-language pathology codes (billing-rules §3). Most are service-based; the
 * evaluation codes billed by the hour or half-hour follow ASHA's 51% rule [S17]
 * (`timed-other` with `unitMinutes`).
 */
import type { CatalogueEntry, Confidence } from './types';
import { DATA_BASELINE } from './codes-timed';

type Extra = Partial<Omit<CatalogueEntry, 'code' | 'short' | 'description' | 'source' | 'confidence'>>;

function slp(
  code: string,
  kind: CatalogueEntry['kind'],
  short: string,
  description: string,
  source: string,
  confidence: Confidence,
  extra: Extra = {},
): CatalogueEntry {
  return {
    code,
    kind,
    short,
    description,
    oneOnOne: false,
    from: DATA_BASELINE,
    source,
    confidence,
    ...extra,
  };
}

const FIFTY_ONE = 'Timed in longer blocks: bill a unit only when face-to-face time reaches at least 51% of it (ASHA).';
const GN_LOCK = 'Discipline-locked: always billed with GN (CR 10176).';

export const SLP_CODES: CatalogueEntry[] = [
  slp('92507', 'untimed', 'Speech / language treatment, individual', 'One-to-one speech-language therapy for problems with talking, understanding, voice or listening.', 'ASHA [S17]', 'C', {
    notes: ['Service-based: one unit per session whatever its length (ASHA).'],
  }),
  slp('92508', 'untimed', 'Speech / language treatment, group', 'The same kind of speech, language or communication treatment given to two or more patients together.', 'ASHA [S17]', 'S'),
  slp('92521', 'untimed', 'Fluency evaluation', 'Evaluation of stuttering and other problems with the flow of speech.', 'ASHA [S17], CR 10176 [S23]', 'C', { lockedTo: 'GN', evaluation: true, notes: [GN_LOCK] }),
  slp('92522', 'untimed', 'Speech sound evaluation', 'Evaluation of how clearly and correctly the patient forms speech sounds.', 'ASHA [S17], CR 10176 [S23]', 'C', { lockedTo: 'GN', evaluation: true, notes: [GN_LOCK] }),
  slp('92523', 'untimed', 'Speech sound and language evaluation', 'Evaluation of how the patient forms speech sounds plus how well they understand and use language.', 'ASHA [S17], CR 10176 [S23]', 'C', { lockedTo: 'GN', evaluation: true, notes: [GN_LOCK] }),
  slp('92524', 'untimed', 'Voice and resonance evaluation', 'Evaluation of voice quality and resonance by listening and observation.', 'ASHA [S17], CR 10176 [S23]', 'C', { lockedTo: 'GN', evaluation: true, notes: [GN_LOCK] }),
  slp('92526', 'untimed', 'Swallowing / feeding treatment', 'Treatment of difficulty with swallowing or with eating by mouth.', 'ASHA [S17]', 'C'),
  slp('92597', 'untimed', 'Voice prosthesis evaluation', 'Assessment of whether a voice prosthesis would help the patient speak, including fitting it.', 'CR 10176 [S23] (GN lock); timed status not in the report', 'U', {
    lockedTo: 'GN',
    evaluation: true,
    notes: [GN_LOCK],
  }),
  slp('92610', 'untimed', 'Clinical swallowing evaluation', 'Bedside or clinic evaluation of how the patient swallows, without imaging.', 'functionalpathways MUE [S59]', 'S', { evaluation: true }),
  slp('92607', 'timed-other', 'Speech-generating device evaluation, first hour', 'Assessing the patient in person to choose a speech-generating communication device; covers the first hour.', 'ASHA [S17], CR 10176 [S23]', 'C', {
    lockedTo: 'GN',
    evaluation: true,
    unitMinutes: 60,
    notes: [GN_LOCK, FIFTY_ONE],
  }),
  slp('92608', 'timed-other', 'Speech-generating device evaluation, each added 30 min', 'Each further half hour of the speech-generating device evaluation, billed on top of 92607.', 'ASHA [S17]', 'C', {
    unitMinutes: 30,
    addOnTo: ['92607'],
    evaluation: true,
    notes: [FIFTY_ONE],
  }),
  slp('92626', 'timed-other', 'Hearing evaluation for an implant, first hour', 'Evaluation of hearing to decide on, or check after, a surgically implanted hearing device such as a cochlear implant; first hour.', 'ASHA [S17]', 'C', {
    unitMinutes: 60,
    evaluation: true,
    notes: [
      FIFTY_ONE,
      'The report calls this "auditory rehabilitation status", the wording before 2015; the current code is about implanted hearing devices (our reading, not checked here).',
    ],
  }),
  slp('92627', 'timed-other', 'Hearing evaluation for an implant, each added 15 min', 'Each further 15 minutes of the implant-related hearing evaluation, billed on top of 92626.', 'ASHA [S17]', 'C', {
    unitMinutes: 15,
    addOnTo: ['92626'],
    evaluation: true,
    notes: [FIFTY_ONE],
  }),
  slp('96105', 'timed-other', 'Aphasia assessment', 'Assessment of language loss after brain injury, covering speaking, understanding, reading and writing; billed per hour.', 'ASHA [S17]', 'C', {
    unitMinutes: 60,
    evaluation: true,
    notes: [FIFTY_ONE],
  }),
  slp('96125', 'timed-other', 'Standardised cognitive testing', 'Standardised tests of thinking skills given and interpreted by a qualified clinician, with a report; billed per hour.', 'ASHA [S17]', 'C', {
    unitMinutes: 60,
    evaluation: true,
    notes: [FIFTY_ONE],
  }),

  // Added with the 2026-11 corrections (billing-rules §13.8).
  slp('92520', 'untimed', 'Laryngeal function studies', 'Non-invasive measurement of how the larynx works (airflow, pressure, voice), with a report.', 'billing-rules §13.8', 'S', {
    evaluation: true,
    notes: ['Sometimes therapy: needs GN only when given under an SLP plan of care.'],
  }),
  slp('92605', 'timed-other', 'Non-speech-generating device evaluation, first hour', 'Assessing the patient in person to choose a communication aid that does not generate speech (e.g. a picture board); first hour.', 'billing-rules §13.8; ASHA 51% rule for hour-based codes [S17]', 'S', {
    unitMinutes: 60,
    evaluation: true,
    notes: [FIFTY_ONE],
  }),
  slp('92618', 'timed-other', 'Non-speech-generating device evaluation, each added 30 min', 'Each further half hour of the non-speech-generating device evaluation, billed on top of 92605.', 'billing-rules §13.8; ASHA 51% rule [S17]', 'S', {
    unitMinutes: 30,
    addOnTo: ['92605'],
    evaluation: true,
    notes: [FIFTY_ONE],
  }),
  slp('92609', 'untimed', 'Speech-generating device treatment', 'Treatment sessions teaching the patient to use a speech-generating device, including programming it.', 'billing-rules §13.8', 'S', {
    notes: ['Service-based: one unit per session (per discipline and date).'],
  }),
  slp('92611', 'untimed', 'Video swallow study (modified barium swallow)', 'Evaluation of swallowing while it is filmed by X-ray (fluoroscopy), with the SLP\'s report.', 'billing-rules §13.8', 'S', {
    evaluation: true,
    notes: ['Sometimes therapy: needs GN only when given under an SLP plan of care.'],
  }),
  slp('92612', 'untimed', 'Endoscopic swallow study (FEES)', 'Evaluation of swallowing through a flexible endoscope passed through the nose, with a recording and report.', 'billing-rules §13.8', 'S', {
    evaluation: true,
    notes: ['Sometimes therapy: needs GN only when given under an SLP plan of care.'],
  }),
];
