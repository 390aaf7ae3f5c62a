/**
 * claimlint's curation columns. The built-in pack is imported (`npm run data:builtin`)
 * from source tables checked in under data/source, written in CMS's own layouts with a
 * few columns added on the right, each headed "claimlint …":
 *
 * - "claimlint Source", "claimlint Confidence" (C, S, D or U): where the row's values came
 *   from and how sure they are (they reach hovers and docs/sources.md);
 * - "claimlint From", "claimlint To": the row's first and last date of service, for the
 *   tables whose CMS file has one period for all rows (MUE, PPRRVU);
 * - "claimlint Note", "claimlint Indicator Confidence" (NCCI): a note for hovers, and how
 *   sure the modifier indicator is when less sure than the pair;
 * - "claimlint CF Source", "claimlint CF Confidence" (PPRRVU): the citation of the
 *   conversion factor, one value for the whole file like CONV FACTOR.
 *
 * They are read only when the import is curated (ImportOptions.curated); an import of
 * CMS's files ignores such columns.
 */
import { cell, type ColumnSpec, type FoundHeader } from './header';
import { ImportError, type Row } from './rows';
import { requireDate } from './values';

export type CuratedKey = 'cFrom' | 'cTo' | 'cSource' | 'cConf' | 'cNote' | 'cIndConf' | 'cCfSource' | 'cCfConf';

const spec = (key: CuratedKey, label: string): ColumnSpec<CuratedKey> => ({
  key,
  label,
  match: new RegExp(`^${label.toUpperCase()}$`),
  optional: true,
});

export const CURATED_SPECS: readonly ColumnSpec<CuratedKey>[] = [
  spec('cFrom', 'claimlint From'),
  spec('cTo', 'claimlint To'),
  spec('cSource', 'claimlint Source'),
  spec('cConf', 'claimlint Confidence'),
  spec('cNote', 'claimlint Note'),
  spec('cIndConf', 'claimlint Indicator Confidence'),
  spec('cCfSource', 'claimlint CF Source'),
  spec('cCfConf', 'claimlint CF Confidence'),
];

type Confidence = 'C' | 'S' | 'D' | 'U';

function confidence(file: string, row: Row, text: string, what: string, required: boolean): Confidence | undefined {
  if (text === '' && !required) return undefined;
  if (!/^[CSDU]$/.test(text)) throw new ImportError(file, row.n, `expected C, S, D or U in ${what}`);
  return text as Confidence;
}

/** A curated row's source and confidence (both required). */
export function curatedSource(file: string, row: Row, h: FoundHeader<string>): { source: string; confidence: Confidence } {
  const source = cell(row, h, 'cSource');
  if (source === '') throw new ImportError(file, row.n, 'expected a citation in claimlint Source (every curated row names its source)');
  return { source, confidence: confidence(file, row, cell(row, h, 'cConf'), 'claimlint Confidence', true)! };
}

/** A curated row's dates: "claimlint From" required, "claimlint To" optional (open-ended). */
export function curatedDates(file: string, row: Row, h: FoundHeader<string>): { from: string; to?: string } {
  const from = requireDate(file, row.n, cell(row, h, 'cFrom'), 'claimlint From');
  const toText = cell(row, h, 'cTo');
  if (toText === '') return { from };
  const to = requireDate(file, row.n, toText, 'claimlint To');
  if (to < from) throw new ImportError(file, row.n, 'expected claimlint To on or after claimlint From');
  return { from, to };
}

/** NCCI extras: the note and the indicator's own confidence. */
export function curatedNcci(file: string, row: Row, h: FoundHeader<string>): { note?: string; indicatorConfidence?: Confidence } {
  const out: { note?: string; indicatorConfidence?: Confidence } = {};
  const ind = confidence(file, row, cell(row, h, 'cIndConf'), 'claimlint Indicator Confidence', false);
  if (ind) out.indicatorConfidence = ind;
  const note = cell(row, h, 'cNote');
  if (note) out.note = note;
  return out;
}

/** The conversion factor's citation (PPRRVU), or undefined when the row leaves it blank. */
export function curatedCf(file: string, row: Row, h: FoundHeader<string>): { source: string; confidence: Confidence } | undefined {
  const source = cell(row, h, 'cCfSource');
  if (source === '') return undefined;
  return { source, confidence: confidence(file, row, cell(row, h, 'cCfConf'), 'claimlint CF Confidence', true)! };
}
