/**
 * Building blocks of the rules' option schemas (each rule declares `options`, a zod
 * object, next to its defaults). The schemas validate `rules.<id>.options` of a
 * .claimlintrc file or the claimlint.rules setting (ruleSettings.ts) and become the JSON
 * Schema that editors complete those options from.
 */
import * as z from 'zod';
import { payerTypes, type PayerType } from '../model/claim';

/** A rule's options: every key optional (defaults fill the rest), unknown keys refused. */
export function optionsSchema<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape).partial();
}

export type RuleOptionsSchema = ReturnType<typeof optionsSchema>;

/** Payer types a rule checks: a list, or a single payer type (matched exactly, never as a substring). */
export const payerTypesOption = z
  .union([z.enum(payerTypes), z.array(z.enum(payerTypes))])
  .describe(`Payer types the rule checks: a list (or one) of ${payerTypes.join(', ')}.`);

/** True when `option` (a payer type or a list of them) names exactly `type`. */
export function forPayer(option: unknown, type: PayerType): boolean {
  if (typeof option === 'string') return option === type;
  return Array.isArray(option) && option.some((t) => t === type);
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

/**
 * A phrase list of the documentation checks: plain phrases, labelled lists of plain phrases
 * ({ label, words }: each phrase whole-word, any case), or labelled regular expressions.
 */
export const phraseListOption = z.array(
  z.union([
    z.string().min(1),
    z.strictObject({
      label: z.string().min(1),
      pattern: z.string().min(1).refine(isRegex, { message: 'not a valid regular expression' }),
    }),
    z.strictObject({
      label: z.string().min(1),
      words: z.array(z.string().min(1)).min(1),
    }),
  ]),
);

export const dayCountOption = z.number().int().min(1).max(3660);

export const shareOption = z.number().gt(0).max(1);
