/**
 * The audit report as one self-contained HTML page: summary figures, charts (inline SVG),
 * and the claims table with every finding. Used as a file (`claimlint --format html`) and
 * as the VS Code Audit Summary webview; only the mode's wrapper differs. No network: the
 * page loads nothing, and its Content Security Policy forbids loading anything. The same
 * figures give the same bytes, apart from the generated-at line.
 */
import { createHash } from 'node:crypto';
import { docsUrl } from '../../core/lite';
import type { ReportClaim, ReportLine } from '..';
import type { AuditFigures, ClaimRow, Count, ReportFinding } from '../figures/figures';
import type { PayerFigures } from '../figures/payer';
import { payerSection } from './payer';
import type { PatientSummary } from '..';
import { patientsSection } from './patients';
import { renderCharts } from './charts';
import { escapeHtml } from './escape';

export { escapeHtml };
import { SCRIPT } from './script';
import { STYLE } from './style';

export interface RenderOptions {
  /** claimlint version, shown in the header. */
  version: string;
  /** The only line that differs between two runs on the same input. */
  generatedAt?: string;
  /** Show each claim's patient id (off by default: claim ids and field paths only). */
  includePatientIds?: boolean;
  /** Link to a rule's documentation page (default: its page in the repository). */
  ruleHref?: (ruleId: string) => string;
  /** In a webview: its CSP source and a fresh nonce for the style and script elements. */
  webview?: { cspSource: string; nonce: string };
  title?: string;
  /** What the report covers, in words ("Folder claims/2026-03 of workspace acme"), shown under the title. */
  scope?: string;
  /** The "Payer decisions" section (`claimlint remit --format html`): what the 835s said. */
  payer?: PayerFigures;
  /** The per-patient view (a section after the claims): patients named "Patient 1", …, never by id. */
  patients?: readonly PatientSummary[];
}

/**
 * A long path shortened to its last folders and file name ("…/2026-03/knee.claim.yaml");
 * the full path goes in a tooltip.
 */
export function shortPath(path: string, keep = 2): string {
  const parts = path.split('/');
  return parts.length > keep + 1 ? `…/${parts.slice(-keep - 1).join('/')}` : path;
}

function plural(n: number, word: string): string {
  return `${formatInt(n)} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Claims worst first: most errors, then the largest amount at stake (over- or underpaid),
 * then the order of the files and claims.
 */
export function worstFirst(rows: readonly ClaimRow[]): ClaimRow[] {
  const stake = (r: ClaimRow) => Math.abs(r.amountDelta ?? 0);
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => b.row.errors - a.row.errors || stake(b.row) - stake(a.row) || a.i - b.i)
    .map((x) => x.row);
}


export function formatInt(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  return (n < 0 ? '−' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatMoney(x: number): string {
  const cents = Math.round(Math.abs(x) * 100);
  const whole = formatInt(Math.floor(cents / 100));
  return `${x < 0 && cents ? '−' : ''}$${whole}.${String(cents % 100).padStart(2, '0')}`;
}

export function formatPercent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;
const NATIONAL = '<span class="tag" title="National Medicare amounts for the date of service, unadjusted for locality">national, unadjusted</span>';

/** The amounts' basis as a tag: "national, unadjusted" only when no locality priced any claim. */
function moneyTag(m: AuditFigures['money']): string {
  if (!m.localities.length) return NATIONAL;
  const label = m.localities.length === 1 ? `locality ${m.localities[0]}` : `${m.localities.length} localities`;
  return `<span class="tag" title="${escapeHtml(m.basis)}">${escapeHtml(label)}${m.nationalClaims ? ' (some national)' : ''}</span>`;
}

function footerNote(m: AuditFigures['money']): string {
  if (!m.localities.length) return 'Amounts are estimates at national Medicare rates for each date of service, unadjusted for locality (GPCI), and are not a payment determination.';
  return `Amounts are estimates at Medicare rates for each date of service, not a payment determination: ${escapeHtml(m.basis)}`;
}

function card(label: string, value: string, sub: string, extraClass = ''): string {
  return `<div class="card${extraClass}"><dt>${label}</dt><dd>${value}<span class="sub">${sub}</span></dd></div>`;
}

function summary(f: AuditFigures): string {
  const u = f.timedUnits;
  const m = f.money;
  const notCounted = u.claimsNotCounted ? `; ${formatInt(u.claimsNotCounted)} claim${u.claimsNotCounted === 1 ? '' : 's'} not counted` : '';
  const cards = [
    card('Claims audited', formatInt(f.claims), `${formatInt(f.lines)} service lines in ${formatInt(f.files)} file${f.files === 1 ? '' : 's'}`),
    card('Claims with an error', formatInt(f.claimsWithErrors), `${formatPercent(f.claimErrorRate)} of claims`),
    card('Line error rate', formatPercent(f.lineErrorRate), `${formatInt(f.linesWithErrors)} of ${formatInt(f.lines)} service lines`),
    card('Timed units billed', formatInt(u.billed), `${formatInt(u.supported)} supported by the minutes${notCounted}`),
    card('Units over / under', `${formatInt(u.over)} / ${formatInt(u.under)}`, 'billed above / below the supported units'),
    card('Est. overpayment', formatMoney(m.overpayment), moneyTag(m), ' money'),
    card('Est. underpayment', formatMoney(m.underpayment), moneyTag(m), ' money'),
    card('Net', formatMoney(m.net), `${moneyTag(m)} overpayment − underpayment`, ' money'),
    card('Findings', formatInt(f.findings.error + f.findings.warning + f.findings.info), `${formatInt(f.findings.error)} errors, ${formatInt(f.findings.warning)} warnings, ${formatInt(f.findings.info)} notes`),
  ];
  const unpriced = m.unpricedUnits ? ` ${formatInt(m.unpricedUnits)} billed unit${m.unpricedUnits === 1 ? '' : 's'} of codes with no national amount for the date are not priced.` : '';
  const fileLevel = f.fileLevelFindings ? ` ${formatInt(f.fileLevelFindings)} finding${f.fileLevelFindings === 1 ? '' : 's'} lie outside any claim (a file or document that could not be read as claims).` : '';
  return `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<dl class="cards">${cards.join('')}</dl>
<p class="basis">Dollar figures: ${escapeHtml(m.basis)}${unpriced}${fileLevel}</p>
</section>`;
}

function figure(id: string, caption: string, svg: string, legend = ''): string {
  return `<figure id="${id}"><figcaption>${caption}</figcaption>${legend}${svg}</figure>`;
}

const COUNT_LEGEND = '<div class="legend"><span><span class="swatch all"></span>all findings</span><span><span class="swatch errors"></span>errors</span></div>';
const UNIT_LEGEND = '<div class="legend"><span><span class="swatch billed"></span>billed</span><span><span class="swatch supported"></span>supported by the minutes</span></div>';

function charts(f: AuditFigures): string {
  const c = renderCharts(f, (id) => `#rule=${encodeURIComponent(id)}`);
  return `<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">Findings</h2>
<p class="note no-print">Click a rule's bar to show only the claims with that rule.</p>
<div class="charts">
${figure('chart-rule', 'By rule', c.byRule, COUNT_LEGEND)}
${figure('chart-category', 'By category', c.byCategory, COUNT_LEGEND)}
${figure('chart-npi', 'By rendering NPI', c.byNpi, COUNT_LEGEND)}
${figure('chart-discipline', 'By discipline', c.byDiscipline, COUNT_LEGEND)}
${figure('chart-units', 'Timed units billed vs supported, by code', c.units, UNIT_LEGEND)}
</div>
</section>`;
}

function findingItem(x: ReportFinding, fileIndex: number, file: string, opts: RenderOptions): string {
  const r = x.range;
  const line = r.start.line + 1;
  const where = opts.webview
    ? `<button class="loc" type="button" data-loc="${fileIndex}:${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}" title="Open ${escapeHtml(file)} at line ${line}">line ${line}</button>`
    : `<span class="path">${escapeHtml(file)}:${line}:${r.start.character + 1}</span>`;
  const rule = escapeHtml(x.rule);
  return `<li class="sev-${x.severity}" data-rule="${rule}"><span class="sev">${x.severity}</span> <a class="rule" data-rule="${rule}" href="${escapeHtml((opts.ruleHref ?? docsUrl)(x.rule))}">${rule}</a> ${escapeHtml(x.message)} <code class="path">${escapeHtml(x.path)}</code> ${where}</li>`;
}

/**
 * Each billed line's Medicare amount in the one phrase the hover, Code Details and code lens
 * show ("Line 2 · 97140 × 1: $27.72 national 2026, MPPR applied as the 2nd service").
 */
function linePrices(c: ReportClaim): string {
  const billed = c.lines.filter((l) => l.price && l.units > 0);
  if (!billed.length) return '';
  const item = (l: ReportLine) => `<li><span class="line-no">Line ${l.index + 1}</span> · ${escapeHtml(l.code)} × ${formatInt(l.units)}: ${escapeHtml(l.price!.phrase)}</li>`;
  return `<ul class="lines" aria-label="Service lines priced">${billed.map(item).join('')}</ul>`;
}

function claimRow(row: ClaimRow, order: number, fileIndex: number, opts: RenderOptions): string {
  const c = row.claim;
  const rules = [...new Set(row.findings.map((x) => x.rule))].sort();
  const worst = row.worst ? SEVERITY_RANK[row.worst] : 0;
  const amount = row.amountDelta ?? 0;
  const units = row.billedUnits === undefined ? '<span title="Not counted: a line failed the schema or a timed line has no minutes">n/a</span>' : `${formatInt(row.billedUnits)} / ${formatInt(row.supportedUnits ?? 0)}`;
  const delta = row.amountDelta === undefined ? 'n/a' : row.amountDelta === 0 ? '$0.00' : `${row.amountDelta > 0 ? '+' : ''}${formatMoney(row.amountDelta)}`;
  const label = c.id !== undefined ? `<span class="claim-id">${escapeHtml(c.id)}</span>` : '<span class="clean">(no id)</span>';
  const findings =
    linePrices(c) +
    (row.findings.length
      ? `<ul class="findings">${row.findings.map((x) => findingItem(x, fileIndex, row.file, opts)).join('')}</ul>`
      : '<span class="clean">No findings</span>');
  const patient = opts.includePatientIds ? `<td class="c-patient">${escapeHtml(c.patientId ?? '')}</td>` : '';
  const where = `${row.file} · ${c.path}`;
  // Columns a narrow window (or a printed page) folds into the claim cell: its .meta line.
  const meta = [c.date, c.npi ? `NPI ${c.npi}` : undefined, c.discipline, plural(row.warnings + row.infos, 'warning')].filter(Boolean).map((x) => escapeHtml(String(x))).join(' · ');
  return `<tr class="claim-row" data-order="${order}" data-claim="${escapeHtml(`${row.file}\t${c.id ?? c.path}`)}" data-severity="${worst}" data-errors="${row.errors}" data-amount="${amount}" data-rules="${escapeHtml(rules.join(' '))}">
<td class="c-claim">${label}<br><span class="path" title="${escapeHtml(where)}">${escapeHtml(shortPath(row.file))} · ${escapeHtml(c.path)}</span><span class="meta-fold">${meta}</span></td><td class="c-date">${escapeHtml(c.date ?? '')}</td><td class="c-npi">${escapeHtml(c.npi ?? '')}</td><td class="c-disc">${escapeHtml(c.discipline ?? '')}</td>${patient}<td class="num c-err">${row.errors}</td><td class="num c-warn">${row.warnings + row.infos}</td><td class="num c-units">${units}</td><td class="num c-amount">${delta}</td><td class="c-findings">${findings}</td></tr>`;
}

function claimsTable(f: AuditFigures, files: readonly string[], opts: RenderOptions): string {
  const index = new Map(files.map((p, i) => [p, i]));
  const options = f.byRule.map((c: Count) => `<option value="${escapeHtml(c.key)}">${escapeHtml(c.key)} (${c.findings})</option>`).join('');
  const patient = opts.includePatientIds ? '<th class="c-patient">Patient</th>' : '';
  const rows = worstFirst(f.rows)
    .map((r, i) => claimRow(r, i, index.get(r.file) ?? 0, opts))
    .join('\n');
  return `<section id="claims" aria-labelledby="claims-h"><h2 id="claims-h">Claims</h2>
<p class="note">Worst first: most errors, then the largest amount at stake.</p>
<div class="controls"><label>Rule <select id="rule-filter"><option value="">All rules</option>${options}</select></label><button type="button" id="clear-filter">Show all</button><span id="shown-count" class="note" aria-live="polite">${formatInt(f.rows.length)} claims</span></div>
<table id="claims-table"><thead><tr><th class="c-claim"><button class="sort" type="button" data-sort="claim">Claim</button></th><th class="c-date">Date</th><th class="c-npi">Rendering NPI</th><th class="c-disc">Discipline</th>${patient}<th class="num c-err"><button class="sort" type="button" data-sort="severity">Errors</button></th><th class="num c-warn">Warnings</th><th class="num c-units">Timed units billed / supported</th><th class="num c-amount"><button class="sort" type="button" data-sort="amount">Est. amount at stake</button> ${moneyTag(f.money)}</th><th class="c-findings">Findings</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

/** Files are shown in the order given; rows keep the figures' order (file order, then claim order). */
export function renderReport(figures: AuditFigures, files: readonly string[], opts: RenderOptions): string {
  const wv = opts.webview;
  const nonceAttr = wv ? ` nonce="${wv.nonce}"` : '';
  const csp = wv
    ? `default-src 'none'; img-src ${wv.cspSource} data:; style-src ${wv.cspSource} 'nonce-${wv.nonce}'; script-src 'nonce-${wv.nonce}'; font-src ${wv.cspSource};`
    : `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '${'sha256-' + sha256(SCRIPT)}'; base-uri 'none'; form-action 'none'`;
  const title = escapeHtml(opts.title ?? 'Claim audit report');
  const generated = opts.generatedAt ? ` · <span class="generated">Generated ${escapeHtml(opts.generatedAt)}</span>` : '';
  let body = `${summary(figures)}
${charts(figures)}
${opts.payer ? payerSection(opts.payer) + '\n' : ''}${claimsTable(figures, files, opts)}${opts.patients ? `\n${patientsSection(opts.patients, files, opts)}` : ''}`;
  // Plot puts a <style> in each chart: under the webview's policy it needs the nonce too.
  if (wv) body = body.replace(/<style>/g, `<style${nonceAttr}>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimlint ${escapeHtml(opts.version)}">
<title>${title}</title>
<style${nonceAttr}>${STYLE}</style>
</head>
<body class="${wv ? 'mode-webview' : 'mode-file'}">
<header><h1>${title}</h1>${opts.scope ? `\n<p class="scope"><span class="scope-label">Covers</span> ${escapeHtml(opts.scope)}</p>` : ''}
<div id="busy" class="busy" role="status" aria-live="polite" hidden></div>
<p class="meta">claimlint ${escapeHtml(opts.version)} · ${formatInt(figures.files)} file${figures.files === 1 ? '' : 's'} · ${opts.includePatientIds ? 'patient ids included' : 'claim ids and field paths only, no patient data'}${generated}</p></header>
<main>
${body}
</main>
<footer><p class="note">${footerNote(figures.money)} Rule pages explain each finding.</p></footer>
<script${nonceAttr}>${SCRIPT}</script>
</body>
</html>
`;
}
