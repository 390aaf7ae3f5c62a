/**
 * The engine's two entry points: audit(text) → located findings, and applyFixes(text,
 * findings) → fixed text. The editor, the CLI and the tests all call these.
 */
import { parseAllDocuments } from 'yaml';
import { analyze, type AnalyzeOptions } from './pipeline/analyze';
import { PARSE_OPTIONS } from './pipeline/unit';
import type { LineIndex } from './parse/lines';
import { guardText } from './parse/guard';
import type { Finding, Fix, LocatedFinding, TextEdit } from './types';
import { preferredFix } from './fixes/preferred';
import { withoutStackTraces } from './parse/quietParse';

export { preferredFix };

export type AuditOptions = AnalyzeOptions;

export interface AuditResult {
  findings: LocatedFinding[];
  lines: LineIndex;
}

/** The findings of a text (the pipeline of ./pipeline/analyze.ts, read for its findings). */
export function audit(text: string, options: AuditOptions = {}): AuditResult {
  const analysis = analyze(text, options);
  return { findings: analysis.findings, lines: analysis.lines };
}

export interface FixResult {
  text: string;
  applied: number;
  /** Fixes left out because the text they produce does not parse (a warning for the user). */
  dropped: Fix[];
}

/**
 * Apply one fix per finding: the preferred fix, or the fix with `fixId` when given. A fix
 * whose edits overlap or touch an earlier one is skipped whole (a later pass applies it to
 * the text the first one produced, so two fixes of one list compose instead of colliding).
 * The result is parsed again: a fix that would break the YAML is dropped and reported in
 * `dropped`, never written.
 */
export function applyFixes(text: string, findings: Pick<Finding, 'fixes'>[], select: (f: Pick<Finding, 'fixes'>) => Fix | undefined = preferredFix): FixResult {
  const chosen: Fix[] = [];
  const accepted = new EditSet();
  const fixes = findings.map(select).filter((f): f is Fix => !!f);
  const seen = new Set<string>();
  for (const fix of fixes) {
    if (!fix.edits.length || !fix.edits.every((e) => validEdit(e, text.length))) continue;
    const sig = JSON.stringify(fix.edits);
    if (seen.has(sig)) continue;
    // Overlapping or touching ranges conflict: `[CQ]` losing CQ and gaining GP at its end
    // would otherwise read `[, GP]`.
    if (fix.edits.some((e) => accepted.conflicts(e))) continue;
    seen.add(sig);
    for (const e of fix.edits) accepted.add(e);
    chosen.push(fix);
  }
  if (!chosen.length) return { text, applied: 0, dropped: [] };
  let errorsBefore: number | undefined;
  const before = () => (errorsBefore ??= yamlErrorCount(text));
  const all = applyEdits(text, chosen.flatMap((f) => f.edits));
  if (noMoreErrors(yamlErrorCount(all), before)) return { text: all, applied: chosen.length, dropped: [] };
  // Something broke the file: find the fixes that break it by halving (a parse per test,
  // O(broken × log fixes) parses instead of one per fix), every test applied to the
  // original text, so the fixes' offsets stay valid.
  const kept: Fix[] = [];
  const dropped: Fix[] = [];
  const parses = (extra: Fix[]) => yamlErrorCount(applyEdits(text, [...kept, ...extra].flatMap((f) => f.edits))) <= before();
  const sift = (group: Fix[]): void => {
    if (!group.length) return;
    if (parses(group)) for (const f of group) kept.push(f);
    else if (group.length === 1) dropped.push(group[0]);
    else {
      const half = group.length >> 1;
      sift(group.slice(0, half));
      sift(group.slice(half));
    }
  };
  sift(chosen);
  if (!kept.length) return { text, applied: 0, dropped };
  return { text: applyEdits(text, kept.flatMap((f) => f.edits)), applied: kept.length, dropped };
}

/**
 * Accepted edit ranges, sorted by start and disjoint (touching ranges conflict, so they
 * never both get in): a conflict test is a binary search, not a scan of every accepted edit.
 */
class EditSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Index of the first range whose start is greater than `x`. */
  private upper(x: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Does [e.start, e.end] overlap or touch an accepted range? */
  conflicts(e: TextEdit): boolean {
    const i = this.upper(e.end); // ranges before i start at or before e.end
    return i > 0 && this.ends[i - 1] >= e.start;
  }

  add(e: TextEdit): void {
    const i = this.upper(e.start);
    this.starts.splice(i, 0, e.start);
    this.ends.splice(i, 0, e.end);
  }
}

/** Does this one fix keep the text parsing? (Quick fixes are checked before they are offered.) */
export function fixKeepsYaml(text: string, fix: Fix): boolean {
  if (!fix.edits.every((e) => validEdit(e, text.length))) return false;
  return noMoreErrors(yamlErrorCount(applyEdits(text, fix.edits)), () => originalErrors(text));
}

/**
 * Has the fixed text no more YAML errors than the original? A clean result needs no parse
 * of the original: that parse costs as much as the fixed text's, and was half of a quick
 * fix's time on a long claim (twice that when the remembered text was another document).
 */
function noMoreErrors(errors: number, before: () => number): boolean {
  return errors === 0 || errors <= before();
}

/** The error count of the text quick fixes are checked against, kept for the next fix of it. */
let lastChecked: { text: string; errors: number } | undefined;
function originalErrors(text: string): number {
  if (lastChecked?.text !== text) lastChecked = { text, errors: yamlErrorCount(text) };
  return lastChecked.errors;
}

function validEdit(e: TextEdit, length: number): boolean {
  return Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= length;
}

/** Edits that do not overlap, applied from the end so earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  const parts: string[] = [];
  let end = text.length;
  for (const e of sorted) {
    parts.push(text.slice(e.end, end), e.newText);
    end = e.start;
  }
  parts.push(text.slice(0, end));
  return parts.reverse().join('');
}

/** YAML errors of a whole text, as the engine's parser sees it. */
export function yamlErrorCount(text: string): number {
  if (guardText(text)) return Number.MAX_SAFE_INTEGER;
  let n = 0;
  for (const doc of withoutStackTraces(() => parseAllDocuments(text, PARSE_OPTIONS as object)) as unknown as { errors: unknown[] }[]) n += doc.errors.length;
  return n;
}


/** Audit and fix repeatedly until nothing fixable is left (at most `maxPasses`). */
export function fixAll(text: string, options: AuditOptions = {}, maxPasses = 10): FixResult {
  let current = text;
  let total = 0;
  const dropped: Fix[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const { findings } = audit(current, options);
    const r = applyFixes(current, findings);
    for (const d of r.dropped) if (!dropped.some((x) => x.title === d.title)) dropped.push(d);
    if (r.applied === 0 || r.text === current) break;
    current = r.text;
    total += r.applied;
  }
  return { text: current, applied: total, dropped };
}
