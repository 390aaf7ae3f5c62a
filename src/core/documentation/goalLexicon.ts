/**
 * Cues of a measurable, functional goal (goal-not-measurable). Goals "must be measurable
 * and functional" and the plan states their duration (BPM ch. 15 §220.1.2 via
 * billing-rules §7; CERT task-force guidance). The lists live in
 * goal-not-measurable.words.json with their sources, and each can be replaced through the
 * rule's options.
 */
import words from './goal-not-measurable.words.json';
import type { PhraseSpec } from './phrases';

/** A target someone can check: a number, %, assist or cue level, score or observable criterion. */
export const MEASURABLE_TARGETS: PhraseSpec[] = words.measurableTargets.value;

/** When it is due: "within 4 weeks", "x4 wks", "in 6 visits", "by d/c", "by week 3", a date. */
export const TIMEFRAMES: PhraseSpec[] = words.timeframes.value;

/** A tie to daily life: mobility, self-care and home, cognitive daily tasks, work and leisure, eating and communication. */
export const FUNCTIONAL_TIES: PhraseSpec[] = words.functionalTies.value;

export const TARGET_HINT = words.hints.target;
export const TIMEFRAME_HINT = words.hints.timeframe;
export const FUNCTION_HINT = words.hints.function;
