/**
 * The one claim pipeline's entry: text → units (cut by a line scan, parsed and cached by
 * their text) → claims → an Analysis (analysis.ts), whose findings are computed on first
 * use. After an edit, the analysis before it and the edit's place let incremental.ts parse
 * only the claims the edit touches.
 */
import { parseAllDocuments } from 'yaml';
import { cachedUnit, type AuditCache } from './cache';
import { configKey as keyOf, resolveConfig, type ResolvedConfig } from '../config/schema';
import { guardText } from '../parse/guard';
import { documentLayout, splitDocuments, type DocumentSlice } from '../parse/split';
import { BUILTIN_DATA, type ReferenceData } from '../data/reference';
import { parseItemUnit, parseWholeUnit, PARSE_OPTIONS, yamlItemUnit, yamlWholeUnit, type ParsedUnit } from './unit';
import { withoutStackTraces } from '../parse/quietParse';
import { Analysis, type ClaimList, type PlacedUnit, type TextChange } from './analysis';
import { reanalyze } from './incremental';

export interface AnalyzeOptions {
  config?: ResolvedConfig;
  /** Keep one per editor session or CLI run: unchanged claims are not parsed again. */
  cache?: AuditCache;
  /** Force the whole-document path (tests compare both paths). */
  noSplit?: boolean;
  /** Parse every unit with the `yaml` package, never the quick scanner (tests compare both readers). */
  yamlOnly?: boolean;
  /** Reference data: the built-in tables overlaid by data packs; the built-in data when absent. */
  data?: ReferenceData;
  /**
   * The analysis of the text before an edit, and where the edit is: the new text equals
   * the old outside [start, end) (new offsets) and is `delta` characters longer. Only the
   * claims the edit touches are found again; anything unusual falls back to a full scan.
   */
  previous?: Analysis;
  change?: TextChange;
}

/** The key results are kept under: the config, and the set of packs (packs change findings). */
export function analysisKey(config: ResolvedConfig, data: ReferenceData): string {
  return data.key ? `${keyOf(config)}\u0000${data.key}` : keyOf(config);
}

/** Run the pipeline over a text. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? resolveConfig();
  const data = options.data ?? BUILTIN_DATA;
  const ckey = analysisKey(config, data);
  // After an edit: the guard reads the changed lines only (see reanalyze).
  const { previous, change } = options;
  if (previous && change && !options.noSplit) {
    const again = reanalyze(text, previous, change, ckey, options.cache);
    if (again) return again;
  }
  // Before the parser or any recursion sees the text: the limits of docs/limits.md.
  const refused = guardText(text);
  if (refused) {
    const unit: ParsedUnit = { kind: 'whole', text: '', claims: [], steps: [{ issue: { ...refused, path: '' } }], bytes: 0, results: new Map() };
    return new Analysis(text, config, ckey, [{ unit, base: 0, prefix: '', document: 0 }], options.cache, data);
  }
  const docs = splitDocuments(text) ?? documentsByParser(text);
  const units: PlacedUnit[] = [];
  docs.forEach((slice, d) => {
    for (const u of placeDocument(text, slice, d, options.cache, options.noSplit, options.yamlOnly ? YAML_ONLY : READERS)) units.push(u);
  });
  let list: ClaimList | undefined;
  if (docs.length === 1 && units.length > 0 && units.every((u) => u.unit.kind === 'item')) {
    const firstLine = text.slice(units[0].base, text.indexOf('\n', units[0].base) >>> 0);
    list = { seqIndent: firstLine.length - firstLine.trimStart().length, toEnd: docs[0].end === text.length };
  }
  return new Analysis(text, config, ckey, units, options.cache, data, undefined, list);
}

/** How units are read, and the cache keys they are kept under. */
interface Readers {
  item: (text: string) => ParsedUnit;
  whole: (text: string) => ParsedUnit;
  itemKey: string;
  wholeKey: string;
}
const READERS: Readers = { item: parseItemUnit, whole: parseWholeUnit, itemKey: 'c', wholeKey: 'd' };
const YAML_ONLY: Readers = { item: yamlItemUnit, whole: yamlWholeUnit, itemKey: 'yc', wholeKey: 'yd' };

function placeDocument(text: string, slice: DocumentSlice, document: number, cache: AuditCache | undefined, forceWhole: boolean | undefined, readers: Readers): PlacedUnit[] {
  const layout = forceWhole ? { kind: 'whole' as const } : documentLayout(text, slice);
  if (layout.kind === 'claims') {
    const out: PlacedUnit[] = [];
    for (let k = 0; k < layout.items.length; k++) {
      const item = layout.items[k];
      const unit = cachedUnit(cache, readers.itemKey, text.slice(item.start, item.end), readers.item);
      if (unit.unusable) return placeDocument(text, slice, document, cache, true, readers);
      out.push({ unit, base: item.start, prefix: `claims[${k}]`, document });
    }
    return out;
  }
  const unit = cachedUnit(cache, readers.wholeKey, text.slice(slice.start, slice.end), readers.whole);
  return [{ unit, base: slice.start, prefix: '', document }];
}

/** Document boundaries from the real parser, for streams the scan will not cut. */
function documentsByParser(text: string): DocumentSlice[] {
  return withoutStackTraces(() => parseAllDocuments(text, PARSE_OPTIONS as object)).flatMap((doc) => {
    const r = (doc as { range?: [number, number, number] }).range;
    return r ? [{ start: r[0], end: r[2] }] : [];
  });
}
