/**
 * The first paragraph of a hover on a service line's code: this line's verdict. Either
 * "no problems found on this line", or the findings on it (severity, rule id linked to
 * its documentation page, the message's first sentence), at most three and a count of
 * the rest. Messages name field paths and numbers, never patient values.
 */
import { docsUrl, type LocatedFinding, type Severity } from '../core';
import { CLIENT_COMMANDS } from '../protocol';

const SHOWN = 3;
const MAX_MESSAGE = 140;

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

/** The message's first sentence, without its "Service line 2 (97110): " lead (the verdict's heading says it). */
function firstSentence(message: string): string {
  const body = message.replace(/^Service line \d+(?: \([^)]*\))?: /, '');
  const m = /^(.+?[.;])(\s|$)/.exec(body);
  const s = (m ? m[1] : body).replace(/[.;]$/, '');
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1).trimEnd()}…` : s;
}

/** Markdown lines of the verdict; `line` counts from 1. */
export function lineVerdict(findings: readonly LocatedFinding[], line: number, code: string): string[] {
  const where = `Service line ${line} (${code})`;
  if (!findings.length) return [`✓ **${where}: no problems found on this line.**`];
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const out = [`**${where}: ${findings.length === 1 ? '1 problem' : `${findings.length} problems`} on this line**`];
  for (const f of sorted.slice(0, SHOWN)) {
    const rule = commandLink(f.rule, CLIENT_COMMANDS.showRuleDocs, [f.rule, docsUrl(f.rule)]);
    out.push(`- ${SEVERITY_LABEL[f.severity]} ${rule}: ${firstSentence(f.message)}`);
  }
  if (sorted.length > SHOWN) out.push(`- and ${sorted.length - SHOWN} more (Problems panel)`);
  return out;
}
