/**
 * Reads an intervention as isolated exercise, functional activity, or neither/mixed.
 * Mixed notes are common and often right (a session may hold both, billed on two lines),
 * so a kind is reported only when the other kind is absent, or when it is outnumbered by
 * both a minimum count and a ratio of distinct cues.
 */
import { ACTIVITY_CUES, DOMINANCE, EXERCISE_CUES } from './exerciseLexicon';
import { cues, matchedLabels, type PhraseSpec } from './phrases';

export interface ExerciseActivityOptions {
  exerciseCues: PhraseSpec[];
  activityCues: PhraseSpec[];
  minCuesAlone: number;
  minCuesMixed: number;
  ratio: number;
}

export const EXERCISE_ACTIVITY_DEFAULTS: ExerciseActivityOptions = {
  exerciseCues: EXERCISE_CUES,
  activityCues: ACTIVITY_CUES,
  ...DOMINANCE,
};

export interface Reading {
  kind: 'exercise' | 'activity' | 'mixed' | 'none';
  exercise: string[];
  activity: string[];
}

export function readIntervention(text: string, opts: ExerciseActivityOptions): Reading {
  const exercise = matchedLabels(text, cues(opts.exerciseCues));
  const activity = matchedLabels(text, cues(opts.activityCues));
  const dominates = (a: string[], b: string[]): boolean =>
    b.length === 0 ? a.length >= opts.minCuesAlone : a.length >= opts.minCuesMixed && a.length >= opts.ratio * b.length;
  let kind: Reading['kind'];
  if (!exercise.length && !activity.length) kind = 'none';
  else if (dominates(exercise, activity)) kind = 'exercise';
  else if (dominates(activity, exercise)) kind = 'activity';
  else kind = 'mixed';
  return { kind, exercise, activity };
}
