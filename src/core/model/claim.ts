/**
 * The claim format (../shared/design/claim-format.md) as zod schemas: the single source of
 * the runtime validation and of the generated JSON Schema (schema/claim.schema.json).
 */
import * as z from 'zod';
import { MAX_LINES_PER_CLAIM, MAX_MINUTES, MAX_UNITS } from '../limits';

/** A real calendar day? Remembered per text: a claim file repeats its dates, and two Date parses per date field were measurable. */
const realDays = new Map<string, boolean>();
function isRealDay(s: string): boolean {
  let real = realDays.get(s);
  if (real === undefined) {
    real = !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s);
    if (realDays.size >= 20_000) realDays.clear(); // dates of about 55 years: bounded all the same
    realDays.set(s, real);
  }
  return real;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine(isRealDay, {
    message: 'not a real calendar date',
  })
  .describe('ISO date YYYY-MM-DD');

/** Codes and modifiers may be written unquoted (97530, 59): YAML reads numbers, we want text. */
const codeText = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((v) => String(v))
  .describe('Procedure code (CPT/HCPCS), e.g. "97530"');

const modifierText = z
  .union([z.string().regex(/^[A-Za-z0-9]{2}$/, 'a modifier is two letters or digits'), z.number().int().min(0).max(99)])
  .transform((v) => (typeof v === 'number' ? String(v).padStart(2, '0') : v.toUpperCase()))
  .describe('Two-character modifier, e.g. GP, CQ, KX, 59');

const money = z.number().nonnegative().describe('US dollars');
const minutes = z.number().int().nonnegative().max(MAX_MINUTES, `at most ${MAX_MINUTES} minutes (one day; claimlint's limit)`);

export const payerTypes = ['medicare', 'medicare-advantage', 'medicaid', 'commercial'] as const;
export const unitRules = ['cms', 'per-code'] as const;
export const providerDisciplines = ['PT', 'OT', 'SLP', 'physician', 'other'] as const;
export const planDisciplines = ['PT', 'OT', 'SLP'] as const;
export const assistanceLevels = ['independent', 'supervision', 'cga', 'min', 'mod', 'max', 'dependent'] as const;

export const documentationSchema = z.strictObject({
  justification: z.string().optional().describe('Why skilled, one-on-one care was needed'),
  functional_goal: z.string().optional().describe('Measurable functional goal with a timeframe'),
  supervision_need: z.string().optional().describe('Why the patient cannot do this safely alone'),
  intervention: z.string().optional().describe('What exactly was done (tasks, sets, cues)'),
  assistance_level: z.enum(assistanceLevels).optional().describe('Level of assistance given'),
  equipment: z.string().optional().describe('Equipment used'),
});

export const lineSchema = z.strictObject({
  code: codeText,
  modifiers: z.array(modifierText).max(4, 'at most 4 modifiers on a line').optional(),
  units: z.number().int().nonnegative().max(MAX_UNITS, `at most ${MAX_UNITS} units on one line (claimlint's limit)`).describe('Billed units; 0 = performed and documented, not billed'),
  minutes: minutes.optional().describe('Minutes of this code (required for timed codes)'),
  assistant_minutes: minutes.optional().describe('Minutes a PTA/OTA furnished independently'),
  charge: money.optional(),
  diagnosis_pointers: z.array(z.number().int().positive()).optional(),
  documentation: documentationSchema.optional(),
});

export const claimSchema = z.strictObject({
  id: z.union([z.string().min(1), z.number()]).transform((v) => String(v)).describe('Claim id, unique within the file'),
  date_of_service: isoDate,
  payer: z.strictObject({
    type: z.enum(payerTypes),
    name: z.string().optional(),
    unit_rule: z.enum(unitRules).optional(),
  }),
  patient: z
    .strictObject({
      id: z.union([z.string(), z.number()]).transform((v) => String(v)).optional(),
      ytd_allowed: z.strictObject({ pt_slp: money.optional(), ot: money.optional() }).optional(),
    })
    .optional(),
  provider: z
    .strictObject({
      npi: z.union([z.string(), z.number()]).transform((v) => String(v)).optional(),
      discipline: z.enum(providerDisciplines).optional(),
    })
    .optional(),
  plan_of_care: z
    .strictObject({
      discipline: z.enum(planDisciplines),
      start_date: isoDate.optional(),
      certified_date: isoDate.optional(),
      cert_through: isoDate.optional(),
      treatment_days_since_progress_report: z.number().int().nonnegative().optional(),
    })
    .optional(),
  diagnoses: z.array(z.string().min(1)).optional(),
  visit: z
    .strictObject({
      total_timed_minutes: minutes.optional(),
      total_treatment_minutes: minutes.optional(),
      progress_report: z
        .boolean()
        .optional()
        .describe('true when a progress report was written at this visit (resets the count of treatment days since the last report)'),
    })
    .optional(),
  lines: z
    .array(lineSchema)
    .min(1, 'a claim needs at least one line')
    .max(MAX_LINES_PER_CLAIM, `at most ${MAX_LINES_PER_CLAIM} service lines in one claim (claimlint's limit)`),
});

/** A document holds one claim or a list of claims. */
export const documentSchema = z.union([
  z.strictObject({ claim: claimSchema }),
  z.strictObject({ claims: z.array(claimSchema) }),
]);

export type Claim = z.output<typeof claimSchema>;
export type ClaimLine = z.output<typeof lineSchema>;
export type Documentation = z.output<typeof documentationSchema>;
export type PayerType = (typeof payerTypes)[number];
export type UnitRule = (typeof unitRules)[number];
export type AssistanceLevel = (typeof assistanceLevels)[number];

/** JSON Schema of a claim file document, for yamlValidation and docs. */
export function claimFileJsonSchema(): object {
  const schema = z.toJSONSchema(documentSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://claimlint.dev/schema/claim.schema.json',
    title: 'claimlint claim file (format version 1)',
  };
}
