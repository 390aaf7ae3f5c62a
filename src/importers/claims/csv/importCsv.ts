/**
 * CSV (one row per service line) → claims, grouped by claim_id and date of service.
 * Claim-level columns may repeat on every row of a claim, or be filled on its first row
 * only; rows of one claim that disagree are an error. Rows count like a spreadsheet's:
 * the header is row 1.
 */
import { parse } from 'csv-parse/sync';
import { payerTypes, type PayerType } from '../../../core';
import { disciplineOfModifiers, icd10WithDot, isRealDate } from '../codes';
import { patientId, type PatientIdPolicy } from '../patientId';
import { chargeProblem, IMPORT_BOUNDS, minutesProblem, tooLong, unitsProblem } from '../bounds';
import { ImportError, type ImportedClaim, type ImportedLine, type ImportResult, type PlanDiscipline, type ProviderDiscipline } from '../types';
import { readColumns } from './columns';
import { CLAIM_LEVEL_COLUMNS, readMapping, type CsvColumn, type CsvMapping } from './mapping';
import { markShown, readNumber, type DecimalMark } from './numbers';

export interface ImportCsvOptions {
  patientId: PatientIdPolicy;
  payerType?: PayerType;
  csvMapping?: unknown;
}

const PROVIDER_DISCIPLINES: readonly ProviderDiscipline[] = ['PT', 'OT', 'SLP', 'physician', 'other'];
const PLAN_DISCIPLINES: readonly PlanDiscipline[] = ['PT', 'OT', 'SLP'];
/** The columns holding numbers: their cells tell the file's decimal mark. */
const NUMBER_COLUMNS: readonly CsvColumn[] = ['charge', 'units', 'minutes', 'assistant_minutes', 'total_timed_minutes', 'total_treatment_minutes'];
/** A claim holds at most 12 diagnoses (CMS-1500 A–L, 837P HI). */
const MAX_DIAGNOSES = 12;

function list(text: string): string[] {
  return text.split(/[\s,;|]+/).filter(Boolean);
}

/** A cell of a row with where it is, for messages: "row 3, column \"Mod 2\" (modifiers)". */
interface Cell {
  value: string;
  where: string;
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
  if (!text.replace(/^\uFEFF/, '').trim()) throw new ImportError('', 'the file is empty');
  const delimiter = delimiterOf(text, mapping);
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: false, trim: true, record_delimiter: ['\r\n', '\n', '\r'] });
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    throw new ImportError(e.lines ? `line ${e.lines}` : '', csvProblem(e.code));
  }
  if (!rows.length) throw new ImportError('', 'the CSV file is empty');

  const columns = readColumns(rows[0], rows.slice(1), mapping, options);
  const colName = columns.name;
  const mark = decimalMark(rows, columns.cells, mapping, delimiter);
  /** Several diagnosis columns and no pointer column: each row's diagnoses are its line's. */
  const lineDiagnoses = (columns.cells.get('diagnoses')?.length ?? 0) > 1 && !columns.cells.has('diagnosis_pointers');

  interface Draft {
    row: number;
    id: string;
    date: string;
    fields: Partial<Record<CsvColumn, { value: string; row: number }>>;
    lines: ImportedLine[];
    /** lineDiagnoses: each line's diagnoses, with the row they came from. */
    lineDx: { codes: string[]; where: string }[];
  }
  const drafts = new Map<string, Draft>();
  const order: Draft[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = r + 1;
    const cellsOf = (c: CsvColumn): Cell[] =>
      (columns.cells.get(c) ?? []).map((col) => {
        const value = (rows[r][col.at] ?? '').trim();
        const where = `row ${row}, column ${col.name}`;
        if (value.length > IMPORT_BOUNDS.text) throw new ImportError(where, tooLong(IMPORT_BOUNDS.text));
        return { value, where };
      });
    const cell = (c: CsvColumn) => cellsOf(c).map((x) => x.value).filter(Boolean).join(' ');
    const at = (c: CsvColumn) => `row ${row}, column ${colName(c)}`;
    if (rows[r].every((v) => v.trim() === '')) continue;
    const id = cell('claim_id');
    if (!id) throw new ImportError(at('claim_id'), 'empty');
    const date = dateOf(cell('date_of_service'), at('date_of_service'));
    const key = `${id}\u0000${date}`;
    let draft = drafts.get(key);
    if (!draft) {
      draft = { row, id, date, fields: {}, lines: [], lineDx: [] };
      drafts.set(key, draft);
      order.push(draft);
    }
    for (const c of CLAIM_LEVEL_COLUMNS) {
      if (c === 'diagnoses' && lineDiagnoses) continue;
      const v = cell(c);
      if (!v) continue;
      const had = draft.fields[c];
      if (had && had.value !== v) throw new ImportError(at(c), `differs from row ${had.row} of the same claim`);
      if (!had) draft.fields[c] = { value: v, row };
    }
    draft.lines.push(lineOf(cellsOf, at, mark));
    if (lineDiagnoses) draft.lineDx.push({ codes: cellsOf('diagnoses').flatMap((x) => list(x.value)).map(icd10WithDot), where: at('diagnoses') });
  }

  // One claim per id and date; an id with several dates gets the date appended.
  const datesOf = new Map<string, number>();
  for (const d of order) datesOf.set(d.id, (datesOf.get(d.id) ?? 0) + 1);
  const claims = order.map((d) => claimOf(d, datesOf.get(d.id)! > 1));
  return { format: 'csv', claims, header: [], warnings: columns.warnings, skipped: [] };

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
      ...(f('total_timed_minutes') ? { total_timed_minutes: whole(f('total_timed_minutes')!, at('total_timed_minutes'), mark, minutesProblem) } : {}),
      ...(f('total_treatment_minutes') ? { total_treatment_minutes: whole(f('total_treatment_minutes')!, at('total_treatment_minutes'), mark, minutesProblem) } : {}),
    };
    let diagnoses = f('diagnoses') ? list(f('diagnoses')!).map(icd10WithDot) : [];
    if (lineDiagnoses) {
      // The claim's diagnoses are its lines', in order of first appearance; each line points to its own.
      diagnoses = [];
      d.lineDx.forEach(({ codes, where }, i) => {
        const pointers: number[] = [];
        for (const code of codes) {
          let p = diagnoses.indexOf(code) + 1;
          if (!p) {
            if (diagnoses.length === MAX_DIAGNOSES) throw new ImportError(where, `more than ${MAX_DIAGNOSES} diagnoses on one claim`);
            p = diagnoses.push(code);
          }
          if (!pointers.includes(p)) pointers.push(p);
        }
        if (pointers.length) d.lines[i] = { ...d.lines[i], diagnosis_pointers: pointers };
      });
    }
    if (diagnoses.length > MAX_DIAGNOSES) throw new ImportError(at('diagnoses'), `more than ${MAX_DIAGNOSES} diagnoses on one claim`);
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

/**
 * The decimal mark of the file's numbers: the mapping's; else what the cells show ("45,00"
 * or "45.00"; both is an error); else a point in a comma-delimited file (where a comma
 * cannot be an unquoted decimal mark); else unknown, and "1,234" is refused as ambiguous.
 */
function decimalMark(rows: string[][], cells: Map<CsvColumn, { at: number; name: string }[]>, mapping: CsvMapping, delimiter: string): DecimalMark | undefined {
  if (mapping.decimal) return mapping.decimal;
  const positions = NUMBER_COLUMNS.flatMap((c) => cells.get(c) ?? []);
  const first: Partial<Record<DecimalMark, string>> = {};
  for (let r = 1; r < rows.length; r++) {
    for (const p of positions) {
      const m = markShown(rows[r][p.at] ?? '');
      if (m && !first[m]) first[m] = `row ${r + 1}, column ${p.name}`;
    }
    if (first[','] && first['.']) {
      throw new ImportError(first['.'], `writes a decimal point (45.00) while ${first[',']} writes a decimal comma (45,00); set the mapping’s decimal: "," or decimal: "."`);
    }
  }
  return first[','] ? ',' : first['.'] ? '.' : delimiter === ',' ? '.' : undefined;
}

function lineOf(cellsOf: (c: CsvColumn) => Cell[], at: (c: CsvColumn) => string, mark: DecimalMark | undefined): ImportedLine {
  const cell = (c: CsvColumn) => cellsOf(c).map((x) => x.value).filter(Boolean).join(' ');
  const code = cell('code').toUpperCase();
  if (!code) throw new ImportError(at('code'), 'empty');
  const modifiers: string[] = [];
  for (const { value, where } of cellsOf('modifiers')) {
    for (const m of list(value).map((x) => x.toUpperCase())) {
      if (!/^[A-Z0-9]{2}$/.test(m)) throw new ImportError(where, 'a modifier is two letters or digits');
      if (modifiers.length === 4) throw new ImportError(where, 'more than 4 modifiers');
      modifiers.push(m);
    }
  }
  const units = whole(cell('units'), at('units'), mark, unitsProblem);
  const minutes = cell('minutes') ? whole(cell('minutes'), at('minutes'), mark, minutesProblem) : undefined;
  const assistant = cell('assistant_minutes') ? whole(cell('assistant_minutes'), at('assistant_minutes'), mark, minutesProblem) : undefined;
  let charge: number | undefined;
  if (cell('charge')) charge = amount(cell('charge'), at('charge'), mark);
  const pointers = cellsOf('diagnosis_pointers').flatMap(({ value, where }) =>
    list(value).map((p) => {
      // CMS-1500 letters A–L, or numbers from 1.
      if (/^[A-La-l]$/.test(p)) return p.toUpperCase().charCodeAt(0) - 64;
      if (!/^\d+$/.test(p) || Number(p) < 1 || Number(p) > IMPORT_BOUNDS.pointer) throw new ImportError(where, `pointers are numbers from 1 to ${IMPORT_BOUNDS.pointer} (or letters A–L)`);
      return Number(p);
    }),
  );
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

const AMBIGUOUS = 'reads two ways ("1,234" may be 1234 or 1.234): set the mapping’s decimal: "," or decimal: "."';

function amount(text: string, where: string, mark: DecimalMark | undefined): number {
  const n = readNumber(text, mark);
  if ('problem' in n) throw new ImportError(where, n.problem === 'ambiguous' ? AMBIGUOUS : `not an amount in dollars${mark === ',' ? ' (this file writes decimal commas: 1.234,50)' : ''}`);
  const bad = chargeProblem(n.value);
  if (bad) throw new ImportError(where, bad);
  return Math.round(n.value * 100) / 100 === n.value ? n.value : failCents(where);
}

function failCents(where: string): never {
  throw new ImportError(where, 'an amount with more than two decimals');
}

/** A whole number within its range (`check`: ../bounds.ts). */
function whole(text: string, where: string, mark: DecimalMark | undefined, check: (n: number) => string | undefined): number {
  const n = readNumber(text, mark);
  if ('problem' in n && n.problem === 'ambiguous') throw new ImportError(where, AMBIGUOUS);
  if ('problem' in n || !Number.isInteger(n.value)) throw new ImportError(where, 'not a whole number');
  const bad = check(n.value);
  if (bad) throw new ImportError(where, bad);
  return n.value;
}

/** ISO YYYY-MM-DD, US M/D/YYYY as EHR exports write it, or D.M.YYYY as a European-locale spreadsheet does. */
function dateOf(text: string, where: string): string {
  if (!text) throw new ImportError(where, 'empty');
  let iso = text;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) iso = `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  const eu = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (eu) iso = `${eu[3]}-${eu[2].padStart(2, '0')}-${eu[1].padStart(2, '0')}`;
  if (!isRealDate(iso)) throw new ImportError(where, 'not a date (YYYY-MM-DD, MM/DD/YYYY or DD.MM.YYYY)');
  return iso;
}
