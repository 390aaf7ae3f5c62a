/**
 * Why a documentation field is weak, as a list of the cues seen (never the text itself).
 * Order of checks: a placeholder says it all; otherwise boilerplate, length and the
 * field's own specifics are each reported when they fail.
 */
import {
  BOILERPLATE,
  INTERVENTION_SPECIFICS,
  JUSTIFICATION_HINT,
  JUSTIFICATION_REASONS,
  MIN_WORDS,
  PLACEHOLDERS,
  SPECIFICS_HINT,
  SUPERVISION_HINT,
  SUPERVISION_REASONS,
  TEXT_FIELDS,
  type TextField,
} from './lexicon';
import { cues, hasAny, listing, matchedLabels, without, wordCount, type PhraseSpec } from './phrases';
import * as z from 'zod';
import { optionsSchema, phraseListOption } from '../config/optionSchemas';

export interface StrengthOptions {
  minWords: Partial<Record<TextField, number>>;
  placeholders: PhraseSpec[];
  boilerplate: PhraseSpec[];
  interventionSpecifics: PhraseSpec[];
  supervisionReasons: PhraseSpec[];
  justificationReasons: PhraseSpec[];
}

export const STRENGTH_DEFAULTS: StrengthOptions = {
  minWords: MIN_WORDS,
  placeholders: PLACEHOLDERS,
  boilerplate: BOILERPLATE,
  interventionSpecifics: INTERVENTION_SPECIFICS,
  supervisionReasons: SUPERVISION_REASONS,
  justificationReasons: JUSTIFICATION_REASONS,
};

export const STRENGTH_OPTIONS = optionsSchema({
  minWords: z
    .partialRecord(z.enum(TEXT_FIELDS), z.number().int().min(0).max(200))
    .describe(`Minimum words per field (${TEXT_FIELDS.join(', ')}).`),
  placeholders: phraseListOption.describe('Template markers that make an entry weak (replaces the built-in list).'),
  boilerplate: phraseListOption.describe('Boilerplate phrases (replaces the built-in list).'),
  interventionSpecifics: phraseListOption.describe('Specifics an intervention should name (replaces the built-in list).'),
  supervisionReasons: phraseListOption.describe('Reasons that justify skilled supervision (replaces the built-in list).'),
  justificationReasons: phraseListOption.describe('Reasons that justify skilled care (replaces the built-in list).'),
});

export function isPlaceholder(text: string, opts: Pick<StrengthOptions, 'placeholders'> = STRENGTH_DEFAULTS): boolean {
  return hasAny(text, cues(opts.placeholders));
}

/** The weaknesses of one field's text; empty when the entry is strong enough. */
export function weaknesses(field: TextField, text: string, opts: StrengthOptions): string[] {
  if (!text.trim()) return ['is empty'];
  if (isPlaceholder(text, opts)) return ['is a placeholder still to be written (TODO or template text)'];
  const out: string[] = [];
  const min = opts.minWords?.[field] ?? MIN_WORDS[field];
  const boiler = cues(opts.boilerplate);
  const stock = matchedLabels(text, boiler);
  const rest = stock.length ? wordCount(without(text, boiler)) : wordCount(text);
  if (stock.length && rest < min) {
    out.push(`is mostly boilerplate (${listing(stock)}) with ${rest} other word${rest === 1 ? '' : 's'}`);
  } else if (!stock.length && rest < min) {
    out.push(`has too few words (${rest}; at least ${min} expected)`);
  }
  const specifics = specificsGap(field, text, opts);
  if (specifics) out.push(specifics);
  return out;
}

function specificsGap(field: TextField, text: string, opts: StrengthOptions): string | undefined {
  switch (field) {
    case 'intervention':
      return hasAny(text, cues(opts.interventionSpecifics)) ? undefined : `has no specifics (${SPECIFICS_HINT})`;
    case 'supervision_need':
      return hasAny(text, cues(opts.supervisionReasons)) ? undefined : `gives ${SUPERVISION_HINT}`;
    case 'justification':
      return hasAny(text, cues(opts.justificationReasons)) ? undefined : `names ${JUSTIFICATION_HINT}`;
    default:
      return undefined;
  }
}
