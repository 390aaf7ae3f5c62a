/**
 * The CSV layout: claimlint's default column names (docs/import.md) and the mapping file
 * (`--map mapping.yaml`) that renames them for another EHR's export:
 *
 *   delimiter: ";"                  # optional; default: detected from the header row
 *   columns:                        # claimlint column → the export's header
 *     claim_id: Encounter No
 *     date_of_service: DOS
 *   values:                         # optional: the export's words → claim-format values
 *     payer_type: { Medicare Part B: medicare, BCBS: commercial }
 *     discipline: { Physical Therapy: PT }
 */
import * as z from 'zod';
import { ImportError } from '../types';

/** The default layout, one row per service line; claim-level columns repeat on each row. */
/** The columns that key a claim: rows with the same id and date are one claim. */
const KEY_COLUMNS = ['claim_id', 'date_of_service'] as const;

/** Claim-level columns: written on any row of the claim, and the same wherever repeated. */
export const CLAIM_LEVEL_COLUMNS = [
  'payer_type',
  'payer_name',
  'patient_id',
  'npi',
  'discipline',
  'plan_discipline',
  'plan_start_date',
  'plan_certified_date',
  'plan_cert_through',
  'diagnoses',
  'total_timed_minutes',
  'total_treatment_minutes',
] as const;

/** Line-level columns: one service line per row. */
export const LINE_COLUMNS = ['code', 'modifiers', 'units', 'minutes', 'assistant_minutes', 'charge', 'diagnosis_pointers'] as const;

/** Every column claimlint reads, in the order messages list them. */
export const CSV_COLUMNS = [...KEY_COLUMNS, ...CLAIM_LEVEL_COLUMNS, ...LINE_COLUMNS] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns every file needs (payer_type may come from --payer-type instead). */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['claim_id', 'date_of_service', 'code', 'units'];

const columnNames = z.enum(CSV_COLUMNS);
export const mappingSchema = z.strictObject({
  delimiter: z.string().length(1, 'one character').optional(),
  columns: z.partialRecord(columnNames, z.string().min(1)).optional(),
  values: z
    .strictObject({
      payer_type: z.record(z.string(), z.enum(['medicare', 'medicare-advantage', 'medicaid', 'commercial'])).optional(),
      discipline: z.record(z.string(), z.enum(['PT', 'OT', 'SLP', 'physician', 'other'])).optional(),
      plan_discipline: z.record(z.string(), z.enum(['PT', 'OT', 'SLP'])).optional(),
    })
    .optional(),
});
export type CsvMapping = z.output<typeof mappingSchema>;

/** Validates a parsed mapping file; the error names the key path in it. */
export function readMapping(value: unknown): CsvMapping {
  if (value === undefined || value === null) return {};
  const r = mappingSchema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue.path.map(String).join('.') || '(top level)';
  const problem =
    issue.code === 'unrecognized_keys'
      ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (columns are: ${CSV_COLUMNS.join(', ')})`
      : issue.code === 'invalid_key' || (issue.code === 'invalid_value' && path.startsWith('columns'))
        ? `not a claimlint CSV column (use: ${CSV_COLUMNS.join(', ')})`
        : issue.message;
  throw new ImportError(`mapping ${path}`, problem);
}
