/**
 * Data packs: reference tables imported from CMS's own files (`claimlint data import`),
 * stored as a folder with a versioned JSON manifest. The built-in curated data is itself
 * described as a pack. This module is the pack's shape and its validation (zod); reading
 * the folder happens in the adapters (CLI, server), so the core stays free of `fs`.
 */
import * as z from 'zod';

export const PACK_FORMAT = 'claimlint-data-pack';
export const PACK_VERSION = 1;
export const MANIFEST_FILE = 'claimlint-pack.json';

/** The tables a pack can hold; each comes from one kind of CMS file. */
export const tableNames = ['ncci-ptp', 'mue', 'pfs-rvu', 'conversion-factor', 'gpci', 'therapy-codes'] as const;
export type TableName = (typeof tableNames)[number];

/** Plain names for messages, hovers and `data info`. */
export const TABLE_LABELS: Record<TableName, string> = {
  'ncci-ptp': 'NCCI PTP practitioner edits',
  mue: 'MUE practitioner services',
  'pfs-rvu': 'Physician Fee Schedule RVUs (PPRRVU)',
  'conversion-factor': 'PFS conversion factor',
  gpci: 'GPCIs by locality',
  'therapy-codes': 'Annual Therapy Code List',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const code = z.string().regex(/^[0-9A-Z]{5}$/);
/**
 * First and last date of service. `to` is absent only in the built-in pack, whose curated
 * tables carry their own dates per row and some rows have no end date.
 */
export const periodSchema = z.strictObject({ from: isoDate, to: isoDate.optional() });
export type Period = z.infer<typeof periodSchema>;

/**
 * claimlint's curation marks, present only on the rows of the built-in pack (imported from
 * the checked-in source tables in data/source, which carry them in "claimlint …" columns
 * next to CMS's own): where the value came from and how sure it is. Rows imported from
 * CMS's files have none; their source is the file itself.
 */
const curated = {
  source: z.string().max(1000).optional(),
  /** C confirmed, S secondary source only, D derived, U unconfirmed. */
  confidence: z.enum(['C', 'S', 'D', 'U']).optional(),
};
/** A curated row's own dates, for tables whose CMS file has one period for all rows. */
const rowDates = { from: isoDate.optional(), to: isoDate.optional() };

export const ncciRowSchema = z.strictObject({
  column1: code,
  column2: code,
  from: isoDate,
  /**
   * The last day the edit applies: CMS's deletion date as written. CMS's own PTP file puts every
   * effective date on a quarter's first day and every deletion date on a quarter's last day
   * (20231231 for an edit gone from January 2024) [S81]; an edit whose deletion date equals its
   * effective date was never in effect and carries indicator 9 [S79]. "*" in the file becomes absent.
   */
  to: isoDate.optional(),
  modifierIndicator: z.union([z.literal(0), z.literal(1), z.literal(9)]),
  /** "*" in the file: the pair existed before 1996. */
  before1996: z.boolean().optional(),
  rationale: z.string().max(200).optional(),
  ...curated,
  /** Curated: how sure the modifier indicator is, when less sure than the pair. */
  indicatorConfidence: z.enum(['C', 'S', 'D', 'U']).optional(),
  /** Curated: a note for hovers. */
  note: z.string().max(1000).optional(),
});
export const mueRowSchema = z.strictObject({
  code,
  maxUnits: z.number().int().min(0).max(100000),
  /** Always present in CMS's file; a curated row may not know it. */
  mai: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  rationale: z.string().max(200).optional(),
  ...rowDates,
  ...curated,
});
export const rvuRowSchema = z.strictObject({
  code,
  /** PPRRVU status code (A active, B bundled, I not valid for Medicare, …). */
  status: z.string().max(2),
  workRvu: z.number().min(0),
  peNonFacility: z.number().min(0),
  peFacility: z.number().min(0),
  mpRvu: z.number().min(0),
  /** MULT PROC indicator; 5 is the therapy multiple-procedure (MPPR) reduction. */
  multProc: z.string().max(2),
  ...rowDates,
  ...curated,
});
export const cfRowSchema = z.strictObject({
  /** The conversion factor paid to clinicians who are not qualifying APM participants. */
  nonQp: z.number().positive().max(1000),
  qp: z.number().positive().max(1000),
  ...curated,
});
export const gpciRowSchema = z.strictObject({
  mac: z.string().regex(/^\d{5}$/),
  locality: z.string().regex(/^\d{2}$/),
  state: z.string().max(4),
  name: z.string().max(120),
  work: z.number().positive().max(10),
  pe: z.number().positive().max(10),
  mp: z.number().positive().max(10),
  counties: z.string().max(2000).optional(),
});
export const therapyRowSchema = z.strictObject({
  code,
  therapy: z.enum(['always', 'sometimes']),
  ...rowDates,
  ...curated,
});

export const TABLE_ROW_SCHEMAS = {
  'ncci-ptp': ncciRowSchema,
  mue: mueRowSchema,
  'pfs-rvu': rvuRowSchema,
  'conversion-factor': cfRowSchema,
  gpci: gpciRowSchema,
  'therapy-codes': therapyRowSchema,
} as const;

export type NcciRow = z.infer<typeof ncciRowSchema>;
export type MueRow = z.infer<typeof mueRowSchema>;
export type RvuRow = z.infer<typeof rvuRowSchema>;
export type CfRow = z.infer<typeof cfRowSchema>;
export type GpciRow = z.infer<typeof gpciRowSchema>;
export type TherapyRow = z.infer<typeof therapyRowSchema>;
export interface TableRows {
  'ncci-ptp': NcciRow;
  mue: MueRow;
  'pfs-rvu': RvuRow;
  'conversion-factor': CfRow;
  gpci: GpciRow;
  'therapy-codes': TherapyRow;
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const inputFileSchema = z.strictObject({
  /** The CMS file's name, without its folder (a zip member is named "zip!member"); with sha256 it identifies the file. */
  name: z.string().max(300),
  sha256,
  bytes: z.number().int().min(0),
  /** Data rows read, and kept by the therapy filter. */
  rows: z.number().int().min(0),
  kept: z.number().int().min(0),
});

export const manifestTableSchema = z.strictObject({
  table: z.enum(tableNames),
  /** The table's JSON file in the pack folder. */
  file: z.string().regex(/^[a-z0-9-]+\.json$/),
  sha256,
  rows: z.number().int().min(0),
  /** CMS's name for the release, e.g. "v320r0", "RVU26A (January)", "2026". */
  release: z.string().max(100),
  /** First and last date of service the table covers. */
  effective: periodSchema,
  inputs: z.array(inputFileSchema).max(50),
  /** Which release answers the period, when not the obvious one (built-in tables from CMS's files). */
  note: z.string().max(300).optional(),
});
export type ManifestTable = z.infer<typeof manifestTableSchema>;

export const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  createdBy: z.string().max(100),
  /** The rule that chose which codes and pairs were kept, in words. */
  filter: z.string().max(1000),
  tables: z.array(manifestTableSchema).max(50),
});
export type PackManifest = z.infer<typeof manifestSchema>;

/** A pack read and checked: its manifest and each table's rows. */
export interface LoadedPack {
  manifest: PackManifest;
  /** Where it came from, for messages: a folder path, or "built-in". */
  origin: string;
  tables: { meta: ManifestTable; rows: TableRows[TableName][] }[];
}
