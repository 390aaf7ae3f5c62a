/**
 * What a functional goal lacks: a measurable target, a timeframe, a tie to daily life.
 * The timeframe is taken out before looking for a target, so that "within 4 weeks" does
 * not pass for a measurable number.
 */
import { FUNCTION_HINT, FUNCTIONAL_TIES, MEASURABLE_TARGETS, TARGET_HINT, TIMEFRAME_HINT, TIMEFRAMES } from './goalLexicon';
import { cues, hasAny, without, type PhraseSpec } from './phrases';
import { optionsSchema, phraseListOption } from '../config/optionSchemas';

export interface GoalOptions {
  measurableTargets: PhraseSpec[];
  timeframes: PhraseSpec[];
  functionalTies: PhraseSpec[];
}

export const GOAL_DEFAULTS: GoalOptions = {
  measurableTargets: MEASURABLE_TARGETS,
  timeframes: TIMEFRAMES,
  functionalTies: FUNCTIONAL_TIES,
};

export const GOAL_OPTIONS = optionsSchema({
  measurableTargets: phraseListOption.describe('Phrases that make a goal measurable (replaces the built-in list).'),
  timeframes: phraseListOption.describe('Phrases that give a goal a timeframe (replaces the built-in list).'),
  functionalTies: phraseListOption.describe('Phrases that tie a goal to daily life (replaces the built-in list).'),
});

export type GoalGap = 'target' | 'timeframe' | 'function';

export const GOAL_GAP_TEXT: Record<GoalGap, string> = {
  target: TARGET_HINT,
  timeframe: TIMEFRAME_HINT,
  function: FUNCTION_HINT,
};

export function goalGaps(text: string, opts: GoalOptions): GoalGap[] {
  const time = cues(opts.timeframes);
  const gaps: GoalGap[] = [];
  if (!hasAny(without(text, time), cues(opts.measurableTargets))) gaps.push('target');
  if (!hasAny(text, time)) gaps.push('timeframe');
  if (!hasAny(text, cues(opts.functionalTies))) gaps.push('function');
  return gaps;
}
