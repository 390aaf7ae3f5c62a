/**
 * The engine's two entry points: audit(text) → located findings, and applyFixes(text,
 * findings) → fixed text. The editor, the CLI and the tests all call these.
 */
import { parseAllDocuments } from 'yaml';
import { AuditCache } from './audit/cache';
import { auditDocumentSlice, PARSE_OPTIONS, type PlacedUnit } from './audit/document';
import { configKey as keyOf, resolveConfig, type ResolvedConfig } from './config/schema';
import { severityFor } from './audit/claim';
import { parseDirectives } from './directives';
import { LineIndex } from './parse/lines';
import { prefixPath } from './parse/sourceMap';
import { splitDocuments, type DocumentSlice } from './parse/split';
import type { Finding, Fix, LocatedFinding, TextEdit } from './types';

export interface AuditOptions {
  config?: ResolvedConfig;
  /** Keep one per editor session or CLI run: unchanged claims are not parsed again. */
  cache?: AuditCache;
  /** Force the whole-document path (tests compare both paths). */
  noSplit?: boolean;
}

export interface AuditResult {
  findings: LocatedFinding[];
  lines: LineIndex;
}

export function audit(text: string, options: AuditOptions = {}): AuditResult {
  const config = options.config ?? resolveConfig();
  const ckey = keyOf(config);
  const lines = new LineIndex(text);
  const docs = splitDocuments(text) ?? documentsByParser(text);
  const findings: Finding[] = [];
  const seenIds = new Map<string, string>();
  const dupSeverity = severityFor(config, 'claim-id-duplicate');

  docs.forEach((slice, d) => {
    const units: PlacedUnit[] = auditDocumentSlice(text, slice, config, ckey, options.cache, options.noSplit);
    for (const u of units) {
      for (const f of u.findings) {
        findings.push({
          ...f,
          document: d,
          path: prefixPath(u.prefix, f.path),
          // The parser may place an error at end of input + 1; keep spans inside the text.
          span: clampSpan(f.span.start + u.base, f.span.end + u.base, text.length),
          fixes: f.fixes.map((fix) => shiftFix(fix, u.base)),
        });
      }
      for (const id of u.ids) {
        const path = prefixPath(u.prefix, id.path);
        const first = seenIds.get(id.id);
        if (first === undefined) seenIds.set(id.id, path);
        else if (dupSeverity !== 'off') {
          findings.push({
            rule: 'claim-id-duplicate',
            severity: dupSeverity,
            message: `${path}: the same claim id is already used at ${first}; ids must be unique within the file.`,
            document: d,
            path,
            span: { start: id.start + u.base, end: id.end + u.base },
            fixes: [],
          });
        }
      }
    }
  });

  const directives = parseDirectives(lines);
  const located = findings
    .map((f) => ({ ...f, range: { start: lines.position(f.span.start), end: lines.position(f.span.end) } }))
    .filter((f) => !directives.isDisabled(f.rule, f.range.start.line))
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  return { findings: located, lines };
}

function clampSpan(start: number, end: number, max: number): { start: number; end: number } {
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

export interface FixResult {
  text: string;
  applied: number;
}

/**
 * Apply one fix per finding: the preferred fix, or the fix with `fixId` when given. A fix
 * whose edits overlap an earlier one is skipped whole (a later pass can apply it).
 */
export function applyFixes(text: string, findings: Pick<Finding, 'fixes'>[], select: (f: Pick<Finding, 'fixes'>) => Fix | undefined = preferredFix): FixResult {
  const accepted: TextEdit[] = [];
  let applied = 0;
  const fixes = findings.map(select).filter((f): f is Fix => !!f);
  const seen = new Set<string>();
  for (const fix of fixes) {
    const sig = JSON.stringify(fix.edits);
    if (seen.has(sig)) continue;
    // Overlapping ranges conflict, and so do two edits at one point when either inserts
    // (their order would be arbitrary).
    const conflicts = (e: TextEdit, a: TextEdit): boolean =>
      (e.start < a.end && a.start < e.end) || (e.start === a.start && (e.start === e.end || a.start === a.end));
    const overlaps = fix.edits.some((e) => accepted.some((a) => conflicts(e, a)));
    if (overlaps) continue;
    seen.add(sig);
    accepted.push(...fix.edits);
    applied++;
  }
  accepted.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of accepted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied };
}

export function preferredFix(f: Pick<Finding, 'fixes'>): Fix | undefined {
  return f.fixes.find((x) => x.preferred);
}

/** Audit and fix repeatedly until nothing fixable is left (at most `maxPasses`). */
export function fixAll(text: string, options: AuditOptions = {}, maxPasses = 10): FixResult {
  let current = text;
  let total = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const { findings } = audit(current, options);
    const r = applyFixes(current, findings);
    if (r.applied === 0 || r.text === current) break;
    current = r.text;
    total += r.applied;
  }
  return { text: current, applied: total };
}
