/**
 * The one claim pipeline: text → units (cut by a line scan, parsed and cached by their
 * text) → claims (node, source map, data) → findings. Everything that looks at a claim
 * file — the audit, the CLI, and the editor's diagnostics, hover, code lens, completion
 * and code actions — reads one Analysis of its text. Findings are computed on first use,
 * so a hover after an edit parses only the changed claim and audits nothing.
 */
import { parseAllDocuments } from 'yaml';
import type { AuditCache } from './cache';
import { severityFor } from './auditClaim';
import { configKey as keyOf, resolveConfig, type ResolvedConfig } from '../config/schema';
import { parseDirectives } from '../directives';
import { depthStates, guardEdited, guardText, type DepthState } from '../parse/guard';
import { LineIndex } from '../parse/lines';
import { prefixPath, type SourceEntry } from '../parse/sourceMap';
import { documentLayout, rescanItems, splitDocuments, type DocumentSlice } from '../parse/split';
import type { Fix, LocatedFinding, Span } from '../types';
import { unitResult, type UnitResult } from './auditUnit';
import { BUILTIN_DATA, type ReferenceData } from '../data/reference';
import { flatCopy, parseItemUnit, parseWholeUnit, PARSE_OPTIONS, type ParsedClaim, type ParsedUnit } from './unit';
import { lastAtOrBefore } from '../search';
import { capSyntaxErrors } from './syntaxCap';
import { withoutStackTraces } from '../parse/quietParse';

export interface AnalyzeOptions {
  config?: ResolvedConfig;
  /** Keep one per editor session or CLI run: unchanged claims are not parsed again. */
  cache?: AuditCache;
  /** Force the whole-document path (tests compare both paths). */
  noSplit?: boolean;
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

export interface TextChange {
  start: number;
  end: number;
  delta: number;
}

/** A file that is one claims list: what an edit needs to find its claims again. */
interface ClaimList {
  /** Column of the items' dashes. */
  seqIndent: number;
  /** The document runs to the end of the text. */
  toEnd: boolean;
}

/** A unit placed in the file. */
export interface PlacedUnit {
  unit: ParsedUnit;
  /** Offset of the unit's text in the file. */
  base: number;
  /** Prefix of every path in the unit: claims[3] for a list item, '' for a whole document. */
  prefix: string;
  /** Index of the YAML document in the stream. */
  document: number;
}

/** A claim placed in the file: anchor, start and end are file offsets. */
export interface PlacedClaim {
  parsed: ParsedClaim;
  node: ParsedClaim['node'];
  /** Paths relative to the claim; spans relative to `base`. */
  src: ParsedClaim['src'];
  raw: unknown;
  validated: ParsedClaim['validated'];
  /** Index of the YAML document in the stream. */
  document: number;
  /** Path of the claim in its document: claim or claims[3]. */
  prefix: string;
  /** Offset in the file of the text the claim was parsed from: add it to src spans. */
  base: number;
  anchor: number;
  start: number;
  end: number;
  /** Located findings of this claim (computed with the analysis' findings). */
  readonly findings: LocatedFinding[];
}

export interface NodeAt {
  claim: PlacedClaim;
  /** Path relative to the claim, e.g. lines[1].modifiers[0]. */
  path: string;
  on: 'key' | 'value';
  entry: SourceEntry;
  /** The key or value under the cursor, in file offsets. */
  span: Span;
}

export class Analysis {
  readonly lines: LineIndex;
  readonly claims: PlacedClaim[] = [];
  private located?: LocatedFinding[];
  private readonly claimFindings: LocatedFinding[][] = [];
  /**
   * Each unit's own findings as placed in the file, once computed; after an edit, the
   * placements of the units it kept (computed for an earlier version, shifted on use).
   */
  private readonly placements: (Placement | undefined)[];
  /** The guard's nesting state at each unit's start (one-list files), for the next edit's guard. */
  private depth?: DepthState[];

  constructor(
    readonly text: string,
    readonly config: ResolvedConfig,
    readonly configKey: string,
    readonly units: PlacedUnit[],
    private readonly cache?: AuditCache,
    readonly data: ReferenceData = BUILTIN_DATA,
    lines?: LineIndex,
    /** Set when the whole text is one claims list (see TextChange). */
    readonly list?: ClaimList,
    /** The analysis found its claims from an edit rather than a full scan. */
    readonly incremental = false,
    /** Placements carried over from the analysis before the edit, by unit (see `placements`). */
    placements?: (Placement | undefined)[],
  ) {
    this.lines = lines ?? new LineIndex(text);
    this.placements = placements ?? [];
    const findingsOf = (own: LocatedFinding[]): LocatedFinding[] => {
      void this.findings;
      return own;
    };
    for (const u of units) {
      for (const c of u.unit.claims) {
        const own: LocatedFinding[] = [];
        this.claimFindings.push(own);
        this.claims.push({
          parsed: c,
          node: c.node,
          src: c.src,
          raw: c.raw,
          validated: c.validated,
          document: u.document,
          prefix: prefixPath(u.prefix, c.prefix),
          base: u.base,
          anchor: c.anchor + u.base,
          start: c.start + u.base,
          end: c.end + u.base,
          get findings() {
            return findingsOf(own);
          },
        });
      }
    }
  }

  /** Every finding of the file, located, with inline directives applied, in text order. */
  get findings(): LocatedFinding[] {
    return (this.located ??= this.computeFindings());
  }

  /** The guard's nesting state at each unit's start: kept from the edit that made this analysis, or read once. */
  depthStates(): DepthState[] | undefined {
    return (this.depth ??= depthStates(this.text, this.units.map((u) => u.base)));
  }

  /** @internal Set by the edit that made this analysis. */
  setDepthStates(states: DepthState[]): void {
    this.depth = states;
  }

  claimAt(offset: number): PlacedClaim | undefined {
    return this.claims.find((c) => offset >= c.start && offset <= c.end);
  }

  /** The innermost key or value under `offset` (end inclusive, so the end of a word counts). */
  nodeAt(offset: number): NodeAt | undefined {
    const claim = this.claimAt(offset);
    if (!claim) return undefined;
    const at = offset - claim.base;
    let best: NodeAt | undefined;
    let bestSize = Infinity;
    for (const [path, entry] of claim.src) {
      if (path === '') continue;
      for (const on of ['key', 'value'] as const) {
        const span = on === 'key' ? entry.key : entry.value;
        if (!span || at < span.start || at > span.end) continue;
        const size = span.end - span.start;
        // Prefer keys and scalars over the collections that contain them.
        if (size < bestSize || (size === bestSize && on === 'key')) {
          best = { claim, path, on, entry, span: { start: span.start + claim.base, end: span.end + claim.base } };
          bestSize = size;
        }
      }
    }
    return best;
  }

  /** @internal The placements an analysis of this text after an edit can start from (see reanalyze). */
  placementOf(unit: number): Placement | undefined {
    return this.placements[unit];
  }

  private computeFindings(): LocatedFinding[] {
    const grew = this.cache ? (n: number) => this.cache!.grew(n) : undefined;
    const units = this.units.map((u) => ({ claims: u.unit.claims, result: unitResult(u.unit, this.config, this.configKey, grew, this.data), base: u.base, prefix: u.prefix, document: u.document }));
    const placed = units.map((u, k) => (this.placements[k] = placeUnit(this.text, this.lines, u, this.placements[k])));
    const located = assembleFindings(this.lines, this.config, units, placed);
    for (const { f, owner } of located) if (owner >= 0) this.claimFindings[owner].push(f);
    return located.map(({ f }) => f);
  }
}

/**
 * One unit's own findings placed in the file (paths prefixed, spans, fixes and ranges in
 * file coordinates; directives not applied), with what they were placed for: an edit that
 * keeps the unit keeps them, or shifts them when the unit moved.
 */
export interface Placement {
  result: UnitResult;
  base: number;
  /** Line of `base`. */
  line: number;
  prefix: string;
  document: number;
  /** Length of the text after `base` when placed. */
  tail: number;
  /** Lowest start and highest end of the result's spans (relative to the unit): where clamping could act. */
  low: number;
  reach: number;
  found: { f: LocatedFinding; owner: number }[];
}

/** What placing a unit's findings in the file needs: its claims' ids and soundness, and its audit result. */
export interface UnitFindings {
  claims: readonly Pick<ParsedClaim, 'prefix' | 'sound' | 'id'>[];
  result: UnitResult;
  /** Offset of the unit's text in the file, its path prefix and YAML document index (as in PlacedUnit). */
  base: number;
  prefix: string;
  document: number;
}

/**
 * The located findings of a file from its units' results, in text order, with the
 * file-level duplicate-id check and inline directives applied; `owner` is the index of the
 * finding's claim in the file (-1 for a unit's own). The one place findings are placed:
 * the analysis and the CLI's threaded audit (units audited elsewhere) both call it.
 */
export function locateFindings(text: string, lines: LineIndex, config: ResolvedConfig, units: readonly UnitFindings[]): { f: LocatedFinding; owner: number }[] {
  return assembleFindings(lines, config, units, units.map((u) => placeUnit(text, lines, u)));
}

/**
 * A unit's own findings placed in the file. An earlier placement of the same result is
 * reused as it is when the unit has not moved, or shifted when only its offset and line
 * moved (its text, and all text after it, being the same, so are its findings relative to
 * it); otherwise they are placed afresh.
 */
export function placeUnit(text: string, lines: LineIndex, u: UnitFindings, earlier?: Placement): Placement {
  const line = lines.position(u.base).line;
  const tail = text.length - u.base;
  if (earlier && earlier.result === u.result && earlier.prefix === u.prefix && earlier.document === u.document) {
    const by = u.base - earlier.base;
    const down = line - earlier.line;
    // Spans clamped to the text then must be clamped the same now: the text ends as far
    // after the unit, or no span reached the end (or the start) either time.
    const sameClamps = (tail === earlier.tail || earlier.reach <= Math.min(tail, earlier.tail)) && earlier.low + Math.min(u.base, earlier.base) >= 0;
    if (sameClamps) {
      if (by === 0 && down === 0 && tail === earlier.tail) return earlier;
      const found = by === 0 && down === 0 ? earlier.found : earlier.found.map(({ f, owner }) => ({ f: shiftFinding(f, by, down), owner }));
      return { ...earlier, base: u.base, line, tail, found };
    }
  }
  const { result } = u;
  let low = 0;
  let reach = 0;
  for (const f of result.findings) {
    low = Math.min(low, f.span.start);
    reach = Math.max(reach, f.span.start, f.span.end);
  }
  const found = result.findings.map((f, i) => {
    // The parser may place an error at end of input + 1; keep spans inside the text.
    const span = clampSpan(f.span.start + u.base, f.span.end + u.base, text.length);
    const located: LocatedFinding = {
      ...f,
      document: u.document,
      path: prefixPath(u.prefix, f.path),
      span,
      fixes: f.fixes.map((fix) => shiftFix(fix, u.base)),
      range: { start: lines.position(span.start), end: lines.position(span.end) },
    };
    return { f: located, owner: result.owners[i] };
  });
  return { result, base: u.base, line, prefix: u.prefix, document: u.document, tail, low, reach, found };
}

function shiftFinding(f: LocatedFinding, by: number, down: number): LocatedFinding {
  const { start, end } = f.range;
  return {
    ...f,
    span: { start: f.span.start + by, end: f.span.end + by },
    fixes: by === 0 ? f.fixes : f.fixes.map((fix) => shiftFix(fix, by)),
    range: down === 0 ? f.range : { start: { line: start.line + down, character: start.character }, end: { line: end.line + down, character: end.character } },
  };
}

/**
 * The file's findings from its units' placements: the file-level duplicate-id check, then
 * inline directives, in text order; `owner` is the finding's claim index in the file.
 */
export function assembleFindings(lines: LineIndex, config: ResolvedConfig, units: readonly UnitFindings[], placed: readonly Placement[]): { f: LocatedFinding; owner: number }[] {
  const found: { f: LocatedFinding; owner: number }[] = [];
  const seenIds = new Map<string, { u: UnitFindings; c: UnitFindings['claims'][number] }>();
  const dupSeverity = severityFor(config, 'claim-id-duplicate');
  const idPath = (u: UnitFindings, c: UnitFindings['claims'][number]): string => prefixPath(prefixPath(u.prefix, c.prefix), 'id');
  let first = 0;
  units.forEach((u, k) => {
    for (const { f, owner } of placed[k].found) found.push({ f, owner: owner < 0 ? -1 : first + owner });
    u.claims.forEach((c, ci) => {
      if (!c.id || !c.sound) return;
      const seen = seenIds.get(c.id.id);
      if (seen === undefined) seenIds.set(c.id.id, { u, c });
      else if (dupSeverity !== 'off') {
        const path = idPath(u, c);
        const span = { start: c.id.start + u.base, end: c.id.end + u.base };
        found.push({
          f: {
            rule: 'claim-id-duplicate',
            severity: dupSeverity,
            message: `${path}: the same claim id is already used at ${idPath(seen.u, seen.c)}; ids must be unique within the file.`,
            document: u.document,
            path,
            span,
            fixes: [],
            range: { start: lines.position(span.start), end: lines.position(span.end) },
          },
          owner: first + ci,
        });
      }
    });
    first += u.claims.length;
  });
  const directives = parseDirectives(lines);
  return capSyntaxErrors(
    found
      .filter(({ f }) => !directives.isDisabled(f.rule, f.range.start.line))
      .sort((a, b) => a.f.span.start - b.f.span.start || a.f.span.end - b.f.span.end || a.f.rule.localeCompare(b.f.rule)),
  );
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
    for (const u of placeDocument(text, slice, d, options.cache, options.noSplit)) units.push(u);
  });
  let list: ClaimList | undefined;
  if (docs.length === 1 && units.length > 0 && units.every((u) => u.unit.kind === 'item')) {
    const firstLine = text.slice(units[0].base, text.indexOf('\n', units[0].base) >>> 0);
    list = { seqIndent: firstLine.length - firstLine.trimStart().length, toEnd: docs[0].end === text.length };
  }
  return new Analysis(text, config, ckey, units, options.cache, data, undefined, list);
}

/**
 * The analysis after an edit, from the previous one: items before the edit are kept,
 * items after it shifted, and only the items the edit touches are cut, guarded and parsed
 * again. Undefined when the edit is not inside the claims of a one-list file, or when only
 * a full guard can tell whether the text is within the limits.
 */
function reanalyze(text: string, prev: Analysis, change: TextChange, ckey: string, cache: AuditCache | undefined): Analysis | undefined {
  const { list, units } = prev;
  const { start, end, delta } = change;
  if (!list?.toEnd || prev.configKey !== ckey || text.length - prev.text.length !== delta || units.length === 0) return undefined;
  if (start < units[0].base || start > end || end > text.length) return undefined;
  const endOld = end - delta;
  // The item holding the character before the edit (an edit at an item's start may join
  // it to the one above) through the item holding the edit's end.
  const baseOf = (k: number) => units[k].base;
  const i = lastAtOrBefore(units.length, baseOf, Math.max(units[0].base, start - 1));
  const j = lastAtOrBefore(units.length, baseOf, endOld);
  const from = units[i].base;
  const to = j + 1 < units.length ? units[j + 1].base + delta : text.length;
  const items = rescanItems(text, from, to, list.seqIndent);
  if (!items) return undefined;
  // The guard, before the parser sees the new items: the changed lines only.
  const before = prev.depthStates();
  const states = before && guardEdited(text, from, to, before[i], before[j + 1], items.map((it) => it.start));
  if (!states) return undefined;
  const placed: PlacedUnit[] = units.slice(0, i);
  // The kept units' placements (of this or an earlier version): reused or shifted when findings are wanted.
  const placements: (Placement | undefined)[] = [];
  for (let k = 0; k < i; k++) placements.push(prev.placementOf(k));
  for (const item of items) {
    const unit = cachedUnit(cache, 'c', text.slice(item.start, item.end), parseItemUnit);
    if (unit.unusable) return undefined;
    placed.push({ unit, base: item.start, prefix: `claims[${placed.length}]`, document: 0 });
    placements.push(undefined);
  }
  for (let k = j + 1; k < units.length; k++) {
    placed.push({ unit: units[k].unit, base: units[k].base + delta, prefix: `claims[${placed.length}]`, document: 0 });
    placements.push(prev.placementOf(k));
  }
  const next = new Analysis(text, prev.config, ckey, placed, cache, prev.data, prev.lines.edited(text, start, end, delta), list, true, placements);
  next.setDepthStates([...before.slice(0, i), ...states, ...before.slice(j + 1)]);
  return next;
}


function placeDocument(text: string, slice: DocumentSlice, document: number, cache: AuditCache | undefined, forceWhole = false): PlacedUnit[] {
  const layout = forceWhole ? { kind: 'whole' as const } : documentLayout(text, slice);
  if (layout.kind === 'claims') {
    const out: PlacedUnit[] = [];
    for (let k = 0; k < layout.items.length; k++) {
      const item = layout.items[k];
      const unit = cachedUnit(cache, 'c', text.slice(item.start, item.end), parseItemUnit);
      if (unit.unusable) return placeDocument(text, slice, document, cache, true);
      out.push({ unit, base: item.start, prefix: `claims[${k}]`, document });
    }
    return out;
  }
  const unit = cachedUnit(cache, 'd', text.slice(slice.start, slice.end), parseWholeUnit);
  return [{ unit, base: slice.start, prefix: '', document }];
}

/** A unit parsed through the cache (the key is the kind and the text): analyze() and audits of units elsewhere share it. */
export function cachedUnit(cache: AuditCache | undefined, kind: string, text: string, parse: (text: string) => ParsedUnit): ParsedUnit {
  if (!cache) return parse(text);
  const key = `${kind}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const unit = parse(flatCopy(text));
  cache.set(flatCopy(key), unit);
  return unit;
}

function clampSpan(start: number, end: number, max: number): Span {
  const s = Math.min(Math.max(0, start), max);
  return { start: s, end: Math.min(Math.max(s, end), max) };
}

function shiftFix(fix: Fix, by: number): Fix {
  if (by === 0) return fix;
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
}

/** Document boundaries from the real parser, for streams the scan will not cut. */
function documentsByParser(text: string): DocumentSlice[] {
  return withoutStackTraces(() => parseAllDocuments(text, PARSE_OPTIONS as object)).flatMap((doc) => {
    const r = (doc as { range?: [number, number, number] }).range;
    return r ? [{ start: r[0], end: r[2] }] : [];
  });
}
