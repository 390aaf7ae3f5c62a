/**
 * Cues that tell therapeutic exercise (97110), neuromuscular re-education (97112) and
 * therapeutic activities (97530) apart, for exercise-vs-activity. The lists live in
 * exercise-vs-activity.words.json with their sources; each is a rule option. Each entry is
 * one cue: a note is judged by how many distinct cues of each kind it shows.
 */
import words from './exercise-vs-activity.words.json';
import type { PhraseSpec } from './phrases';

/** Isolated exercise: one muscle group, one joint motion, a machine or a band. */
export const EXERCISE_CUES: PhraseSpec[] = words.exerciseCues.value;

/** Dynamic functional tasks, fine-motor tasks and agility drills. */
export const ACTIVITY_CUES: PhraseSpec[] = words.activityCues.value;

/** Static balance and neuromuscular drills (97112). */
export const BALANCE_CUES: PhraseSpec[] = words.balanceCues.value;

/** How clearly one kind must lead a mixed note before the rule speaks. */
export const DOMINANCE: { minCuesAlone: number; minCuesMixed: number; ratio: number } = words.dominance.value;
