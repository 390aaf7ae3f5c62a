/**
 * The pipeline cut for an audit done elsewhere (the CLI's worker threads): the units a
 * text is cut into, exactly as analyze() cuts it; each unit audited on its own into a
 * plain, cloneable summary; and the summaries placed back into one file's findings by the
 * same code the analysis uses (placeUnit, assembleFileFindings), so the result is identical to audit().
 */
import type { ResolvedConfig } from '../config/schema';
import { BUILTIN_DATA, type ReferenceData } from '../data/reference';
import { guardText } from '../parse/guard';
import { LineIndex } from '../parse/lines';
import { documentLayout, splitDocuments } from '../parse/split';
import type { LocatedFinding } from '../types';
import { analysisKey } from './analyze';
import { cachedUnit, type AuditCache } from './cache';
import { assembleFileFindings, placeUnit, type Placement } from './place';
import { unitResult, type UnitResult } from './auditUnit';
import { parseItemUnit, parseWholeUnit, type ParsedClaim } from './unit';
import { fileClaimsOfUnits, placeFacts, unitFacts, type FactPlaces } from '../patients/facts';
import type { FilePatientClaims, PatientClaim } from '../patients/types';

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
  /** With `facts` asked: the unit's claims as the patient index reads them (patients/facts.ts unitFacts). */
  facts?: PatientClaim[];
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
export function auditUnitText(kind: UnitCut['kind'], text: string, config: ResolvedConfig, data: ReferenceData = BUILTIN_DATA, cache?: AuditCache, facts = false): UnitSummary {
  const parse = kind === 'item' ? parseItemUnit : parseWholeUnit;
  const unit = cache ? cachedUnit(cache, kind === 'item' ? 'c' : 'd', text, parse) : parse(text);
  if (unit.unusable) return { unusable: true, claims: [], result: { findings: [], owners: [] } };
  const summary: UnitSummary = {
    unusable: false,
    claims: unit.claims.map((c) => ({ prefix: c.prefix, sound: c.sound, id: c.id })),
    result: unitResult(unit, config, keyFor(config, data), cache ? (n) => cache.grew(n) : undefined, data),
  };
  if (facts) summary.facts = unitFacts(unit, config, data);
  return summary;
}

/**
 * Give the cache a unit audited elsewhere (a worker): the unit parsed here (the cache's
 * parse, as analyze() does) with the worker's result for this config, so an analysis of the
 * same text finds it parsed and audited instead of auditing it again. The result is the one
 * auditUnitText gives (the same code on the same text and config).
 */
export function seedUnitResult(cache: AuditCache, kind: UnitCut['kind'], text: string, config: ResolvedConfig, data: ReferenceData, result: UnitResult): void {
  const unit = cachedUnit(cache, kind === 'item' ? 'c' : 'd', text, kind === 'item' ? parseItemUnit : parseWholeUnit);
  const key = keyFor(config, data);
  if (unit.unusable || unit.results.has(key)) return;
  // The same bookkeeping as unitResult: at most a few configs per unit, and the bytes counted.
  unitResult(unit, config, key, (n) => cache.grew(n), data, result);
}

/**
 * A file's result from every unit's summary (in cut order): its findings, identical to
 * audit()'s, and with `claims` its claims for the patient index, identical to fileClaims of
 * its analysis (the summaries must then carry facts). A document holding an item that is not
 * one list item is audited whole here, as the pipeline does.
 */
export function resultOfUnits(
  text: string,
  docs: readonly DocumentCut[],
  summaries: readonly UnitSummary[],
  options: {
    config: ResolvedConfig;
    data?: ReferenceData;
    cache?: AuditCache;
    lines?: LineIndex;
    claims?: { file: string; label?: string };
    /** Units placed while the others were audited (see EarlyPlacements). */
    early?: EarlyPlacements;
  },
): { findings: LocatedFinding[]; claims?: FilePatientClaims } {
  const { config, claims } = options;
  const lines = options.lines ?? new LineIndex(text);
  const placed: (UnitSummary & Pick<UnitCut, 'start' | 'prefix' | 'document'>)[] = [];
  let k = 0;
  docs.forEach((doc, document) => {
    const own = doc.units.map((_, i) => k + i);
    k += doc.units.length;
    if (own.some((i) => summaries[i].unusable)) {
      placed.push({ ...auditUnitText('whole', text.slice(doc.start, doc.end), config, options.data, options.cache, !!claims), start: doc.start, prefix: '', document });
    } else for (const i of own) placed.push({ ...summaries[i], start: doc.units[i - own[0]].start, prefix: doc.units[i - own[0]].prefix, document });
  });
  const findings = findingsOfUnits(text, config, placed, lines, options.early);
  if (!claims) return { findings };
  let firstIndex = 0;
  const at = placed.map((u) => {
    const unit = { facts: u.facts ?? [], base: u.start, prefix: u.prefix, document: u.document, firstIndex };
    firstIndex += u.claims.length;
    return unit;
  });
  const early = options.early;
  return { findings, claims: fileClaimsOfUnits(at, firstIndex, lines, claims.file, claims.label, early && ((f, base) => early.factPlaces(f, base))) };
}

/**
 * A big file audited unit by unit on this thread: each unit parsed, audited and its claims'
 * facts read, then its parsed nodes let go — the result of analyze() (findings and
 * fileClaims) without the whole file's nodes alive at once. Undefined when the text cannot
 * be cut (analyze it whole).
 */
export function auditInUnits(text: string, options: { config: ResolvedConfig; data?: ReferenceData; claims: { file: string; label?: string } }): { findings: LocatedFinding[]; claims: FilePatientClaims } | undefined {
  const docs = cutUnits(text);
  if (!docs) return undefined;
  const summaries: UnitSummary[] = [];
  for (const doc of docs) for (const u of doc.units) summaries.push(auditUnitText(u.kind, text.slice(u.start, u.end), options.config, options.data, undefined, true));
  const r = resultOfUnits(text, docs, summaries, options);
  return { findings: r.findings, claims: r.claims! };
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
  early?: EarlyPlacements,
): LocatedFinding[] {
  const placed = units.map((u) => ({ claims: u.claims, result: u.result, base: u.start, prefix: u.prefix, document: u.document }));
  // As the analysis assembles its findings (Analysis in ./analysis.ts).
  return assembleFileFindings(lines, config, placed, placed.map((u) => placeUnit(text, lines, u, early?.get(u.result)))).findings;
}

/**
 * Units' findings placed as their summaries come in (a thread that waits for the workers
 * places them meanwhile), by their result: the file's assembly then reuses each placement
 * (placeUnit keeps an earlier placement of the same result at the same place) instead of
 * placing every finding after the last batch.
 */
export class EarlyPlacements {
  private readonly placed = new Map<UnitResult, Placement>();
  /** The lines of each claim's facts (placedSpans), by the facts and the unit's offset they were placed at. */
  private readonly factLines = new Map<PatientClaim, { base: number; places: FactPlaces }>();

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  place(summary: UnitSummary, unit: UnitCut): void {
    if (summary.unusable) return;
    const { result } = summary;
    this.placed.set(result, placeUnit(this.text, this.lines, { claims: summary.claims, result, base: unit.start, prefix: unit.prefix, document: unit.document }));
    for (const f of summary.facts ?? []) this.factLines.set(f, { base: unit.start, places: placeFacts(f, unit.start, this.lines) });
  }

  get(result: UnitResult): Placement | undefined {
    return this.placed.get(result);
  }

  /** The facts' places in the file when they were placed at this offset (fileClaimsOfUnits reuses them). */
  factPlaces(facts: PatientClaim, base: number): FactPlaces | undefined {
    const hit = this.factLines.get(facts);
    return hit?.base === base ? hit.places : undefined;
  }
}
