/**
 * Reads an intervention as isolated exercise, static balance work, functional activity, or
 * neither/mixed. Mixed notes are common and often right (a session may hold both, billed on
 * two lines), so a kind is reported only when the other kind is absent, or when it is
 * outnumbered by both a minimum count and a ratio of distinct cues. Exercise and balance
 * cues together are the non-functional side weighed against the activity cues.
 */
import { ACTIVITY_CUES, BALANCE_CUES, DOMINANCE, EXERCISE_CUES } from './exerciseLexicon';
import { cues, matchedLabels, type PhraseSpec } from './phrases';
import * as z from 'zod';
import { optionsSchema, phraseListOption } from '../config/optionSchemas';

export interface ExerciseActivityOptions {
  exerciseCues: PhraseSpec[];
  activityCues: PhraseSpec[];
  balanceCues: PhraseSpec[];
  minCuesAlone: number;
  minCuesMixed: number;
  ratio: number;
}

export const EXERCISE_ACTIVITY_DEFAULTS: ExerciseActivityOptions = {
  exerciseCues: EXERCISE_CUES,
  activityCues: ACTIVITY_CUES,
  balanceCues: BALANCE_CUES,
  ...DOMINANCE,
};

export const EXERCISE_ACTIVITY_OPTIONS = optionsSchema({
  exerciseCues: phraseListOption.describe('Cues of isolated exercise (replaces the built-in list).'),
  activityCues: phraseListOption.describe('Cues of functional activity, fine-motor tasks and agility drills (replaces the built-in list).'),
  balanceCues: phraseListOption.describe('Cues of static balance and neuromuscular drills, read as 97112 (replaces the built-in list).'),
  minCuesAlone: z.number().int().min(1).max(50).describe('With no cue of the other kind, this many cues of one kind are enough (default 1).'),
  minCuesMixed: z.number().int().min(1).max(50).describe('With cues of both kinds, the dominant kind needs at least this many distinct cues (default 4).'),
  ratio: z.number().gt(0).max(100).describe('…and at least this many times as many as the other kind (default 4).'),
});

export interface Reading {
  /** exercise and balance: the non-functional side leads (balance when its cues outnumber the exercise cues). */
  kind: 'exercise' | 'balance' | 'activity' | 'mixed' | 'none';
  exercise: string[];
  balance: string[];
  activity: string[];
}

export function readIntervention(text: string, opts: ExerciseActivityOptions): Reading {
  const exercise = matchedLabels(text, cues(opts.exerciseCues));
  const balance = matchedLabels(text, cues(opts.balanceCues));
  const activity = matchedLabels(text, cues(opts.activityCues));
  const isolated = [...exercise, ...balance];
  const dominates = (a: string[], b: string[]): boolean =>
    b.length === 0 ? a.length >= opts.minCuesAlone : a.length >= opts.minCuesMixed && a.length >= opts.ratio * b.length;
  let kind: Reading['kind'];
  if (!isolated.length && !activity.length) kind = 'none';
  else if (dominates(isolated, activity)) kind = balance.length > exercise.length ? 'balance' : 'exercise';
  else if (dominates(activity, exercise)) kind = 'activity';
  else kind = 'mixed';
  return { kind, exercise, balance, activity };
}
