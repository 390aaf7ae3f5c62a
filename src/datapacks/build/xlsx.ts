/**
 * The first worksheet of an .xlsx workbook as rows of strings. An .xlsx file is a zip of
 * XML parts: fflate unzips it and saxes streams the XML, so a sheet of hundreds of
 * thousands of rows (an NCCI practitioner file) is read without building a DOM of it.
 * Only what a CMS table needs is read: shared strings, inline strings and plain values;
 * styles and formulas are ignored (a formula cell's cached value is used).
 */
import { SaxesParser } from 'saxes';
import { ImportError, type Row } from './rows';
import { unzipBounded, UnzipBudget } from './unzip';

/** The dimensions of a sheet claimlint reads (docs/limits.md); CMS's tables use a few dozen columns. */
export const XLSX_LIMITS = { columns: 256, columnName: 'IV', rows: 2_000_000, cells: 40_000_000 } as const;

function xml(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Column letters of a cell reference ("AB12" → 27, 0-based). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function sax(name: string, part: string, text: string, handlers: {
  open?: (tag: string, attrs: Record<string, string>) => void;
  close?: (tag: string) => void;
  text?: (t: string) => void;
}): void {
  const p = new SaxesParser();
  p.on('error', () => {
    // saxes's message can quote the text (a tag's name); say only where.
    throw new ImportError(name, undefined, `not a readable .xlsx workbook (${part}: not well-formed XML at line ${p.line}, column ${p.column})`);
  });
  if (handlers.open) p.on('opentag', (t) => handlers.open!(t.name, t.attributes as Record<string, string>));
  if (handlers.close) p.on('closetag', (t) => handlers.close!(t.name));
  if (handlers.text) p.on('text', handlers.text);
  p.write(text).close();
}

/**
 * A spreadsheet string with its `_xHHHH_` escapes decoded (ECMA-376 ST_Xstring: how a
 * workbook stores a character XML cannot hold, such as the 0x1A end-of-file mark CMS's
 * PPRRVU workbook keeps in its last row, `_x001A_`); `_x005F_` escapes a literal underscore.
 */
export function unescapeXstring(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

function sharedStrings(name: string, text: string | undefined): string[] {
  if (text === undefined) return [];
  const out: string[] = [];
  let cur: string | undefined;
  let inT = false;
  let inPhonetic = false;
  sax(name, 'sharedStrings.xml', text, {
    open: (tag) => {
      if (tag === 'si') cur = '';
      else if (tag === 'rPh') inPhonetic = true;
      else if (tag === 't' && !inPhonetic) inT = true;
    },
    close: (tag) => {
      if (tag === 'si') {
        out.push(unescapeXstring(cur ?? ''));
        cur = undefined;
      } else if (tag === 'rPh') inPhonetic = false;
      else if (tag === 't') inT = false;
    },
    text: (t) => {
      if (inT && cur !== undefined) cur += t;
    },
  });
  return out;
}

/** Path of the first sheet in workbook order (via the workbook's relationships). */
function firstSheetPath(name: string, files: Record<string, Uint8Array>): string {
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (wb && rels) {
    let rid: string | undefined;
    sax(name, 'workbook.xml', xml(wb), {
      open: (tag, a) => {
        if (tag === 'sheet' && rid === undefined) rid = a['r:id'];
      },
    });
    let target: string | undefined;
    sax(name, 'workbook.xml.rels', xml(rels), {
      open: (tag, a) => {
        if (tag === 'Relationship' && a.Id === rid) target = a.Target;
      },
    });
    if (target) {
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (files[path]) return path;
    }
  }
  const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).sort();
  if (!sheets.length) throw new ImportError(name, undefined, 'a zip file that is not an .xlsx workbook (no worksheet inside); give the table file itself, or the CMS zip to `claimlint data import`');
  return sheets[0];
}

export function readXlsxRows(name: string, bytes: Uint8Array, budget = new UnzipBudget()): Row[] {
  const files = unzipBounded(name, bytes, budget, (message) => new ImportError(name, undefined, `not a readable .xlsx workbook (${message})`), (member) => member.startsWith('xl/'));
  const strings = sharedStrings(name, files['xl/sharedStrings.xml'] ? xml(files['xl/sharedStrings.xml']) : undefined);
  const sheet = firstSheetPath(name, files);

  const rows: Row[] = [];
  let cells = 0;
  let row: Row | undefined;
  let col = 0;
  let type = '';
  let value = '';
  let inValue = false;
  sax(name, sheet, xml(files[sheet]), {
    open: (tag, a) => {
      if (tag === 'row') {
        row = { n: a.r ? Number(a.r) : rows.length + 1, cells: [] };
      } else if (tag === 'c' && row) {
        col = a.r ? columnIndex(a.r) : row.cells.length;
        type = a.t ?? 'n';
        value = '';
      } else if (tag === 'v' || (tag === 't' && type === 'inlineStr')) {
        inValue = true;
      }
    },
    close: (tag) => {
      if (tag === 'v' || tag === 't') inValue = false;
      else if (tag === 'c' && row) {
        let cell = value;
        if (type === 's') cell = strings[Number(value)] ?? '';
        else if (type === 'inlineStr' || type === 'str') cell = unescapeXstring(value);
        else if (type === 'b') cell = value === '1' ? 'TRUE' : 'FALSE';
        if (col >= XLSX_LIMITS.columns) throw new ImportError(name, row.n, `a cell past column ${XLSX_LIMITS.columnName} (${XLSX_LIMITS.columns} columns), claimlint's limit for a CMS table sheet`);
        if (col >= 0) {
          cells += col + 1 - row.cells.length;
          while (row.cells.length < col) row.cells.push('');
          row.cells[col] = cell.trim();
        }
      } else if (tag === 'row' && row) {
        if (rows.length >= XLSX_LIMITS.rows) throw new ImportError(name, row.n, `more than ${XLSX_LIMITS.rows.toLocaleString('en-US')} rows, claimlint's limit for a CMS table sheet`);
        if (cells > XLSX_LIMITS.cells) throw new ImportError(name, row.n, `more than ${XLSX_LIMITS.cells.toLocaleString('en-US')} cells, claimlint's limit for a CMS table sheet`);
        rows.push(row);
        row = undefined;
      }
    },
    text: (t) => {
      if (inValue) value += t;
    },
  });
  return rows;
}
