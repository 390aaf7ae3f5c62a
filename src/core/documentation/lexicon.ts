/**
 * Word lists of the documentation-strength checks (documentation-weak). The data lives in
 * documentation-weak.words.json, one file an auditor can read and extend, with the source
 * of each list; every list is also a rule option (a config replaces the whole list).
 * ../shared/domain/billing-rules.md §7 has the requirements.
 */
import words from './documentation-weak.words.json';
import type { PhraseSpec } from './phrases';

/** The free-text documentation fields (assistance_level is an enum and needs no wording check). */
export const TEXT_FIELDS = ['justification', 'functional_goal', 'supervision_need', 'intervention', 'equipment'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Fewest words per field once boilerplate is out (the goal's are goal-not-measurable's). */
export const MIN_WORDS: Record<TextField, number> = words.minWords.value;

/** Fewer words suffice for an entry that names two kinds of reason (see the data file). */
export const MIN_WORDS_DENSE: Partial<Record<TextField, number>> = words.minWordsDense.value;

/** Template markers and our own fix's TODO prompts: text a person still has to write. */
export const PLACEHOLDERS: PhraseSpec[] = words.placeholders.value;

/** Stock phrases that say nothing an auditor can check. */
export const BOILERPLATE: PhraseSpec[] = words.boilerplate.value;

/** The session's time, which is the billed time and not a dose. */
export const SESSION_TIME: PhraseSpec[] = words.sessionTime.value;

/** A code's name restated ("ther ex", "neuro re-ed"): not a description of what was done. */
export const CODE_RESTATEMENTS: PhraseSpec[] = words.codeRestatements.value;

/** A dose or a named task, technique or education topic. */
export const INTERVENTION_SPECIFICS: PhraseSpec[] = words.interventionSpecifics.value;

/** Codes whose intervention is read as gait training, and the wording of a walking intervention on any code. */
export const GAIT_CODES: string[] = words.gaitCodes.value;
export const GAIT_TASK: PhraseSpec[] = words.gaitTask.value;

/** What shows skill in gait training: a deviation, a cue, a challenge, monitoring. */
export const GAIT_SKILL: PhraseSpec[] = words.gaitSkill.value;

/** Why the patient cannot do it safely alone. */
export const SUPERVISION_REASONS: PhraseSpec[] = words.supervisionReasons.value;

/** A reason for skilled care, labelled by kind. */
export const JUSTIFICATION_REASONS: PhraseSpec[] = words.justificationReasons.value;

/** The two families of justification reasons: what is wrong, and what it costs. */
export const JUSTIFICATION_FAMILIES: { what: string[]; consequence: string[] } = words.justificationReasons.families;

export const SPECIFICS_HINT = words.hints.specifics;
export const GAIT_HINT = words.hints.gait;
export const SUPERVISION_HINT = words.hints.supervision;
export const JUSTIFICATION_HINT = words.hints.justification;
