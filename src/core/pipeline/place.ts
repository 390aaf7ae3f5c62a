/**
 * Placing findings in the file: a unit's own findings (relative to the unit's text) get
 * their path prefix, file spans, fixes and line ranges; an edit that keeps a unit keeps or
 * shifts its placement; the file's findings are assembled from its units' placements with
 * the file-level duplicate-id check and inline directives. The analysis and the CLI's
 * threaded audit (units audited elsewhere) both place findings here.
 */
import { severityFor } from './auditClaim';
import type { ResolvedConfig } from '../config/schema';
import { parseDirectives } from '../directives';
import type { LineIndex } from '../parse/lines';
import { prefixPath } from '../parse/sourceMap';
import type { Finding, Fix, LocatedFinding, Span } from '../types';
import type { UnitResult } from './auditUnit';
import type { ParsedClaim } from './unit';
import { capSyntaxErrors } from './syntaxCap';
import { MAX_SYNTAX_ERRORS } from '../limits';

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
  /** How many of `found` are yaml-syntax findings (for the file's cap, capSyntaxErrors). */
  syntax: number;
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
    const located = locatedAs(f, prefixPath(u.prefix, f.path), span, f.fixes.map((fix) => shiftFix(fix, u.base)), u.document, rangeOf(text, lines, span));
    return { f: located, owner: result.owners[i] };
  });
  // In text order here (stable), so the file's assembly finds its findings already in order
  // while no unit's reach into the next one (see inTextOrder).
  found.sort(byPlace);
  let syntax = 0;
  for (const { f } of found) if (f.rule === 'yaml-syntax') syntax++;
  return { result, base: u.base, line, prefix: u.prefix, document: u.document, tail, low, reach, found, syntax };
}

/**
 * A finding placed in the file, its fields written out in one order rather than spread from
 * `f` (a finding's fields are these): measured on a 3 MB file's 7,700 findings, the spread
 * was most of the placement's time.
 */
function locatedAs(f: Pick<Finding, 'rule' | 'severity' | 'message'>, path: string, span: Span, fixes: Fix[], document: number, range: LocatedFinding['range']): LocatedFinding {
  return { rule: f.rule, severity: f.severity, message: f.message, path, span, fixes, document, range };
}

/** A span's range: its end found from its start when no line break comes between (most spans: one value). */
function rangeOf(text: string, lines: LineIndex, span: Span): LocatedFinding['range'] {
  const start = lines.position(span.start);
  for (let i = span.start; i < span.end; i++) if (text.charCodeAt(i) === 10) return { start, end: lines.position(span.end) };
  return { start, end: { line: start.line, character: start.character + (span.end - span.start) } };
}

function shiftFinding(f: LocatedFinding, by: number, down: number): LocatedFinding {
  const { start, end } = f.range;
  const moved = locatedAs(
    f,
    f.path,
    { start: f.span.start + by, end: f.span.end + by },
    by === 0 ? f.fixes : f.fixes.map((fix) => shiftFix(fix, by)),
    f.document,
    down === 0 ? f.range : { start: { line: start.line + down, character: start.character }, end: { line: end.line + down, character: end.character } },
  );
  if (down === 0) shownAsBefore.set(moved, shownAs(f));
  return moved;
}

/**
 * A finding an edit only moved along its line's text offsets (its unit on the same lines, at
 * the same columns: the edit before it changed no line count), pointing to the first finding
 * it was copied from: its range, rule, message and fix ids are that one's, so it reads as that
 * one (the editor's diagnostic of it is the same, src/service/diagnostics.ts).
 */
const shownAsBefore = new WeakMap<LocatedFinding, LocatedFinding>();

/** The finding `f` was copied from by edits that changed no line or column of it (see shownAsBefore), else `f`. */
export function shownAs(f: LocatedFinding): LocatedFinding {
  return shownAsBefore.get(f) ?? f;
}

/**
 * The file-level duplicate-id check: by unit, the findings on its claims whose id an earlier
 * claim of the file already has (`owner`: the claim's index in the file); none for most.
 */
function duplicateIds(lines: LineIndex, config: ResolvedConfig, units: readonly UnitFindings[]): ({ f: LocatedFinding; owner: number }[] | undefined)[] {
  const out: ({ f: LocatedFinding; owner: number }[] | undefined)[] = new Array(units.length);
  const dupSeverity = severityFor(config, 'claim-id-duplicate');
  if (dupSeverity === 'off') return out;
  const seenIds = new Map<string, { u: UnitFindings; c: UnitFindings['claims'][number] }>();
  const idPath = (u: UnitFindings, c: UnitFindings['claims'][number]): string => prefixPath(prefixPath(u.prefix, c.prefix), 'id');
  let first = 0;
  units.forEach((u, k) => {
    u.claims.forEach((c, ci) => {
      if (!c.id || !c.sound) return;
      const seen = seenIds.get(c.id.id);
      if (seen === undefined) return void seenIds.set(c.id.id, { u, c });
      const path = idPath(u, c);
      const span = { start: c.id.start + u.base, end: c.id.end + u.base };
      const message = `${path}: the same claim id is already used at ${idPath(seen.u, seen.c)}; ids must be unique within the file.`;
      const range = { start: lines.position(span.start), end: lines.position(span.end) };
      (out[k] ??= []).push({ f: locatedAs({ rule: 'claim-id-duplicate', severity: dupSeverity, message }, path, span, [], u.document, range), owner: first + ci });
    });
    first += u.claims.length;
  });
  return out;
}

/**
 * The file's findings from its units' placements: the file-level duplicate-id check, then
 * inline directives, in text order; `owner` is the finding's claim index in the file.
 */
export function assembleFindings(lines: LineIndex, config: ResolvedConfig, units: readonly UnitFindings[], placed: readonly Placement[]): { f: LocatedFinding; owner: number }[] {
  return assembleWith(lines, config, units, placed, duplicateIds(lines, config, units));
}

function assembleWith(lines: LineIndex, config: ResolvedConfig, units: readonly UnitFindings[], placed: readonly Placement[], dups: readonly ({ f: LocatedFinding; owner: number }[] | undefined)[]): { f: LocatedFinding; owner: number }[] {
  const found: { f: LocatedFinding; owner: number }[] = [];
  let first = 0;
  units.forEach((u, k) => {
    for (const { f, owner } of placed[k].found) found.push({ f, owner: owner < 0 ? -1 : first + owner });
    for (const d of dups[k] ?? []) found.push(d);
    first += u.claims.length;
  });
  const directives = parseDirectives(lines);
  return capSyntaxErrors(inTextOrder(directives.none ? found : found.filter(({ f }) => !directives.isDisabled(f.rule, f.range.start.line))));
}

/**
 * assembleFindings as two lists — the findings, and each one's claim index in the file (-1
 * for a unit's own) — made in one pass over the units when nothing is left out or moved: no
 * directive in the file, no more syntax errors than the cap, and each unit's findings (in
 * order within it, see placeUnit) at or after the previous unit's. Then the list is exactly
 * assembleFindings', without a comparison or an object per finding (a big file's edit
 * assembles ~8,000 of them); otherwise assembleFindings' own way.
 */
export function assembleFileFindings(lines: LineIndex, config: ResolvedConfig, units: readonly UnitFindings[], placed: readonly Placement[]): { findings: LocatedFinding[]; owners: ArrayLike<number>; plain: boolean } {
  const dups = duplicateIds(lines, config, units);
  const plain = !!parseDirectives(lines).none && inOrderByUnit(placed, dups);
  if (!plain) {
    const found = assembleWith(lines, config, units, placed, dups);
    return { findings: found.map(({ f }) => f), owners: found.map(({ owner }) => owner), plain };
  }
  let size = 0;
  for (let k = 0; k < placed.length; k++) size += placed[k].found.length + (dups[k]?.length ?? 0);
  const findings: LocatedFinding[] = new Array(size);
  const owners = new Int32Array(size);
  let at = 0;
  let first = 0;
  for (let k = 0; k < units.length; k++) {
    for (const { f, owner } of placed[k].found) {
      owners[at] = owner < 0 ? -1 : first + owner;
      findings[at++] = f;
    }
    for (const { f, owner } of dups[k] ?? []) {
      owners[at] = owner;
      findings[at++] = f;
    }
    first += units[k].claims.length;
  }
  return { findings, owners, plain };
}

/** A placement's findings by rule (made once per placement: an edit keeps most placements). */
export function placedOfRule(placement: Placement, rule: string): readonly LocatedFinding[] {
  let byRule = ruleIndexes.get(placement);
  if (!byRule) {
    byRule = new Map();
    for (const { f } of placement.found) {
      const list = byRule.get(f.rule);
      if (list) list.push(f);
      else byRule.set(f.rule, [f]);
    }
    ruleIndexes.set(placement, byRule);
  }
  return byRule.get(rule) ?? [];
}
const ruleIndexes = new WeakMap<Placement, Map<string, LocatedFinding[]>>();

/** Whether the units' findings, concatenated with each unit's duplicate-id findings after its own, are in text order and within the syntax cap. */
function inOrderByUnit(placed: readonly Placement[], dups: readonly ({ f: LocatedFinding; owner: number }[] | undefined)[]): boolean {
  let syntax = 0;
  let last: { f: LocatedFinding } | undefined;
  for (let k = 0; k < placed.length; k++) {
    const { found } = placed[k];
    syntax += placed[k].syntax;
    if (found.length) {
      if (last && byPlace(last, found[0]) > 0) return false;
      last = found[found.length - 1];
    }
    for (const d of dups[k] ?? []) {
      if (last && byPlace(last, d) > 0) return false;
      last = d;
    }
  }
  return syntax <= MAX_SYNTAX_ERRORS;
}

/** Text order of findings: by span, then rule. */
function byPlace(a: { f: LocatedFinding }, b: { f: LocatedFinding }): number {
  return a.f.span.start - b.f.span.start || a.f.span.end - b.f.span.end || (a.f.rule === b.f.rule ? 0 : a.f.rule.localeCompare(b.f.rule));
}

/**
 * The findings sorted by place (stable). Each unit's own are placed in order already (placeUnit),
 * so after an edit the whole list usually is: one pass checks it instead of sorting ~8,000
 * findings again. Sorting a list that is in order changes nothing, and a stable sort keeps
 * equal findings in the order they came, so either way the result is the same.
 */
function inTextOrder<T extends { f: LocatedFinding }>(found: T[]): T[] {
  for (let i = 1; i < found.length; i++) if (byPlace(found[i - 1], found[i]) > 0) return found.sort(byPlace);
  return found;
}

function clampSpan(start: number, end: number, max: number): Span {
  const s = Math.min(Math.max(0, start), max);
  return { start: s, end: Math.min(Math.max(s, end), max) };
}

function shiftFix(fix: Fix, by: number): Fix {
  if (by === 0) return fix;
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
}
