/**
 * `claimlint remit` output: json (the contract of docs/remit.md, version 1), stylish (for a
 * terminal) and html (the audit report of the claim files with its "Payer decisions" section).
 * Codes, amounts, claim ids and rule ids only: the 835's patient names and member ids are
 * never read, and whatever the 835 holds is made terminal-safe before it is printed.
 */
import { adjustmentTexts, dollars, docsUrl, type RemitClaimResult, type RemitLineResult, type RemitReport } from '../../core';
import { payerFigures, reportFindings } from '../../report';
import type * as ReportHtml from '../../report/html';
import { generatedAt } from '../formatters/html';
import { jsonSafe, terminalSafe } from '../formatters/safe';
import type { AuditedFile } from './remitClaims';

export function formatRemitJson(report: RemitReport): string {
  return jsonSafe(JSON.stringify(report, null, 2)) + '\n';
}

const STATUS: Record<string, string> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'primary, forwarded',
  '20': 'secondary, forwarded',
  '21': 'tertiary, forwarded',
  '22': 'reversal of a previous payment',
  '23': 'not our claim, forwarded',
  '25': 'predetermination pricing only',
};

function lineLabel(l: RemitLineResult, k: number): string {
  const code = [l.code, ...l.modifiers].join(' ');
  return l.line === null ? `835 line ${k + 1} (${code}), no matching service line` : `Service line ${l.line} (${code})`;
}

function claimBlock(c: RemitClaimResult): string[] {
  const where = c.file === null ? 'no claim file has this id' : c.file;
  const part = c.part ? `, part ${c.part.index} of ${c.part.of} of ${c.clp01}` : '';
  const out = [`  ${c.id}  ${where}${part}  ${STATUS[c.status] ?? `status ${c.status}`}, charged ${dollars(c.charge)}, paid ${dollars(c.paid)}${c.denied ? ', denied as a whole' : ''}`];
  for (const t of adjustmentTexts(c)) out.push(`    claim: ${t}`);
  if (c.remarks.length) out.push(`    claim remarks: ${c.remarks.join(', ')}`);
  c.lines.forEach((l, k) => {
    if (!l.adjustments.length && l.line !== null) return;
    const state = l.denied ? 'denied' : `paid ${dollars(l.paid)}`;
    const texts = adjustmentTexts(l);
    out.push(`    ${lineLabel(l, k)}: ${state}${texts.length ? `; ${texts.join('; ')}` : ''}${l.remarks.length ? ` [remarks ${l.remarks.join(', ')}]` : ''}`);
    const others = l.findings.filter((r) => !l.explainedBy.includes(r));
    if (others.length) out.push(`      other findings on the line: ${others.join(', ')}`);
  });
  return out;
}

export function formatRemitStylish(report: RemitReport, info: { claimFiles: number }): string {
  const out: string[] = [];
  const byRemit = new Map<string, RemitClaimResult[]>();
  for (const c of report.claims) {
    if (!byRemit.has(c.remit)) byRemit.set(c.remit, []);
    byRemit.get(c.remit)!.push(c);
  }
  for (const [remit, claims] of byRemit) {
    out.push(remit);
    for (const c of claims) out.push(...claimBlock(c));
    const plb = report.providerAdjustments.filter((p) => p.remit === remit);
    if (plb.length) out.push(`  provider adjustments (PLB): ${plb.map((p) => `${p.reason} ${dollars(p.amount)}`).join(', ')}`);
    out.push('');
  }
  const s = report.summary;
  const claimsUnmatched = report.unmatched.filter((u) => u.line === undefined).length;
  const linesUnmatched = report.unmatched.length - claimsUnmatched;
  const share = s.deniedLines ? ` (${((s.explainedLines / s.deniedLines) * 100).toFixed(1)}%, ${dollars(s.explainedAmount)})` : '';
  out.push(`${report.claims.length} claim payment${report.claims.length === 1 ? '' : 's'} against ${info.claimFiles} claim file${info.claimFiles === 1 ? '' : 's'}; not matched: ${claimsUnmatched} claim${claimsUnmatched === 1 ? '' : 's'}, ${linesUnmatched} service line${linesUnmatched === 1 ? '' : 's'}`);
  out.push(`Denied lines: ${s.deniedLines} (${dollars(s.deniedAmount)}); explained by claimlint: ${s.explainedLines}${share}; not predictable: ${s.unknowableLines}; not predicted: ${s.missedLines}`);
  if (s.deniedClaims) out.push(`Claims denied as a whole: ${s.deniedClaims}; explained by claimlint: ${s.explainedClaims}; not predictable: ${s.unknowableClaims}; not predicted: ${s.missedClaims}`);
  if (s.missedByReason.length) out.push(`Not predicted, by reason: ${s.missedByReason.map((m) => `${m.reason} ${m.short} (${[m.lines ? `${m.lines} line${m.lines === 1 ? '' : 's'}` : '', m.claims ? `${m.claims} claim${m.claims === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ')}, ${dollars(m.amount)})`).join('; ')}`);
  out.push(`Adjusted in all: ${dollars(s.adjustedAmount)}${s.providerAdjustmentAmount ? `; provider adjustments (PLB): ${dollars(s.providerAdjustmentAmount)}` : ''}`);
  return out.map(terminalSafe).join('\n') + '\n';
}

function loadRenderer(): typeof ReportHtml {
  // esbuild.js turns this into require('./report.js') in the bundle, as for `claimlint --format html`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  return require('../../report/html') as typeof ReportHtml;
}

export function formatRemitHtml(report: RemitReport, files: readonly AuditedFile[], version: string): string {
  return loadRenderer().buildHtmlReport(
    files.map((f) => ({ path: f.path, claims: f.claims, findings: reportFindings(f.findings) })),
    { version, generatedAt: generatedAt(), includePatientIds: false, ruleHref: docsUrl, title: 'Claim audit report with payer decisions', payer: payerFigures(report) },
  );
}
