/**
 * Codes valid on therapy claims that the first catalogue lacked (billing-rules §13.8,
 * issue 9 item 9): caregiver training, remote therapeutic monitoring, wound care,
 * strapping and compression, needle insertion, surface neurostimulator, the wound-care
 * G-codes and the unlisted codes. Each names its timing, always/sometimes therapy status,
 * discipline lock (none here is locked), add-on link and effective dates, with a source
 * and a confidence. Descriptions are our own plain words, never the AMA descriptors.
 */
import type { CatalogueEntry, Confidence } from './types';
import { DATA_BASELINE } from './codes-timed';

type Extra = Partial<Omit<CatalogueEntry, 'code' | 'short' | 'description' | 'source' | 'confidence'>>;

function code(
  code: string,
  kind: CatalogueEntry['kind'],
  short: string,
  description: string,
  source: string,
  confidence: Confidence,
  extra: Extra = {},
): CatalogueEntry {
  return { code, kind, short, description, oneOnOne: false, from: DATA_BASELINE, source, confidence, ...extra };
}

const CY2024_THERAPY = 'HHS/CMS CY 2024 PFS final rule, annual therapy code list update (billing-rules §13.8)';
const RTM = 'CMS CY 2022 PFS final rule (RTM codes, "sometimes therapy"); billing-rules §13.8';
const RTM_2026 = 'CMS CY 2026 PFS final rule (new RTM codes), as restated by secondary sources; codes not checked against the 2026 HCPCS file';
const WOUND = 'billing-rules §4.1 (97597 "when part of therapy plan"), §13.8';
const SOMETIMES = 'Sometimes therapy: needs GP/GO/GN only when given under a therapy plan of care.';
const PER_MONTH = 'Reported once per 30-day period or calendar month, not per visit.';
const RTM_TIME = 'Treatment-management time is counted over the calendar month (20 minutes for the first unit), not per visit.';

export const ADDED_CODES: CatalogueEntry[] = [
  // Caregiver training (new in 2024; CMS lists them as sometimes therapy).
  code('97550', 'timed-other', 'Caregiver training, first 30 min', 'Training a caregiver, without the patient present, in strategies and techniques that help the patient function; first 30 minutes.', CY2024_THERAPY, 'C', {
    from: '2024-01-01',
    unitMinutes: 30,
    oncePerDay: true,
    notes: [SOMETIMES, 'Once per date; further 15-minute periods are billed with 97551.'],
  }),
  code('97551', 'timed-other', 'Caregiver training, each added 15 min', 'Each further 15 minutes of caregiver training, billed on top of 97550.', CY2024_THERAPY, 'C', {
    from: '2024-01-01',
    unitMinutes: 15,
    addOnTo: ['97550'],
    notes: [SOMETIMES],
  }),
  code('97552', 'untimed', 'Group caregiver training', 'Caregiver training given to the caregivers of several patients together, without the patients present.', CY2024_THERAPY, 'C', {
    from: '2024-01-01',
    notes: [SOMETIMES],
  }),

  // Remote therapeutic monitoring (RTM).
  code('98975', 'untimed', 'RTM set-up and education', 'Setting up a remote therapeutic monitoring device and teaching the patient to use it; once per episode of care.', RTM, 'S', {
    from: '2022-01-01',
    notes: [SOMETIMES],
  }),
  code('98976', 'untimed', 'RTM device supply, respiratory', 'Supplying a device that records respiratory data for remote monitoring, each 30 days.', RTM, 'S', {
    from: '2022-01-01',
    notes: [SOMETIMES, PER_MONTH],
  }),
  code('98977', 'untimed', 'RTM device supply, musculoskeletal', 'Supplying a device that records musculoskeletal data (e.g. exercise adherence) for remote monitoring, each 30 days.', RTM, 'S', {
    from: '2022-01-01',
    notes: [SOMETIMES, PER_MONTH],
  }),
  code('98978', 'untimed', 'RTM device supply, cognitive behavioural therapy', 'Supplying a device that records cognitive behavioural therapy data for remote monitoring, each 30 days.', 'CMS CY 2023 PFS final rule (new RTM device code), billing-rules §13.8', 'S', {
    from: '2023-01-01',
    notes: [SOMETIMES, PER_MONTH],
  }),
  code('98980', 'timed-other', 'RTM treatment management, first 20 min', 'Reviewing the remotely monitored data and managing treatment with the patient, first 20 minutes in a calendar month, including at least one live interaction.', RTM, 'S', {
    from: '2022-01-01',
    unitMinutes: 20,
    minShare: 1,
    oncePerDay: true,
    notes: [SOMETIMES, RTM_TIME],
  }),
  code('98981', 'timed-other', 'RTM treatment management, each added 20 min', 'Each further 20 minutes of remote treatment management in the calendar month, billed on top of 98980.', RTM, 'S', {
    from: '2022-01-01',
    unitMinutes: 20,
    minShare: 1,
    addOnTo: ['98980'],
    notes: [SOMETIMES, RTM_TIME],
  }),
  code('98979', 'timed-other', 'RTM treatment management, first 10 min', 'Remote treatment management of 10 to 19 minutes in a calendar month (new in 2026).', RTM_2026, 'U', {
    from: '2026-01-01',
    unitMinutes: 10,
    minShare: 1,
    oncePerDay: true,
    notes: [SOMETIMES, RTM_TIME],
  }),
  code('98984', 'untimed', 'RTM device supply, respiratory, 2–15 days', 'Supplying a respiratory monitoring device for 2 to 15 days of data in a 30-day period (new in 2026).', RTM_2026, 'U', {
    from: '2026-01-01',
    notes: [SOMETIMES, PER_MONTH],
  }),
  code('98985', 'untimed', 'RTM device supply, musculoskeletal, 2–15 days', 'Supplying a musculoskeletal monitoring device for 2 to 15 days of data in a 30-day period (new in 2026).', RTM_2026, 'U', {
    from: '2026-01-01',
    notes: [SOMETIMES, PER_MONTH],
  }),
  code('98986', 'untimed', 'RTM device supply, CBT, 2–15 days', 'Supplying a cognitive behavioural therapy monitoring device for 2 to 15 days of data in a 30-day period (new in 2026).', RTM_2026, 'U', {
    from: '2026-01-01',
    notes: [SOMETIMES, PER_MONTH],
  }),

  // Wound care (97597 itself is in codes-other.ts).
  code('97598', 'untimed', 'Selective debridement, each added 20 sq cm', 'Each further 20 square centimetres (or part) of wound debrided, billed on top of 97597.', WOUND, 'S', {
    addOnTo: ['97597'],
    perArea: true,
    notes: [SOMETIMES, 'One unit per added 20 square centimetres of wound.'],
  }),
  code('97605', 'untimed', 'Negative pressure wound therapy (DME), up to 50 sq cm', 'Wound vacuum therapy with a durable pump, total wound surface up to 50 square centimetres.', WOUND, 'S', { notes: [SOMETIMES] }),
  code('97606', 'untimed', 'Negative pressure wound therapy (DME), over 50 sq cm', 'Wound vacuum therapy with a durable pump, total wound surface over 50 square centimetres.', WOUND, 'S', { notes: [SOMETIMES] }),
  code('97607', 'untimed', 'Negative pressure wound therapy (disposable), up to 50 sq cm', 'Wound vacuum therapy with a disposable device, total wound surface up to 50 square centimetres.', WOUND, 'S', { notes: [SOMETIMES] }),
  code('97608', 'untimed', 'Negative pressure wound therapy (disposable), over 50 sq cm', 'Wound vacuum therapy with a disposable device, total wound surface over 50 square centimetres.', WOUND, 'S', { notes: [SOMETIMES] }),

  // Strapping and compression (29581–29584 are in codes-other.ts).
  code('29530', 'untimed', 'Strapping, knee', 'Taping or strapping the knee for support.', 'billing-rules §13.8', 'S', { notes: [SOMETIMES] }),
  code('29540', 'untimed', 'Strapping, ankle and/or foot', 'Taping or strapping the ankle or foot for support.', 'billing-rules §13.8', 'S', { notes: [SOMETIMES] }),
  code('29580', 'untimed', 'Unna boot', 'Applying a paste-impregnated compression wrap (Unna boot) to the lower leg.', 'billing-rules §13.8', 'S', { notes: [SOMETIMES] }),

  // Needle insertion without injection (dry needling), from 2020.
  code('20560', 'untimed', 'Needle insertion, 1–2 muscles', 'Inserting needles without injecting anything into one or two muscles (dry needling).', 'billing-rules §13.8', 'S', {
    from: '2020-01-01',
    notes: [SOMETIMES],
  }),
  code('20561', 'untimed', 'Needle insertion, 3 or more muscles', 'Inserting needles without injecting anything into three or more muscles (dry needling).', 'billing-rules §13.8', 'S', {
    from: '2020-01-01',
    notes: [SOMETIMES],
  }),

  // Surface neurostimulator.
  code('64550', 'untimed', 'Surface neurostimulator application', 'Applying a surface (transcutaneous) nerve stimulator, such as a TENS unit, and teaching its use.', 'billing-rules §13.8', 'S', { notes: [SOMETIMES] }),

  // Wound-care G-codes.
  code('G0281', 'untimed', 'E-stim, unattended, for wound care', 'Unattended electrical stimulation for chronic wounds that have not healed with standard care, as part of a therapy plan of care.', 'billing-rules §13.8; always-therapy status assigned with G0283, not checked against the CMS list', 'U'),
  code('G0329', 'untimed', 'Electromagnetic therapy for wound care', 'Electromagnetic therapy for chronic wounds that have not healed with standard care, as part of a therapy plan of care.', 'billing-rules §13.8; always-therapy status assigned with G0283, not checked against the CMS list', 'U'),

  // Unlisted codes: the claim must describe the service.
  code('97139', 'timed15', 'Unlisted therapeutic procedure', 'A therapeutic procedure with no code of its own; the claim must describe it.', 'billing-rules §13.8; timing taken from the 97110–97139 group (15-minute units), [S-web medicalbillingcptmodifiers]', 'U', {
    oneOnOne: true,
    pfsStatus: 'C',
    notes: ['Whether it is timed depends on the procedure described; payers decide case by case. Treated as timed here.'],
  }),
  code('97799', 'untimed', 'Unlisted physical medicine / rehabilitation service', 'A physical medicine or rehabilitation service with no code of its own; the claim must describe it.', 'billing-rules §13.8', 'U', {
    pfsStatus: 'C',
    notes: [SOMETIMES, 'Priced by the contractor (no national amount).'],
  }),

  // Neurobehavioural status exam (96121 is its add-on, billing-rules §13.6).
  code('96116', 'timed-other', 'Neurobehavioural status exam, first hour', 'Clinical assessment of thinking, memory, language and behaviour by a qualified clinician, with interpretation and report; first hour.', 'NCCI add-on edits via billing-rules §13.6; ASHA lists it for SLPs [S17]', 'S', {
    unitMinutes: 60,
    oncePerDay: true,
    evaluation: true,
    notes: [SOMETIMES],
  }),
  code('96121', 'timed-other', 'Neurobehavioural status exam, each added hour', 'Each further hour of the neurobehavioural status exam, billed on top of 96116.', 'NCCI add-on edits via billing-rules §13.6', 'S', {
    unitMinutes: 60,
    addOnTo: ['96116'],
    evaluation: true,
    notes: [SOMETIMES],
  }),
];
