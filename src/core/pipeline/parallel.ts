/**
 * The pipeline cut for an audit done elsewhere (the CLI's worker threads): the units a
 * text is cut into, exactly as analyze() cuts it; each unit audited on its own into a
 * plain, cloneable summary; and the summaries placed back into one file's findings by the
 * same code the analysis uses (locateFindings), so the result is identical to audit().
 */
import type { ResolvedConfig } from '../config/schema';
import { BUILTIN_DATA, type ReferenceData } from '../data/reference';
import { guardText } from '../parse/guard';
import { LineIndex } from '../parse/lines';
import { documentLayout, splitDocuments } from '../parse/split';
import type { LocatedFinding } from '../types';
import { analysisKey } from './analyze';
import { cachedUnit, type AuditCache } from './cache';
import { locateFindings } from './place';
import { unitResult, type UnitResult } from './auditUnit';
import { parseItemUnit, parseWholeUnit, type ParsedClaim } from './unit';

/** One unit of a file: a claims-list item, or a whole YAML document. Offsets in the file. */
export interface UnitCut {
  kind: 'item' | 'whole';
  start: number;
  end: number;
  document: number;
  /** claims[k] for an item, '' for a whole document. */
  prefix: string;
}

/** A YAML document of the file and its units. */
export interface DocumentCut {
  start: number;
  end: number;
  units: UnitCut[];
}

/**
 * The units of a text by YAML document, in order; undefined when the text is refused by
 * the limits or only the full parser can find its documents (audit it in one piece then).
 * A document whose item turns out not to be one list item (UnitSummary.unusable) is
 * audited whole instead, as the pipeline does.
 */
export function cutUnits(text: string): DocumentCut[] | undefined {
  if (guardText(text)) return undefined;
  const docs = splitDocuments(text);
  if (!docs) return undefined;
  return docs.map((slice, document) => {
    const layout = documentLayout(text, slice);
    const whole: UnitCut[] = [{ kind: 'whole', start: slice.start, end: slice.end, document, prefix: '' }];
    const units: UnitCut[] = layout.kind !== 'claims' ? whole : layout.items.map((item, k) => ({ kind: 'item', start: item.start, end: item.end, document, prefix: `claims[${k}]` }));
    return { start: slice.start, end: slice.end, units };
  });
}

/** A unit's audit as plain data (structured-clone safe). */
export interface UnitSummary {
  /** An item that is not one list item: its document must be audited whole. */
  unusable: boolean;
  claims: Pick<ParsedClaim, 'prefix' | 'sound' | 'id'>[];
  result: UnitResult;
}

// A worker audits a batch of units under one config object: its key is made once, not per unit.
const keys = new WeakMap<ResolvedConfig, { data: ReferenceData; key: string }>();
function keyFor(config: ResolvedConfig, data: ReferenceData): string {
  const known = keys.get(config);
  if (known?.data === data) return known.key;
  const key = analysisKey(config, data);
  keys.set(config, { data, key });
  return key;
}

/**
 * Parse and audit one unit's text (relative spans, as in the pipeline). With `cache`, the
 * unit is parsed through it as analyze() parses it, so an analysis of the same text later
 * finds the unit parsed and audited.
 */
export function auditUnitText(kind: UnitCut['kind'], text: string, config: ResolvedConfig, data: ReferenceData = BUILTIN_DATA, cache?: AuditCache): UnitSummary {
  const parse = kind === 'item' ? parseItemUnit : parseWholeUnit;
  const unit = cache ? cachedUnit(cache, kind === 'item' ? 'c' : 'd', text, parse) : parse(text);
  if (unit.unusable) return { unusable: true, claims: [], result: { findings: [], owners: [] } };
  return {
    unusable: false,
    claims: unit.claims.map((c) => ({ prefix: c.prefix, sound: c.sound, id: c.id })),
    result: unitResult(unit, config, keyFor(config, data), cache ? (n) => cache.grew(n) : undefined, data),
  };
}

/**
 * The file's findings from its units' summaries, in the units' order (what audit() returns).
 * Given only the first units of a file, the findings of those units that the whole file's
 * audit also has: duplicate ids are reported on the later claim and the directives are read
 * from the whole text, so a prefix can neither gain nor lose a finding (`lines`: the whole
 * text's line index, when the caller has one).
 */
export function findingsOfUnits(
  text: string,
  config: ResolvedConfig,
  units: readonly (UnitSummary & Pick<UnitCut, 'start' | 'prefix' | 'document'>)[],
  lines: LineIndex = new LineIndex(text),
): LocatedFinding[] {
  const placed = units.map((u) => ({ claims: u.claims, result: u.result, base: u.start, prefix: u.prefix, document: u.document }));
  return locateFindings(text, lines, config, placed).map(({ f }) => f);
}
