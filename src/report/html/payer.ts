/**
 * The report's "Payer decisions" section (issue 27): what the 835s said beside what
 * claimlint found. Denials by reason (bars: denied lines, explained ones over them), amounts
 * adjusted by reason and group, the denied lines claimlint explained (count, share, dollars),
 * and the denied lines no rule predicted, grouped by reason. Claim ids, codes, amounts and
 * rule ids only.
 */
import type { PayerFigures } from '../figures/payer';
import { countBars } from './charts';
import { escapeHtml } from './escape';

function int(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function money(x: number): string {
  const c = Math.round(Math.abs(x) * 100);
  return `${x < 0 && c ? '−' : ''}$${int(Math.floor(c / 100))}.${String(c % 100).padStart(2, '0')}`;
}

function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function card(label: string, value: string, sub: string): string {
  return `<div class="card"><dt>${label}</dt><dd>${value}<span class="sub">${sub}</span></dd></div>`;
}

/** The section's own style, so that a report without it is the same page as before. */
const STYLE = '.bar-explained rect { fill: var(--bar-ok); } #payer table { margin: 10px 0; } #payer caption { text-align: left; font-weight: 600; padding: 4px 0; } #payer-missed li { margin: 2px 0; }';

const GROUPS: Record<string, string> = { CO: 'contractual obligation', PR: 'patient responsibility', OA: 'other adjustment', PI: 'payer initiated reduction', CR: 'correction or reversal' };

export function payerSection(p: PayerFigures): string {
  const cards = [
    card('Denied lines', int(p.deniedLines), `of ${int(p.lines)} service lines in the 835s; ${money(p.deniedAmount)}`),
    card('Explained by claimlint', int(p.explainedLines), `${percent(p.explainedShare)} of denied lines, ${money(p.explainedAmount)}; ${percent(p.predictableShare)} of those a rule could predict`),
    card('Not predictable', int(p.unknowableLines), 'denied for reasons no claim file shows (filing dates, coverage, duplicates, patient share)'),
    card('Not predicted', int(p.missedLines), 'denied for reasons a rule could catch: the list below'),
    card('Amounts adjusted', money(p.adjustedAmount), p.byGroup.map((g) => `${escapeHtml(g.group)} ${money(g.amount)}`).join(' · ') || 'none'),
    card('Provider adjustments', money(p.providerAdjustmentAmount), 'PLB, not tied to a claim'),
  ];
  const whole = p.deniedClaims
    ? `<p class="note" id="payer-whole">Also denied as a whole (claim-level adjustment, often without line detail): ${int(p.deniedClaims)} claim${p.deniedClaims === 1 ? '' : 's'}; ${int(p.explainedClaims)} explained by a finding on the claim, ${int(p.unknowableClaims)} not predictable, ${int(p.missedClaims)} not predicted.</p>`
    : '';
  const unmatched = p.unmatchedClaims || p.unmatchedLines ? `<p class="note">Not matched to a claim file: ${int(p.unmatchedClaims)} claim payment${p.unmatchedClaims === 1 ? '' : 's'} and ${int(p.unmatchedLines)} service line${p.unmatchedLines === 1 ? '' : 's'} (listed by <code>claimlint remit</code>).</p>` : '';
  const denials = p.denials.length
    ? `<figure id="chart-denials"><figcaption>Denials by reason</figcaption><div class="legend"><span><span class="swatch all"></span>denied lines</span><span><span class="swatch supported"></span>explained by a finding</span></div>${countBars(
        p.denials.map((r) => ({ key: r.reason, findings: r.deniedLines, errors: Math.min(r.explainedLines, r.deniedLines) })),
        'Denied service lines',
        undefined,
        { titleOf: (c) => `${c.key}: ${c.findings} denied, ${c.errors} explained`, overlayClass: 'bar-explained' },
      )}</figure>`
    : '<p class="note">No service line was denied.</p>';
  const rows = p.byReason
    .map(
      (r) =>
        `<tr><td><code>${escapeHtml(r.reason)}</code></td><td>${escapeHtml(r.short)}${r.predictable ? '' : ' <span class="tag" title="No claim file can show this reason">not predictable</span>'}</td><td>${escapeHtml(GROUPS[r.reason.split('-')[0]] ?? '')}</td><td class="num">${int(r.lines)}</td><td class="num">${int(r.deniedLines)}</td><td class="num">${int(r.explainedLines)}</td><td class="num">${money(r.amount)}</td></tr>`,
    )
    .join('\n');
  const adjusted = `<table id="payer-reasons"><caption>Amounts adjusted, by reason</caption><thead><tr><th>Reason</th><th>Meaning</th><th>Group</th><th class="num">Lines</th><th class="num">Denied</th><th class="num">Explained</th><th class="num">Amount</th></tr></thead><tbody>
${rows}
</tbody></table>`;
  const missed = p.missed.length
    ? `<h3 id="payer-missed-h">Denials claimlint did not predict</h3><p class="note">The to-do list for new rules: denied lines with a reason a rule could catch and no finding that predicts it.</p><ul id="payer-missed">${p.missed
        .map(
          (g) =>
            `<li><code>${escapeHtml(g.reason)}</code> ${escapeHtml(g.short)}: ${int(g.lines)} line${g.lines === 1 ? '' : 's'}${g.claims ? ` and ${int(g.claims)} whole claim${g.claims === 1 ? '' : 's'}` : ''}, ${money(g.amount)}<ul>${g.items
              .map((i) => `<li><span class="claim-id">${escapeHtml(i.claimId)}</span> ${i.wholeClaim ? 'the whole claim' : `${i.line === null ? '(no matching line)' : `service line ${i.line}`} (${escapeHtml(i.code)})`} ${money(i.amount)}${i.file ? ` <span class="path">${escapeHtml(i.file)}</span>` : ''}</li>`)
              .join('')}</ul></li>`,
        )
        .join('')}</ul>`
    : p.deniedLines
      ? '<p class="note">Every denial a rule could predict was predicted by a finding.</p>'
      : '';
  return `<section id="payer" aria-labelledby="payer-h"><h2 id="payer-h">Payer decisions</h2>
<style>${STYLE}</style>
<p class="note">From ${int(p.remits)} remittance file${p.remits === 1 ? '' : 's'} (835): ${int(p.claimPayments)} claim payment${p.claimPayments === 1 ? '' : 's'}. A line is denied when nothing was paid and a CO or PI adjustment took it; explained when a finding on it (or its claim) predicts one of its reasons.</p>
<dl class="cards">${cards.join('')}</dl>
${whole}${unmatched}
<div class="charts">${denials}</div>
${adjusted}
${missed}
</section>`;
}
