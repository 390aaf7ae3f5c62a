/**
 * Why a documentation field is weak, as a list of the cues seen (never the text itself).
 * Order of checks: a placeholder says it all; otherwise boilerplate, length and the
 * field's own specifics are each reported when they fail. An empty field is not weak: it
 * is missing, and documentation-missing reports it (with its fix).
 */
import {
  BOILERPLATE,
  CODE_RESTATEMENTS,
  GAIT_CODES,
  GAIT_HINT,
  GAIT_SKILL,
  GAIT_TASK,
  INTERVENTION_SPECIFICS,
  JUSTIFICATION_FAMILIES,
  JUSTIFICATION_HINT,
  JUSTIFICATION_REASONS,
  MIN_WORDS,
  MIN_WORDS_DENSE,
  PLACEHOLDERS,
  SESSION_TIME,
  SPECIFICS_HINT,
  SUPERVISION_HINT,
  SUPERVISION_REASONS,
  TEXT_FIELDS,
  type TextField,
} from './lexicon';
import { cues, hasAny, listing, matchedLabels, rareLabels, without, wordCount, type PhraseSpec } from './phrases';
import * as z from 'zod';
import { optionsSchema, phraseListOption } from '../config/optionSchemas';

export interface StrengthOptions {
  minWords: Partial<Record<TextField, number>>;
  minWordsDense: Partial<Record<TextField, number>>;
  placeholders: PhraseSpec[];
  boilerplate: PhraseSpec[];
  sessionTime: PhraseSpec[];
  codeRestatements: PhraseSpec[];
  interventionSpecifics: PhraseSpec[];
  gaitCodes: string[];
  gaitTask: PhraseSpec[];
  gaitSkill: PhraseSpec[];
  supervisionReasons: PhraseSpec[];
  justificationReasons: PhraseSpec[];
}

export const STRENGTH_DEFAULTS: StrengthOptions = {
  minWords: MIN_WORDS,
  minWordsDense: MIN_WORDS_DENSE,
  placeholders: PLACEHOLDERS,
  boilerplate: BOILERPLATE,
  sessionTime: SESSION_TIME,
  codeRestatements: CODE_RESTATEMENTS,
  interventionSpecifics: INTERVENTION_SPECIFICS,
  gaitCodes: GAIT_CODES,
  gaitTask: GAIT_TASK,
  gaitSkill: GAIT_SKILL,
  supervisionReasons: SUPERVISION_REASONS,
  justificationReasons: JUSTIFICATION_REASONS,
};

const wordCounts = z.partialRecord(z.enum(TEXT_FIELDS), z.number().int().min(0).max(200));

export const STRENGTH_OPTIONS = optionsSchema({
  minWords: wordCounts.describe(`Minimum words per field (${TEXT_FIELDS.join(', ')}).`),
  minWordsDense: wordCounts.describe('Fewer words that suffice when an entry names two kinds of reason (justification: a condition or deficit and its consequence; supervision_need: two different reasons).'),
  placeholders: phraseListOption.describe('Template markers that make an entry weak (replaces the built-in list).'),
  boilerplate: phraseListOption.describe('Boilerplate phrases (replaces the built-in list).'),
  sessionTime: phraseListOption.describe('The session time ("x 23 min"), not counted as a dose (replaces the built-in list).'),
  codeRestatements: phraseListOption.describe('Restated code names ("ther ex", "neuro re-ed"), not counted as specifics (replaces the built-in list).'),
  interventionSpecifics: phraseListOption.describe('Specifics an intervention should name (replaces the built-in list).'),
  gaitCodes: z.array(z.string().regex(/^[0-9A-Z]{5}$/)).describe('Codes whose intervention is read as gait training (default 97116).'),
  gaitTask: phraseListOption.describe('Wording of a walking intervention, read as gait training on any code (replaces the built-in list).'),
  gaitSkill: phraseListOption.describe('What shows skill in gait training: a deviation, cue, challenge or monitoring (replaces the built-in list).'),
  supervisionReasons: phraseListOption.describe('Reasons that justify skilled supervision (replaces the built-in list).'),
  justificationReasons: phraseListOption.describe('Reasons that justify skilled care (replaces the built-in list; labels "condition" and "deficit" are what is wrong, "limitation", "measured finding" and "risk" what it costs).'),
});

export function isPlaceholder(text: string, opts: Pick<StrengthOptions, 'placeholders'> = STRENGTH_DEFAULTS): boolean {
  return hasAny(text, cues(opts.placeholders));
}

/** What the field is read with besides its text: the line's code. */
export interface FieldContext {
  code?: string;
}

/** The weaknesses of one field's text; empty when the entry is strong enough (or empty: that is missing). */
export function weaknesses(field: TextField, text: string, opts: StrengthOptions, line: FieldContext = {}): string[] {
  if (!text.trim()) return [];
  if (isPlaceholder(text, opts)) return ['is a placeholder still to be written (TODO or template text)'];
  const out: string[] = [];
  const min = opts.minWords?.[field] ?? MIN_WORDS[field];
  const boiler = cues(opts.boilerplate);
  const stock = rareLabels(text, boiler);
  // Counted up to the minimum: only a shorter entry's count is told.
  const rest = wordCount(stock.length ? without(text, boiler) : text, min);
  const dense = opts.minWordsDense?.[field];
  const short = rest < min && !(dense !== undefined && rest >= dense && isDense(field, text, opts));
  if (stock.length && short) {
    out.push(`is mostly boilerplate (${listing(stock)}) with ${rest} other word${rest === 1 ? '' : 's'}`);
  } else if (!stock.length && short) {
    out.push(`has too few words (${rest}; at least ${min} expected)`);
  }
  const specifics = specificsGap(field, text, opts, line);
  if (specifics) out.push(specifics);
  return out;
}

/** Two kinds of reason in one short entry: clinician shorthand that still says why. */
function isDense(field: TextField, text: string, opts: StrengthOptions): boolean {
  if (field === 'justification') {
    const kinds = matchedLabels(text, cues(opts.justificationReasons));
    return kinds.some((k) => JUSTIFICATION_FAMILIES.what.includes(k)) && kinds.some((k) => JUSTIFICATION_FAMILIES.consequence.includes(k));
  }
  if (field === 'supervision_need') return matchedLabels(text, cues(opts.supervisionReasons)).length >= 2;
  return false;
}

/** The intervention without the billed time, the restated code name and boilerplate. */
function interventionCore(text: string, opts: StrengthOptions): string {
  return without(without(without(text, cues(opts.sessionTime)), cues(opts.codeRestatements)), cues(opts.boilerplate));
}

function isGait(text: string, opts: StrengthOptions, line: FieldContext): boolean {
  return (!!line.code && Array.isArray(opts.gaitCodes) && opts.gaitCodes.includes(line.code)) || hasAny(text, cues(opts.gaitTask));
}

function specificsGap(field: TextField, text: string, opts: StrengthOptions, line: FieldContext): string | undefined {
  switch (field) {
    case 'intervention': {
      if (!hasAny(interventionCore(text, opts), cues(opts.interventionSpecifics))) return `has no specifics (${SPECIFICS_HINT})`;
      if (isGait(text, opts, line) && !hasAny(text, cues(opts.gaitSkill))) return `shows no skill: ${GAIT_HINT}`;
      return undefined;
    }
    case 'supervision_need':
      return hasAny(text, cues(opts.supervisionReasons)) ? undefined : `gives ${SUPERVISION_HINT}`;
    case 'justification':
      return hasAny(text, cues(opts.justificationReasons)) ? undefined : `names ${JUSTIFICATION_HINT}`;
    default:
      return undefined;
  }
}
