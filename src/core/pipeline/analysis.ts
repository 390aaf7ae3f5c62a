/**
 * The one claim pipeline's model: an Analysis of a text — its units (claim items or whole
 * documents) and claims placed in the file (node, source map, data) — and, on first use,
 * its findings. Everything that looks at a claim file — the audit, the CLI, and the
 * editor's diagnostics, hover, code lens, completion and code actions — reads one Analysis
 * of its text, so a hover after an edit parses only the changed claim and audits nothing.
 * analyze.ts makes one (a full scan), incremental.ts makes one after an edit from the one
 * before, and place.ts places the units' findings in the file.
 */
import type { AuditCache } from './cache';
import type { ResolvedConfig } from '../config/schema';
import { depthStates, type DepthState } from '../parse/guard';
import { LineIndex } from '../parse/lines';
import { prefixPath, type SourceEntry } from '../parse/sourceMap';
import type { LocatedFinding, Span } from '../types';
import { unitResult } from './auditUnit';
import { BUILTIN_DATA, type ReferenceData } from '../data/reference';
import type { ParsedClaim, ParsedUnit } from './unit';
import { assembleFileFindings, placedOfRule, placeUnit, type Placement } from './place';

export interface TextChange {
  start: number;
  end: number;
  delta: number;
}

/** A file that is one claims list: what an edit needs to find its claims again. */
export interface ClaimList {
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
  /** The findings are the units' placed findings, in unit order, with nothing left out (see assembleFileFindings). */
  private plain = false;
  private readonly ofRule = new Map<string, readonly LocatedFinding[]>();
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

  /**
   * The findings of one rule (in no particular order): gathered from the units' placements
   * when the findings are just those (kept by an edit with the placements), without a look at
   * every finding of a big file.
   */
  findingsOfRule(rule: string): readonly LocatedFinding[] {
    const all = this.findings;
    let found = this.ofRule.get(rule);
    if (found) return found;
    if (this.plain && rule !== 'claim-id-duplicate') {
      const out: LocatedFinding[] = [];
      for (let k = 0; k < this.units.length; k++) for (const f of placedOfRule(this.placements[k]!, rule)) out.push(f);
      found = out;
    } else found = all.filter((f) => f.rule === rule);
    this.ofRule.set(rule, found);
    return found;
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
    const { findings, owners, plain } = assembleFileFindings(this.lines, this.config, units, placed);
    this.plain = plain;
    for (let i = 0; i < findings.length; i++) if (owners[i] >= 0) this.claimFindings[owners[i]].push(findings[i]);
    return findings;
  }
}
