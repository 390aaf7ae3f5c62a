/**
 * Which documentation fields a line's code needs (documentation-missing), and the
 * placeholder prompts its fix inserts.
 *
 * Timed one-on-one codes (CodeInfo.oneOnOne) are paid by the minute of constant
 * attendance, so the note must show all five: why skilled one-on-one care was needed,
 * the functional goal, why the patient could not do it safely alone, exactly what was
 * done, and the assistance given (billing-rules §7; the CERT task-force daily-note
 * elements). Every other code — evaluations, group therapy, supervised modalities,
 * service-based SLP treatment, hour-based codes — is paid per session: the treatment note
 * must still name each billed service so it matches the code (intervention) and show it
 * was medically necessary (justification), but not one-on-one need or assistance levels.
 * Equipment is never required: many services use none.
 */
import * as z from 'zod';
import { documentationSchema, type Documentation } from '../model/claim';
import { optionsSchema } from '../config/optionSchemas';
import type { CodeInfo } from '../data';

export type DocField = keyof Documentation;

export interface RequirementOptions {
  /** Fields needed by timed one-on-one codes. */
  oneOnOne: DocField[];
  /** Fields needed by every other code. */
  other: DocField[];
  /** Per-code overrides, e.g. { "92526": ["justification", "functional_goal", "intervention"] }. */
  byCode: Record<string, DocField[]>;
}

export const REQUIREMENT_DEFAULTS: RequirementOptions = {
  oneOnOne: ['justification', 'functional_goal', 'supervision_need', 'intervention', 'assistance_level'],
  other: ['justification', 'intervention'],
  byCode: {},
};

const docFields = z.array(z.enum(Object.keys(documentationSchema.shape) as [DocField, ...DocField[]]));

export const REQUIREMENT_OPTIONS = optionsSchema({
  oneOnOne: docFields.describe('Documentation fields timed one-on-one codes need.'),
  other: docFields.describe('Documentation fields every other code needs.'),
  byCode: z.record(z.string().regex(/^[0-9A-Z]{5}$/), docFields).describe('Per-code overrides, e.g. { "92526": ["justification", "functional_goal", "intervention"] }.'),
});

export function requiredFields(code: string, info: CodeInfo, opts: RequirementOptions): DocField[] {
  const byCode = opts.byCode && Object.hasOwn(opts.byCode, code) ? opts.byCode[code] : undefined;
  if (Array.isArray(byCode)) return byCode;
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
