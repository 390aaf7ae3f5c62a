/**
 * Reads an intervention as isolated exercise, functional activity, or neither/mixed.
 * Mixed notes are common and often right (a session may hold both, billed on two lines),
 * so a kind is reported only when the other kind is absent, or when it is outnumbered by
 * both a minimum count and a ratio of distinct cues.
 */
import { ACTIVITY_CUES, DOMINANCE, EXERCISE_CUES } from './exerciseLexicon';
import { cues, matchedLabels, type PhraseSpec } from './phrases';
import * as z from 'zod';
import { optionsSchema, phraseListOption } from '../config/optionSchemas';

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

export const EXERCISE_ACTIVITY_OPTIONS = optionsSchema({
  exerciseCues: phraseListOption.describe('Cues of isolated exercise (replaces the built-in list).'),
  activityCues: phraseListOption.describe('Cues of functional activity (replaces the built-in list).'),
  minCuesAlone: z.number().int().min(1).max(50).describe('With no cue of the other kind, this many cues of one kind are enough (default 1).'),
  minCuesMixed: z.number().int().min(1).max(50).describe('With cues of both kinds, the dominant kind needs at least this many distinct cues (default 4).'),
  ratio: z.number().gt(0).max(100).describe('…and at least this many times as many as the other kind (default 4).'),
});

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
