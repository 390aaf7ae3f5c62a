/**
 * Which documentation fields a line's code needs (documentation-missing), and the
 * placeholder prompts its fix inserts. The table lives in documentation-missing.words.json
 * with why and the source of each entry.
 *
 * Patient-active timed one-on-one codes (CodeInfo.oneOnOne) are paid by the minute of
 * constant attendance, so the note shows all five: why skilled one-on-one care was needed,
 * the functional goal, why the patient could not do it safely alone, exactly what was done,
 * and the assistance given (billing-rules §7; the CERT task-force daily-note elements).
 * Clinician-applied timed codes (manual therapy, massage, attended modalities) need no
 * supervision need or assist level: the patient does nothing unassisted and §220.3 names
 * neither; cognitive intervention's help is cueing, written in the supervision need. Every
 * other code is paid per session: the note names the billed service (intervention) and
 * shows it was medically necessary (justification). Equipment is never required.
 */
import * as z from 'zod';
import { documentationSchema, type Documentation } from '../model/claim';
import { optionsSchema } from '../config/optionSchemas';
import type { CodeInfo } from '../data';
import words from './documentation-missing.words.json';

export type DocField = keyof Documentation;

export interface RequirementOptions {
  /** Fields needed by timed one-on-one codes. */
  oneOnOne: DocField[];
  /** Fields needed by every other code. */
  other: DocField[];
  /** Per-code overrides, e.g. { "92526": ["justification", "functional_goal", "intervention"] }; added to the built-in table. */
  byCode: Record<string, DocField[]>;
}

/** The built-in per-code table (each entry's why and source are in the data file). */
export const REQUIREMENTS_BY_CODE: Record<string, DocField[]> = Object.fromEntries(
  Object.entries(words.byCode.value).map(([code, entry]) => [code, entry.fields as DocField[]]),
);

export const REQUIREMENT_DEFAULTS: RequirementOptions = {
  oneOnOne: words.oneOnOne.value as DocField[],
  other: words.other.value as DocField[],
  byCode: {},
};

const docFields = z.array(z.enum(Object.keys(documentationSchema.shape) as [DocField, ...DocField[]]));

export const REQUIREMENT_OPTIONS = optionsSchema({
  oneOnOne: docFields.describe('Documentation fields patient-active timed one-on-one codes need.'),
  other: docFields.describe('Documentation fields every other code needs.'),
  byCode: z
    .record(z.string().regex(/^[0-9A-Z]{5}$/), docFields)
    .describe('Per-code field lists, added to (and for the same code replacing) the built-in table (97140, 97124 and attended modalities: justification, functional_goal, intervention; 97129/97130: all but assistance_level), e.g. { "92526": ["justification", "functional_goal", "intervention"] }.'),
});

export function requiredFields(code: string, info: CodeInfo, opts: RequirementOptions): DocField[] {
  const byCode = opts.byCode && Object.hasOwn(opts.byCode, code) ? opts.byCode[code] : undefined;
  if (Array.isArray(byCode)) return byCode;
  if (Object.hasOwn(REQUIREMENTS_BY_CODE, code)) return REQUIREMENTS_BY_CODE[code];
  return info.oneOnOne ? opts.oneOnOne : opts.other;
}

/**
 * Placeholder prompts: they say what to write, start with TODO so that documentation-weak
 * keeps flagging them until a person writes the entry, and never state a clinical fact.
 * assistance_level has none: it is an enum, and any value would be an invented fact.
 */
export function placeholderFor(field: DocField, oneOnOne: boolean): string | undefined {
  switch (field) {
    case 'justification':
      return oneOnOne ? 'TODO: why skilled one-on-one care was needed' : 'TODO: why skilled care was needed';
    case 'functional_goal':
      return 'TODO: measurable functional goal with a timeframe';
    case 'supervision_need':
      return 'TODO: why the patient could not do this safely alone';
    case 'intervention':
      return 'TODO: what exactly was done (tasks, sets, reps, cues)';
    case 'equipment':
      return 'TODO: equipment used, or none';
    default:
      return undefined;
  }
}
