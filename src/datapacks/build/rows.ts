/**
 * A file's cells as rows of strings, whatever form CMS ships it in: comma-separated text,
 * tab-separated text, or an .xlsx workbook (first sheet). Every row keeps the number a
 * person sees in a text editor or a spreadsheet, so errors can name it.
 *
 * Comma-separated text is parsed with csv-parse (quoted cells may span lines, as the MUE
 * file's notice does); tab-delimited text, which CMS never quotes, is split by line and tab;
 * a workbook is unzipped with fflate and its XML streamed with saxes (./xlsx.ts).
 */
import { parse } from 'csv-parse/sync';
import { readXlsxRows } from './xlsx';

export interface Row {
  /** 1-based line (text) or row number (spreadsheet) where the row starts. */
  n: number;
  cells: string[];
}

export class ImportError extends Error {
  constructor(
    readonly file: string,
    /** Row number, or undefined when the problem is the whole file. */
    readonly row: number | undefined,
    readonly expected: string,
  ) {
    super(`${file}${row !== undefined ? `: row ${row}` : ''}: ${expected}`);
    this.name = 'ImportError';
  }
}

/** Zip local-file signature "PK\x03\x04": an .xlsx workbook (or a zip given as a table). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Old binary .xls (OLE compound file): CMS's older spreadsheets. */
function isOle(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

/**
 * Decodes text: UTF-8 when it is valid UTF-8, else Windows-1252 (CMS's older text files
 * are Latin-1/1252; codes and numbers are ASCII either way).
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The rows of a file given as bytes. `name` is only used in error messages. */
export function readRows(name: string, bytes: Uint8Array): Row[] {
  if (isZip(bytes)) return untilEndOfFile(readXlsxRows(name, bytes));
  if (isOle(bytes)) {
    throw new ImportError(name, undefined, 'this is an old binary Excel (.xls) file; open it and save it as .xlsx or as tab-delimited text, then import that');
  }
  return untilEndOfFile(readTextRows(name, decodeText(bytes)));
}

/** The DOS end-of-file character CMS's PPRRVU files (through 2024) end with, on a row of their own. */
const DOS_EOF = '\x1a';

/**
 * The rows before a DOS end-of-file mark: a row whose first cell starts with 0x1A (CMS's
 * PPRRVU CSV ends with "\x1A,,,,…"; its XLSX keeps the character in a cell) ends the file,
 * as it did for the DOS programs the layout was made for. Rows after it are not data.
 */
export function untilEndOfFile(rows: Row[]): Row[] {
  const end = rows.findIndex((r) => (r.cells[0] ?? '').startsWith(DOS_EOF) && r.cells.slice(1).every((c) => c === '' || c === DOS_EOF));
  return end < 0 ? rows : rows.slice(0, end);
}

/** Rows of comma- or tab-separated text; the delimiter is the one the first lines use most. */
export function readTextRows(name: string, text: string): Row[] {
  const delimiter = guessDelimiter(text);
  // CMS's tab-delimited files are not quoted: a line is a row and a tab a cell boundary, which
  // is all csv-parse would do with quote: false, at a quarter of the time on a 675,000-row file.
  if (delimiter === '\t') {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const lines = body.split(/\r?\n/);
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.map((line, i) => ({ n: i + 1, cells: line.split('\t').map((c) => c.trim()) }));
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    // csv-parse's message quotes the text; its code names the problem without it.
    const { lines: line, code } = err as { lines?: number; code?: string };
    throw new ImportError(name, line, `not readable as comma-separated text${code ? ` (${code})` : ''}`);
  }
  const rows: Row[] = [];
  let prevEnd = 0;
  for (const { record, info } of records) {
    // info.lines is the line the record ends on; it starts on the line after the previous one.
    rows.push({ n: prevEnd + 1, cells: record.map((c) => c.trim()) });
    prevEnd = info.lines;
  }
  return rows;
}

function guessDelimiter(text: string): ',' | '\t' {
  const head = text.slice(0, 20000);
  const tabs = head.split('\t').length;
  const commas = head.split(',').length;
  return tabs > commas ? '\t' : ',';
}
