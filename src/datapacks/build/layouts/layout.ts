/** What every CMS file layout provides to the importer. */
import type { TableName, TableRows } from '../../../core/packs';
import type { FoundHeader } from '../header';
import type { Row } from '../rows';

/** A layout's own kind: the pack tables, plus the locality file that only enriches GPCIs. */
export type LayoutKind = TableName | 'locality';

export interface ParsedRows<R> {
  rows: R[];
  /** Data rows read (before the therapy filter). */
  read: number;
  /** Anything else the file states once, e.g. PPRRVU's conversion factor. */
  extra?: { conversionFactor?: number; cfSource?: { source: string; confidence: 'C' | 'S' | 'D' | 'U' } };
}

export interface Layout<K extends LayoutKind, R = K extends TableName ? TableRows[K] : LocalityRow> {
  kind: K;
  /** "an NCCI PTP practitioner edits file": for "does not look like …". */
  what: string;
  /** File names CMS gives this kind of file. */
  fileName: RegExp;
  /** Release and first effective date read from CMS's file name, when it tells. */
  period(name: string): { release: string; from: string; qp?: boolean } | undefined;
  /** How long one release is in force: until the quarter's or the year's end. */
  periodLength: 'quarter' | 'year';
  /** Finds the header (throws when absent): used to recognise a file by its content. */
  header(file: string, rows: Row[]): FoundHeader<string>;
  /**
   * Data rows; `keep` is the therapy filter on codes. `curated`: the file is one of
   * claimlint's own source tables, whose "claimlint …" columns are read (./curated.ts).
   */
  parse(file: string, rows: Row[], keep: (code: string) => boolean, curated?: boolean): ParsedRows<R>;
}

export interface LocalityRow {
  mac: string;
  locality: string;
  counties: string;
}
