/**
 * The part of a hover on a service line's code that speaks of the line's findings (after
 * the code's explanation): never a repetition of the diagnostics VS Code shows in the same
 * hover. Field paths and rule ids only, never patient values.
 */
import { docsUrl, type LocatedFinding, type Severity } from '../core';
import { CLIENT_COMMANDS } from '../protocol';

const SHOWN = 3;

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A command link the client runs (its markdown trusts this command only). */
export function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** Findings of one service line: their path is the line's path or below it. */
export function findingsOnLine(findings: readonly LocatedFinding[], linePath: string): LocatedFinding[] {
  return findings.filter((f) => f.path === linePath || f.path.startsWith(`${linePath}.`) || f.path.startsWith(`${linePath}[`));
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
const overlaps = (a: Range, b: Range) => !before(a.end, b.start) && !before(b.end, a.start);

/**
 * What a code hover adds about its service line, after the code's explanation: only what
 * VS Code's own hover cannot say. VS Code already shows the diagnostics under the cursor, so
 * those are not repeated; findings elsewhere on the line (units, modifiers, documentation)
 * are named by severity, rule (linked to its page) and field, without their messages; a line
 * with no findings says so. `line` counts from 1; `linePath` is the line's finding path.
 */
export function lineVerdict(findings: readonly LocatedFinding[], hovered: Range, line: number, code: string, linePath: string): string[] {
  const where = `service line ${line} (${code})`;
  if (!findings.length) return [`✓ No problems on ${where}.`];
  const elsewhere = findings.filter((f) => !overlaps(f.range, hovered)).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  if (!elsewhere.length) return [];
  const out = [`**Elsewhere on ${where}:**`];
  for (const f of elsewhere.slice(0, SHOWN)) {
    const rule = commandLink(f.rule, CLIENT_COMMANDS.showRuleDocs, [f.rule, docsUrl(f.rule)]);
    const field = f.path === linePath ? 'the line' : `\`${f.path.slice(linePath.length + 1)}\``;
    out.push(`- ${SEVERITY_LABEL[f.severity]} ${rule} on ${field}`);
  }
  if (elsewhere.length > SHOWN) out.push(`- and ${elsewhere.length - SHOWN} more (Problems panel)`);
  return out;
}
