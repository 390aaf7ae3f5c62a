/**
 * The CSV layout: claimlint's default column names (docs/import.md) and the mapping file
 * (`--map mapping.yaml`) that renames them for another EHR's export:
 *
 *   delimiter: ";"                  # optional; default: detected from the header row
 *   decimal: ","                    # optional; default: detected from the amounts (./numbers.ts)
 *   columns:                        # claimlint column → the export's header
 *     claim_id: Encounter No
 *     date_of_service: DOS
 *     modifiers: [Mod 1, Mod 2, Mod 3, Mod 4]   # a list key may read several columns
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

/** The list keys: a mapping may name several columns for them (`modifiers: [Mod 1, Mod 2]`). */
export const LIST_COLUMNS = ['modifiers', 'diagnoses', 'diagnosis_pointers'] as const satisfies readonly CsvColumn[];
export type ListColumn = (typeof LIST_COLUMNS)[number];
export function isListColumn(c: CsvColumn): c is ListColumn {
  return (LIST_COLUMNS as readonly string[]).includes(c);
}

/** At most this many columns for one list key (12 diagnoses on a CMS-1500). */
const MAX_LIST_COLUMNS = 12;

const columnNames = z.enum(CSV_COLUMNS);
const header = z.string().trim().min(1, 'a column name');
export const mappingSchema = z.strictObject({
  delimiter: z.string().length(1, 'one character').optional(),
  decimal: z.enum(['.', ',']).optional(),
  columns: z
    .partialRecord(columnNames, z.union([header, z.array(header).min(1, 'at least one column name').max(MAX_LIST_COLUMNS, `at most ${MAX_LIST_COLUMNS} columns`)]))
    .superRefine((columns, ctx) => {
      for (const [key, value] of Object.entries(columns)) {
        if (Array.isArray(value) && !isListColumn(key as CsvColumn)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `one column only: several columns are read for ${LIST_COLUMNS.join(', ')}` });
        }
        if (Array.isArray(value) && new Set(value.map((v) => v.toLowerCase())).size !== value.length) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'a column is named twice' });
        }
      }
    })
    .optional(),
  values: z
    .strictObject({
      payer_type: z.record(z.string(), z.enum(['medicare', 'medicare-advantage', 'medicaid', 'commercial'])).optional(),
      discipline: z.record(z.string(), z.enum(['PT', 'OT', 'SLP', 'physician', 'other'])).optional(),
      plan_discipline: z.record(z.string(), z.enum(['PT', 'OT', 'SLP'])).optional(),
    })
    .optional(),
});
export type CsvMapping = z.output<typeof mappingSchema>;

/** The headers a mapping names for a column: one, several (a list key) or none (the default name). */
export function headersOf(mapping: CsvMapping, c: CsvColumn): string[] {
  const named = mapping.columns?.[c];
  return named === undefined ? [c] : Array.isArray(named) ? named : [named];
}

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
        : issue.code === 'invalid_union'
          ? 'a column name, or a list of column names for a list key'
          : issue.message;
  throw new ImportError(`mapping ${path}`, problem);
}
