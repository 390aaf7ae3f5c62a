/**
 * Timed PT/OT codes: 15-minute units (8-minute rule, billing-rules §2–§3) and the
 * hour-based work-hardening pair. Descriptions are our own plain words, never the AMA
 * descriptors. `from` is the start of our data (2020-01-01) unless the code is newer;
 * it is not the date the code was created.
 */
import type { CatalogueEntry, Confidence } from './types';

export const DATA_BASELINE = '2020-01-01';

type Extra = Partial<Omit<CatalogueEntry, 'code' | 'short' | 'description' | 'source' | 'confidence'>>;

/** A one-on-one, 15-minute, always-therapy code. */
function timed15(
  code: string,
  short: string,
  description: string,
  source: string,
  confidence: Confidence,
  extra: Extra = {},
): CatalogueEntry {
  return {
    code,
    kind: 'timed15',
    short,
    description,
    oneOnOne: true,
    from: DATA_BASELINE,
    source,
    confidence,
    ...extra,
  };
}

export const TIMED_CODES: CatalogueEntry[] = [
  // Attended modalities (clinician present throughout).
  timed15('97032', 'E-stim, attended', 'Electrical stimulation applied and adjusted by the clinician, who stays with the patient throughout.', '[S18][S19], mikemena cptCodes.json', 'C'),
  timed15('97033', 'Iontophoresis', 'A mild electrical current used to drive a medication through the skin into the tissue beneath.', '[S18]', 'C', {
    notes: ['Timed. One web page lists it as untimed; that is wrong (billing-rules §3).'],
  }),
  timed15('97034', 'Contrast baths', 'A limb is dipped alternately in warm and cold water while the clinician stays in attendance.', 'billing-rules §3 (attended-modality group)', 'U'),
  timed15('97035', 'Ultrasound', 'Therapeutic ultrasound delivered by the clinician to heat or stimulate deeper tissue.', '[S18][S19][S9]', 'C'),
  timed15('97036', 'Hubbard tank', 'Whole-body immersion in a large water tank for treatment, with the clinician in attendance.', 'billing-rules §3', 'U'),
  timed15('97039', 'Unlisted modality', 'A modality that has no code of its own; the claim must name the modality and, if attended, its length.', 'billing-rules §3', 'U', {
    pfsStatus: 'C',
    notes: ['Whether it is timed depends on the modality described; payers decide case by case. Treated as timed here.'],
  }),

  // Therapeutic procedures.
  timed15('97110', 'Therapeutic exercise', 'Exercise that works on one physical limitation at a time, such as weak muscles, stiff joints or poor stamina.', 'FCSO [S1], WebPT [S18], UTHealth [S15]', 'C', {
    notes: [
      'Therapeutic exercise works on one thing in isolation: strength, range of motion, endurance or flexibility (e.g. bicep curls, straight-leg raises, stretching a hamstring).',
      'If the task combines several movements into a functional activity (lifting a box, a transfer, reaching into a cupboard), it is therapeutic activities (97530) instead.',
    ],
  }),
  timed15('97112', 'Neuromuscular re-education', 'Retraining the nervous system\'s control of movement so the patient is steadier and better coordinated, e.g. balance work.', 'WebPT [S18], UTHealth [S15]', 'C'),
  timed15('97113', 'Aquatic therapy', 'Therapeutic exercise done in a pool, using the buoyancy and resistance of the water.', 'medicalbillingcptmodifiers [S-web]', 'S'),
  timed15('97116', 'Gait training', 'Teaching and practising walking, including stairs, with or without a walking aid.', 'UTHealth [S15], WebPT [S18]', 'C'),
  timed15('97124', 'Massage', 'Hands-on soft-tissue massage to ease muscle tension and help circulation.', 'medicalbillingcptmodifiers [S-web]', 'S'),
  timed15('97129', 'Cognitive intervention, first 15 min', 'One-on-one treatment to improve thinking skills like memory and attention, and to teach workarounds for daily tasks; first unit of the day.', 'PT Medical Billing [S20], McKnight\'s [S21]', 'C', {
    oncePerDay: true,
    notes: [
      'Report once per day; further units on the same day use 97130.',
      'New in 2020; replaced Medicare\'s G0515 and CPT 97127.',
      'ASHA lists 97129/97130 with the codes billed under its 51% rule; CMS counts them with the other 15-minute codes.',
    ],
  }),
  timed15('97130', 'Cognitive intervention, each added 15 min', 'Each further unit of one-on-one cognitive treatment on the same day, billed on top of 97129.', 'PT Medical Billing [S20]', 'C', {
    addOnTo: ['97129'],
  }),
  timed15('97140', 'Manual therapy', 'Skilled hands-on treatment of joints and soft tissue, for example mobilising a stiff joint or moving swelling out of a limb by hand.', 'UTHealth [S15], WebPT [S18]', 'C', {
    notes: ['Timed. Pages calling it a per-session code are wrong (billing-rules §9).'],
  }),
  timed15('97530', 'Therapeutic activities', 'Practising real-life tasks that use several movements together, such as lifting, carrying, reaching or transfers.', 'UTHealth [S15], WebPT [S18]', 'C', {
    notes: [
      'Therapeutic activities are dynamic, functional tasks that use several movements or planes of motion together (e.g. lifting a box from the floor, bed-to-chair transfers, reaching overhead to a shelf).',
      'Exercise that isolates one muscle group or one motion (e.g. bicep curls, straight-leg raises) is therapeutic exercise (97110) instead.',
    ],
  }),
  timed15('97533', 'Sensory integration', 'Activities that help the patient process touch, movement and other sensations so they can react to their surroundings better.', 'ASHA [S17]', 'C'),
  timed15('97535', 'Self-care / home management training', 'Teaching everyday tasks at home, such as dressing, bathing, cooking and using aids or equipment safely.', 'mikemena cptCodes.json; athelas list', 'S'),
  timed15('97537', 'Community / work reintegration', 'Training for tasks outside the home, such as shopping, using transport or doing job tasks.', 'billing-rules §3', 'U'),
  timed15('97542', 'Wheelchair management', 'Choosing and adjusting a wheelchair and teaching the patient to use and propel it.', 'athelas list', 'S'),

  // Tests, assistive technology, orthotics and prosthetics.
  timed15('97750', 'Physical performance test', 'A structured test of how well the patient performs physically (for example a work-capacity test), written up in a report.', 'e2emedicalbilling/codingahead [S58], PPS Impact [S72]', 'C', {
    notes: ['Not separately billable with an evaluation on the same date (NCCI; see the pair table).'],
  }),
  timed15('97755', 'Assistive technology assessment', 'Working with the patient to judge which assistive devices or technology would help them function, written up in a report.', 'billing-rules §3', 'U'),
  timed15('97760', 'Orthotic management, initial', 'Fitting of an orthosis (brace or splint) and training in its use at the first encounter.', 'AAPC forum [S5]', 'S'),
  timed15('97761', 'Prosthetic training, initial', 'Training in the use of an artificial limb at the first encounter.', 'mikemena cptCodes.json', 'S'),
  timed15('97763', 'Orthotic / prosthetic follow-up', 'Later checks, adjustment and training for an orthosis or prosthesis after the first encounter.', 'Gawenda [S60] (added 2018)', 'U', {
    from: '2018-01-01',
  }),

  // Work hardening: timed in hours, not in 15-minute units; Medicare status R.
  {
    code: '97545',
    kind: 'timed-other',
    short: 'Work hardening, first 2 h',
    description: 'A structured, job-focused conditioning programme; this code covers the first two hours of the day and is reported once.',
    unitMinutes: 120,
    oncePerDay: true,
    pfsStatus: 'R',
    from: DATA_BASELINE,
    source: 'billing-rules §13.8 ("initial 2 hours", once; Medicare status R); billing-rules §3',
    confidence: 'S',
    notes: [
      'Reported once per date ("initial 2 hours"); each further hour is 97546.',
      'Medicare status R: restricted coverage, no national rate (the contractor prices it).',
    ],
  },
  {
    code: '97546',
    kind: 'timed-other',
    short: 'Work hardening, each added hour',
    description: 'Each further hour of the job-focused conditioning programme, billed on top of 97545.',
    unitMinutes: 60,
    addOnTo: ['97545'],
    pfsStatus: 'R',
    from: DATA_BASELINE,
    source: 'billing-rules §13.8 (each additional hour; Medicare status R); billing-rules §3',
    confidence: 'S',
    notes: ['Medicare status R: restricted coverage, no national rate (the contractor prices it).'],
  },
];
