/**
 * CSV (one row per service line) → claims, grouped by claim_id and date of service.
 * Claim-level columns may repeat on every row of a claim, or be filled on its first row
 * only; rows of one claim that disagree are an error. Rows count like a spreadsheet's:
 * the header is row 1.
 */
import { parse } from 'csv-parse/sync';
import { payerTypes, type PayerType } from '../../../core';
import { decimal, disciplineOfModifiers, icd10WithDot, isRealDate } from '../codes';
import { patientId, type PatientIdPolicy } from '../patientId';
import { ImportError, type ImportedClaim, type ImportedLine, type ImportResult, type PlanDiscipline, type ProviderDiscipline } from '../types';
import { CLAIM_LEVEL_COLUMNS, CSV_COLUMNS, readMapping, REQUIRED_COLUMNS, type CsvColumn, type CsvMapping } from './mapping';

export interface ImportCsvOptions {
  patientId: PatientIdPolicy;
  payerType?: PayerType;
  csvMapping?: unknown;
}

const PROVIDER_DISCIPLINES: readonly ProviderDiscipline[] = ['PT', 'OT', 'SLP', 'physician', 'other'];
const PLAN_DISCIPLINES: readonly PlanDiscipline[] = ['PT', 'OT', 'SLP'];
function list(text: string): string[] {
  return text.split(/[\s,;|]+/).filter(Boolean);
}

function csvProblem(code: string | undefined): string {
  switch (code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'a row has more or fewer cells than the header';
    case 'CSV_QUOTE_NOT_CLOSED':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted cell is not closed properly';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside a cell that does not start with one';
    default:
      return 'not valid CSV';
  }
}

/** The header's delimiter: the mapping's, else tab or semicolon when the header has no comma. */
function delimiterOf(text: string, mapping: CsvMapping): string {
  if (mapping.delimiter) return mapping.delimiter;
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (header.includes(',')) return ',';
  if (header.includes('\t')) return '\t';
  if (header.includes(';')) return ';';
  return ',';
}

export function importCsv(text: string, options: ImportCsvOptions): ImportResult {
  const mapping = readMapping(options.csvMapping);
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter: delimiterOf(text, mapping), skip_empty_lines: true, relax_column_count: false, trim: true, record_delimiter: ['\r\n', '\n', '\r'] });
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    throw new ImportError(e.lines ? `line ${e.lines}` : '', csvProblem(e.code));
  }
  if (!rows.length) throw new ImportError('', 'the CSV file is empty');

  // Header: which cell holds which claimlint column.
  const header = rows[0];
  const headerOf = (c: CsvColumn) => mapping.columns?.[c] ?? c;
  const index = new Map<CsvColumn, number>();
  for (const c of CSV_COLUMNS) {
    const wanted = headerOf(c).trim().toLowerCase();
    const at = header.findIndex((h) => h.trim().toLowerCase() === wanted);
    if (at >= 0) index.set(c, at);
  }
  const required = [...REQUIRED_COLUMNS, ...(options.payerType ? [] : (['payer_type'] as const))];
  const missing = required.filter((c) => !index.has(c));
  if (missing.length) {
    const named = missing.map((c) => (headerOf(c) === c ? c : `"${headerOf(c)}" (${c})`));
    throw new ImportError('row 1', `no column ${named.join(', ')}${mapping.columns ? '' : ' — name the export’s columns with --map'}`);
  }
  const colName = (c: CsvColumn) => (headerOf(c) === c ? c : `"${headerOf(c)}" (${c})`);

  interface Draft {
    row: number;
    id: string;
    date: string;
    fields: Partial<Record<CsvColumn, { value: string; row: number }>>;
    lines: ImportedLine[];
  }
  const drafts = new Map<string, Draft>();
  const order: Draft[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = r + 1;
    const cell = (c: CsvColumn) => {
      const i = index.get(c);
      return i === undefined ? '' : (rows[r][i] ?? '').trim();
    };
    const at = (c: CsvColumn) => `row ${row}, column ${colName(c)}`;
    if (rows[r].every((v) => v.trim() === '')) continue;
    const id = cell('claim_id');
    if (!id) throw new ImportError(at('claim_id'), 'empty');
    const date = dateOf(cell('date_of_service'), at('date_of_service'));
    const key = `${id}\u0000${date}`;
    let draft = drafts.get(key);
    if (!draft) {
      draft = { row, id, date, fields: {}, lines: [] };
      drafts.set(key, draft);
      order.push(draft);
    }
    for (const c of CLAIM_LEVEL_COLUMNS) {
      const v = cell(c);
      if (!v) continue;
      const had = draft.fields[c];
      if (had && had.value !== v) throw new ImportError(at(c), `differs from row ${had.row} of the same claim`);
      if (!had) draft.fields[c] = { value: v, row };
    }
    draft.lines.push(lineOf(cell, at));
  }

  // One claim per id and date; an id with several dates gets the date appended.
  const datesOf = new Map<string, number>();
  for (const d of order) datesOf.set(d.id, (datesOf.get(d.id) ?? 0) + 1);
  const claims = order.map((d) => claimOf(d, datesOf.get(d.id)! > 1));
  return { format: 'csv', claims, header: [], warnings: [] };

  function claimOf(d: Draft, split: boolean): ImportedClaim {
    const f = (c: CsvColumn) => d.fields[c]?.value;
    const at = (c: CsvColumn) => `row ${d.fields[c]?.row ?? d.row}, column ${colName(c)}`;
    const payerText = f('payer_type');
    let payerType = options.payerType;
    if (payerText) payerType = mapped('payer_type', payerText, payerTypes, at('payer_type')) as PayerType;
    if (!payerType) throw new ImportError(at('payer_type'), 'empty: the payer type is needed (or pass --payer-type)');
    const pid = patientId(f('patient_id'), options.patientId);
    const npi = f('npi');
    const lines = d.lines;
    const discipline = f('discipline') ? (mapped('discipline', f('discipline')!, PROVIDER_DISCIPLINES, at('discipline')) as ProviderDiscipline) : disciplineOfModifiers(lines);
    const provider = { ...(npi ? { npi } : {}), ...(discipline ? { discipline } : {}) };
    const planDiscipline = f('plan_discipline') ? (mapped('plan_discipline', f('plan_discipline')!, PLAN_DISCIPLINES, at('plan_discipline')) as PlanDiscipline) : undefined;
    const planDates = {
      ...(f('plan_start_date') ? { start_date: dateOf(f('plan_start_date')!, at('plan_start_date')) } : {}),
      ...(f('plan_certified_date') ? { certified_date: dateOf(f('plan_certified_date')!, at('plan_certified_date')) } : {}),
      ...(f('plan_cert_through') ? { cert_through: dateOf(f('plan_cert_through')!, at('plan_cert_through')) } : {}),
    };
    if (!planDiscipline && Object.keys(planDates).length) throw new ImportError(at('plan_discipline'), 'plan-of-care dates need the plan’s discipline (PT, OT or SLP)');
    const visit = {
      ...(f('total_timed_minutes') ? { total_timed_minutes: whole(f('total_timed_minutes')!, at('total_timed_minutes')) } : {}),
      ...(f('total_treatment_minutes') ? { total_treatment_minutes: whole(f('total_treatment_minutes')!, at('total_treatment_minutes')) } : {}),
    };
    const diagnoses = f('diagnoses') ? list(f('diagnoses')!).map(icd10WithDot) : [];
    return {
      id: split ? `${d.id}-${d.date}` : d.id,
      date_of_service: d.date,
      payer: { type: payerType, ...(f('payer_name') ? { name: f('payer_name') } : {}) },
      ...(pid ? { patient: { id: pid } } : {}),
      ...(Object.keys(provider).length ? { provider } : {}),
      ...(planDiscipline ? { plan_of_care: { discipline: planDiscipline, ...planDates } } : {}),
      ...(diagnoses.length ? { diagnoses } : {}),
      ...(Object.keys(visit).length ? { visit } : {}),
      lines,
    };
  }

  function mapped(column: 'payer_type' | 'discipline' | 'plan_discipline', text: string, allowed: readonly string[], where: string): string {
    const table = mapping.values?.[column];
    if (table) {
      const hit = Object.entries(table).find(([k]) => k.trim().toLowerCase() === text.toLowerCase());
      if (hit) return hit[1];
    }
    const own = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
    if (!own) throw new ImportError(where, `not one of ${allowed.join(', ')}${table ? ' nor a value mapped in the mapping file' : ''}`);
    return own;
  }
}

function lineOf(cell: (c: CsvColumn) => string, at: (c: CsvColumn) => string): ImportedLine {
  const code = cell('code').toUpperCase();
  if (!code) throw new ImportError(at('code'), 'empty');
  const modifiers = list(cell('modifiers')).map((m) => m.toUpperCase());
  if (modifiers.some((m) => !/^[A-Z0-9]{2}$/.test(m))) throw new ImportError(at('modifiers'), 'a modifier is two letters or digits');
  if (modifiers.length > 4) throw new ImportError(at('modifiers'), 'more than 4 modifiers');
  const units = whole(cell('units'), at('units'));
  const minutes = cell('minutes') ? whole(cell('minutes'), at('minutes')) : undefined;
  const assistant = cell('assistant_minutes') ? whole(cell('assistant_minutes'), at('assistant_minutes')) : undefined;
  let charge: number | undefined;
  if (cell('charge')) {
    charge = decimal(cell('charge').replace(/^\$/, '').replace(/,/g, ''));
    if (charge === undefined || charge < 0) throw new ImportError(at('charge'), 'not an amount in dollars');
  }
  const pointers = list(cell('diagnosis_pointers')).map((p) => {
    // CMS-1500 letters A–L, or numbers from 1.
    if (/^[A-La-l]$/.test(p)) return p.toUpperCase().charCodeAt(0) - 64;
    const n = decimal(p);
    if (n === undefined || !Number.isInteger(n) || n < 1) throw new ImportError(at('diagnosis_pointers'), 'pointers are numbers from 1 (or letters A–L)');
    return n;
  });
  return {
    code,
    ...(modifiers.length ? { modifiers } : {}),
    units,
    ...(minutes !== undefined ? { minutes } : {}),
    ...(assistant !== undefined ? { assistant_minutes: assistant } : {}),
    ...(charge !== undefined ? { charge } : {}),
    ...(pointers.length ? { diagnosis_pointers: pointers } : {}),
  };
}

function whole(text: string, where: string): number {
  const n = decimal(text);
  if (n === undefined || !Number.isInteger(n) || n < 0) throw new ImportError(where, 'not a whole number');
  return n;
}

/** ISO YYYY-MM-DD, or US M/D/YYYY as EHR exports write it. */
function dateOf(text: string, where: string): string {
  if (!text) throw new ImportError(where, 'empty');
  let iso = text;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) iso = `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  if (!isRealDate(iso)) throw new ImportError(where, 'not a date (YYYY-MM-DD or MM/DD/YYYY)');
  return iso;
}
