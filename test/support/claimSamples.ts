/**
 * Fixed claims the tests share, built with the one claim builder (test/support/claims.ts):
 * `claimFile`/`claimItem` the documented PT visit that is clean for every rule except what its
 * options break, `overBilled` the visit whose 47 timed minutes support 3 units while 4 are
 * billed, and `strokeVisit(i)`/`strokeVisitText` the benchmarks' realistic stroke-rehab visit (about 1.8 KB).
 */
import { claimYamlItem, type ClaimSpec, type LineSpec } from './claims';

/**
 * Over-billed: 47 timed minutes support 3 units, 4 billed (one timed-units-total finding; the
 * documentation rules are disabled in the file). `id` names the claim, `comment` is kept on
 * 97112's units line (a comment that --fix must keep). Spelled out: the comment's place is the point.
 */
export function overBilled(id = 'CLM-OVER', comment = ''): string {
  return `# claimlint-disable-file documentation-missing, documentation-weak, goal-not-measurable
claims:
  - id: ${id}
    date_of_service: 2026-03-02
    payer: { type: medicare }
    provider: { npi: "1234567893", discipline: PT }
    plan_of_care: { discipline: PT, start_date: 2026-02-16, certified_date: 2026-02-20, cert_through: 2026-05-15 }
    lines:
      - code: "97112"
        modifiers: [GP]
        units: 3${comment ? `   # ${comment}` : ''}
        minutes: 24
      - code: "97110"
        modifiers: [GP]
        units: 1
        minutes: 23
`;
}

/** A knee-OA note for 97110 that every documentation rule accepts. */
export const KNEE_EXERCISE_NOTE = {
  justification: ['Left knee osteoarthritis with quadriceps weakness limits stair climbing;', 'requires skilled progression of resistance and form correction.'],
  functional_goal: ['Patient will climb 12 stairs with one rail independently within 4 weeks', 'to reach the bedroom at home.'],
  supervision_need: ['Fall risk (Berg 44/56) and need for tactile cues to control knee valgus.'],
  intervention: ['Straight-leg raises 3 x 10 with 2 lb cuff weight, terminal knee extension', '3 x 12 with band, hamstring stretch 3 x 30 seconds.'],
  assistance_level: 'supervision',
  equipment: 'cuff weight, resistance band',
};

/** A knee-OA note for 97530 that every documentation rule accepts. */
export const KNEE_ACTIVITY_NOTE = {
  justification: ['Impaired balance and weakness after knee OA flare prevent safe transfers;', 'requires skilled task grading and cueing.'],
  functional_goal: ['Patient will transfer bed to chair with supervision within 4 weeks to', 'return home with spouse.'],
  supervision_need: ['Fall risk (Berg 44/56) and need for contact guard during weight shift.'],
  intervention: ['Sit-to-stand from 18-inch chair 3 x 8 with weight-shift cues, stand-pivot', 'transfers x 4, reaching across midline in standing 2 x 10.'],
  assistance_level: 'cga',
  equipment: 'gait belt',
};

export interface ClaimOptions {
  id?: string;
  payer?: string;
  units110?: number;
  units530?: number;
  minutes110?: number;
  minutes530?: number;
  /** Written as given inside the brackets, e.g. 'GP' or 'GO, CQ'. */
  modifiers530?: string;
}

/**
 * One PT claim (block layout), clean for every rule except what the options break: 97110 20 min
 * and 97530 18 min support 2 + 1 units under the CMS rule.
 */
export function claimItem(o: ClaimOptions = {}): string {
  const m110 = o.minutes110 ?? 20;
  const m530 = o.minutes530 ?? 18;
  const spec: ClaimSpec = {
    id: o.id,
    date: '2026-03-14',
    payer: o.payer,
    patient: 'PT-1',
    plan: { start: '2026-02-02', certified: '2026-02-10', through: '2026-05-02' },
    diagnoses: ['M17.11'],
    visit: { timed: m110 + m530, treatment: m110 + m530 },
    lines: [
      { code: '97110', modifiers: ['GP'], units: o.units110 ?? 2, minutes: m110, diagnosisPointers: [1], documentation: KNEE_EXERCISE_NOTE },
      { code: '97530', modifiers: [o.modifiers530 ?? 'GP'], units: o.units530 ?? 1, minutes: m530, diagnosisPointers: [1], documentation: KNEE_ACTIVITY_NOTE },
    ],
  };
  return `${claimYamlItem(spec, 'block')}\n`;
}

export function claimFile(...items: ClaimOptions[]): string {
  return `claims:\n${(items.length ? items : [{}]).map(claimItem).join('')}`;
}

const STROKE_TRANSFER_NOTE = {
  justification: [
    'Left-sided hemiplegia after CVA limits reaching and grasping; cannot',
    'transfer bed to chair without moderate assistance and needs cues to',
    'sequence the transfer safely at home with a single caregiver present.',
  ],
  functional_goal: ['Patient will transfer bed to wheelchair with stand-by assist within 4 weeks', 'to return home with spouse and resume toileting with one helper.'],
  supervision_need: ['Fall risk (Berg 38/56) and need for tactile cueing for weight shift during', 'pivots, with loss of balance to the left observed in two of five trials.'],
  intervention: [
    'Sit-to-stand and stand-pivot transfer practice, reaching tasks across midline',
    'in standing, 3 x 10 repetitions with gait belt, and lower-body dressing in',
    'standing at the grab bar for 2 trials with verbal cues for sequencing.',
  ],
  assistance_level: 'mod',
  equipment: 'gait belt, hemi-walker',
};

/**
 * The benchmarks' realistic visit number `i` (block layout): one documented 97530 line of
 * 20–59 minutes billed at the units those minutes support, a date in March 2026, its own
 * claim and patient id (CLM-2026-1000i, PT-1000i) and year-to-date amount.
 */
export function strokeVisit(i: number): ClaimSpec {
  const minutes = 20 + (i % 40);
  const units = Math.floor(minutes / 15) + (minutes % 15 >= 8 ? 1 : 0);
  const id = String(100000 + i);
  return {
    id: `CLM-2026-${id}`,
    date: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    payerName: 'Medicare Part B',
    patient: `PT-${id}`,
    ytd: { pt_slp: `${(i * 7) % 2000}.00`, ot: 0 },
    plan: { start: '2026-02-02', certified: '2026-02-10', through: '2026-05-02', daysSinceProgressReport: i % 9 },
    diagnoses: ['I69.354', 'R26.2'],
    visit: { timed: minutes, treatment: minutes },
    lines: [{ code: '97530', modifiers: ['GP'], units, minutes, assistantMinutes: 0, charge: '120.00', diagnosisPointers: [1, 2], documentation: STROKE_TRANSFER_NOTE }],
  };
}

/** strokeVisit(i) as a `claims:` list item (block layout), its line and the claim changed as given (units 9: over-billed). */
export function strokeVisitText(i: number, line: Partial<LineSpec> = {}, claim: Partial<ClaimSpec> = {}): string {
  const spec = strokeVisit(i);
  return `${claimYamlItem({ ...spec, ...claim, lines: [{ ...spec.lines[0], ...line }] }, 'block')}\n`;
}
