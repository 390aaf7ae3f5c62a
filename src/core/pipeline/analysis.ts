/**
 * The one claim pipeline: text → units (cut by a line scan, parsed and cached by their
 * text) → claims (node, source map, data) → findings. Everything that looks at a claim
 * file — the audit, the CLI, and the editor's diagnostics, hover, code lens, completion
 * and code actions — reads one Analysis of its text. Findings are computed on first use,
 * so a hover after an edit parses only the changed claim and audits nothing.
 */
import { parseAllDocuments } from 'yaml';
import type { AuditCache } from '../audit/cache';
import { severityFor } from '../audit/claim';
import { configKey as keyOf, resolveConfig, type ResolvedConfig } from '../config/schema';
import { parseDirectives } from '../directives';
import { LineIndex } from '../parse/lines';
import { prefixPath, type SourceEntry } from '../parse/sourceMap';
import { documentLayout, splitDocuments, type DocumentSlice } from '../parse/split';
import type { Finding, Fix, LocatedFinding, Span } from '../types';
import { unitResult } from './audit';
import { BUILTIN_DATA, type ReferenceData } from '../data/reference';
import { flatCopy, parseItemUnit, parseWholeUnit, PARSE_OPTIONS, type ParsedClaim, type ParsedUnit } from './unit';

export interface AnalyzeOptions {
  config?: ResolvedConfig;
  /** Keep one per editor session or CLI run: unchanged claims are not parsed again. */
  cache?: AuditCache;
  /** Force the whole-document path (tests compare both paths). */
  noSplit?: boolean;
  /** Reference data: the built-in tables overlaid by data packs; the built-in data when absent. */
  data?: ReferenceData;
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
  /** Index in `claims` of each unit's first claim. */
  private readonly firstClaim: number[] = [];

  constructor(
    readonly text: string,
    readonly config: ResolvedConfig,
    readonly configKey: string,
    readonly units: PlacedUnit[],
    private readonly cache?: AuditCache,
    readonly data: ReferenceData = BUILTIN_DATA,
  ) {
    this.lines = new LineIndex(text);
    const findingsOf = (own: LocatedFinding[]): LocatedFinding[] => {
      void this.findings;
      return own;
    };
    for (const u of units) {
      this.firstClaim.push(this.claims.length);
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

  private computeFindings(): LocatedFinding[] {
    const { text, config } = this;
    const found: { f: Finding; owner: number }[] = [];
    const seenIds = new Map<string, string>();
    const dupSeverity = severityFor(config, 'claim-id-duplicate');
    const grew = this.cache ? (n: number) => this.cache!.grew(n) : undefined;
    this.units.forEach((u, ui) => {
      const first = this.firstClaim[ui];
      const result = unitResult(u.unit, config, this.configKey, grew, this.data);
      result.findings.forEach((f, i) => {
        found.push({
          f: {
            ...f,
            document: u.document,
            path: prefixPath(u.prefix, f.path),
            // The parser may place an error at end of input + 1; keep spans inside the text.
            span: clampSpan(f.span.start + u.base, f.span.end + u.base, text.length),
            fixes: f.fixes.map((fix) => shiftFix(fix, u.base)),
          },
          owner: result.owners[i] < 0 ? -1 : first + result.owners[i],
        });
      });
      u.unit.claims.forEach((c, ci) => {
        if (!c.id || !c.sound) return;
        const path = prefixPath(prefixPath(u.prefix, c.prefix), 'id');
        const seen = seenIds.get(c.id.id);
        if (seen === undefined) seenIds.set(c.id.id, path);
        else if (dupSeverity !== 'off') {
          found.push({
            f: {
              rule: 'claim-id-duplicate',
              severity: dupSeverity,
              message: `${path}: the same claim id is already used at ${seen}; ids must be unique within the file.`,
              document: u.document,
              path,
              span: { start: c.id.start + u.base, end: c.id.end + u.base },
              fixes: [],
            },
            owner: first + ci,
          });
        }
      });
    });
    const { lines } = this;
    const directives = parseDirectives(lines);
    const located = found
      .map(({ f, owner }) => ({ f: { ...f, range: { start: lines.position(f.span.start), end: lines.position(f.span.end) } } as LocatedFinding, owner }))
      .filter(({ f }) => !directives.isDisabled(f.rule, f.range.start.line))
      .sort((a, b) => a.f.span.start - b.f.span.start || a.f.span.end - b.f.span.end || a.f.rule.localeCompare(b.f.rule));
    for (const { f, owner } of located) if (owner >= 0) this.claimFindings[owner].push(f);
    return located.map(({ f }) => f);
  }
}

/** Run the pipeline over a text. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? resolveConfig();
  const docs = splitDocuments(text) ?? documentsByParser(text);
  const units: PlacedUnit[] = [];
  docs.forEach((slice, d) => units.push(...placeDocument(text, slice, d, options.cache, options.noSplit)));
  const data = options.data ?? BUILTIN_DATA;
  // Packs change findings: results are kept per config and per set of packs.
  const key = data.key ? `${keyOf(config)}\u0000${data.key}` : keyOf(config);
  return new Analysis(text, config, key, units, options.cache, data);
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

function cachedUnit(cache: AuditCache | undefined, kind: string, text: string, parse: (text: string) => ParsedUnit): ParsedUnit {
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
  return parseAllDocuments(text, PARSE_OPTIONS as object).flatMap((doc) => {
    const r = (doc as { range?: [number, number, number] }).range;
    return r ? [{ start: r[0], end: r[2] }] : [];
  });
}
