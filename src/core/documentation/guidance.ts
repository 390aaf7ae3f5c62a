/**
 * What a strong entry of each documentation field contains, with an example, for hover.
 * The wording follows the same cues the documentation rules look for (lexicon.ts,
 * goalLexicon.ts), so that following the advice clears the findings. Examples are
 * invented, not patient data.
 */
export type GuidanceField = 'justification' | 'functional_goal' | 'supervision_need' | 'intervention' | 'assistance_level' | 'equipment';

export interface FieldGuidance {
  title: string;
  strongEntry: string;
  example: string;
}

const GUIDANCE: Record<GuidanceField, FieldGuidance> = {
  justification: {
    title: 'Justification: why skilled care was needed',
    strongEntry:
      'Name the limitation, deficit or condition and the risk that make a therapist\'s skill necessary, and what the therapist decided or adjusted. ' +
      'Avoid "medically necessary" or "requires skilled PT" on their own.',
    example:
      'Left hemiparesis after CVA with impaired weight shift; cannot transfer bed to chair without moderate assistance. Requires skilled facilitation and task grading to progress safely.',
  },
  functional_goal: {
    title: 'Functional goal: measurable, timed, tied to daily life',
    strongEntry:
      'A measurable target (number, %, assist level, distance, time, reps or a standardized score), a timeframe (within 4 weeks, in 6 visits, by discharge) ' +
      'and the daily activity, work task or mobility it serves. Impairment-only goals ("increase knee flexion") miss the functional tie.',
    example: 'Patient will ascend and descend 12 stairs with one rail and supervision within 4 weeks to reach the bedroom at home.',
  },
  supervision_need: {
    title: 'Supervision need: why the patient cannot do it safely alone',
    strongEntry:
      'The risk or safety issue (fall risk with a score, aspiration, precautions), the cueing or hands-on help only a clinician can give, or the monitoring needed.',
    example: 'High fall risk (Berg 38/56) with loss of balance on turns; needs contact guard and tactile cues for weight shift.',
  },
  intervention: {
    title: 'Intervention: exactly what was done',
    strongEntry:
      'Named tasks or techniques with their dose: sets and reps, distance, time, load or grade, the cues given, and how the task was progressed. ' +
      'Wording should match the billed code (isolated exercise is 97110; functional, multi-plane tasks are 97530).',
    example: 'Sit-to-stand from 18-inch chair 3 x 8 with anterior weight-shift cues; stand-pivot transfers bed to wheelchair x 4; reaching across midline in standing 2 x 10.',
  },
  assistance_level: {
    title: 'Assistance level',
    strongEntry:
      'One of independent, supervision, cga (contact guard), min, mod, max or dependent: the most help given during the billed task. It should agree with the supervision need and the goal.',
    example: 'mod',
  },
  equipment: {
    title: 'Equipment',
    strongEntry: 'Devices, weights and aids used, with settings or load where they matter; write "none" when nothing was used.',
    example: 'Gait belt, hemi-walker, 2 lb cuff weight',
  },
};

export function fieldGuidance(field: GuidanceField): FieldGuidance {
  return GUIDANCE[field];
}
