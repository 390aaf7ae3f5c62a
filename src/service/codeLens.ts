/**
 * Code lenses: on each claim, its timed minutes, the units they support, the units billed
 * and an estimated national payment; on a line whose units a units rule flags, the
 * right number, applying the fix when clicked.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver';
import { plural, RULES_BY_ID, type Analysis, type ClaimAccrual, type LocatedFinding, type PlacedClaim, type ResolvedConfig } from '../core';
import { DISCIPLINE_LABEL } from '../core/explain';
import { CLIENT_COMMANDS, SERVER_COMMANDS } from '../protocol';
import { rangeOf } from './edits';
import { dollars, visitSummary, type VisitSummary } from './visitSummary';

export function codeLenses(analysis: Analysis, doc: TextDocument, config: ResolvedConfig): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const claim of analysis.claims) {
    const titles = claimLensTitles(analysis, claim, config);
    if (!titles.length) continue;
    const at = rangeOf(doc, { start: claim.anchor, end: claim.anchor });
    for (const title of titles) lenses.push({ range: at, command: { title, command: '' } });
  }
  for (const finding of analysis.findings) {
    if (!isUnitsFinding(finding)) continue;
    const fixes = [...finding.fixes].sort((a, b) => Number(b.preferred === true) - Number(a.preferred === true)).slice(0, 3);
    for (const fix of fixes) {
      lenses.push({
        range: rangeOf(doc, finding.span),
        command: {
          title: `→ ${fix.title}`,
          command: SERVER_COMMANDS.applyFix,
          arguments: [doc.uri, doc.version, finding.rule, fix.id, finding.range.start.line],
        },
      });
    }
  }
  return lenses;
}

/**
 * The summary lenses' titles of each parsed claim, per config and data (the analysis' key):
 * a claim an edit did not touch keeps its parsed claim, so after an edit only the edited
 * claims are summed up again, not every claim of the file.
 */
const titlesOf = new WeakMap<PlacedClaim['parsed'], { key: string; titles: string[] }>();

/** The titles of a claim's summary lenses (none when the claim does not validate). */
export function claimLensTitles(analysis: Analysis, claim: PlacedClaim, config: ResolvedConfig): string[] {
  const hit = titlesOf.get(claim.parsed);
  if (hit && hit.key === analysis.configKey) return hit.titles;
  const v = claim.validated();
  const titles = v.claim ? summaryTitles(visitSummary(v.claim, v.lineIndex, v.complete, config, analysis.data)) : [];
  titlesOf.set(claim.parsed, { key: analysis.configKey, titles });
  return titles;
}

/** One lens per 8-minute pool (per discipline), the estimate on the last. */
function summaryTitles(s: VisitSummary): string[] {
  const rule = s.unitRule === 'per-code' ? ' (per-code)' : '';
  const several = s.pools.length > 1;
  const titles = s.pools.map((p) => {
    const label = several ? `${p.discipline ? DISCIPLINE_LABEL[p.discipline] : 'No discipline'}: ` : '';
    const missing = p.missingMinutes ? ' (some minutes missing)' : '';
    return `${label}${p.timedMinutes} timed min → ${plural(p.supportedUnits, 'unit')} supported${rule}${missing} · ${p.billedUnits} billed`;
  });
  if (!titles.length) titles.push('no timed codes');
  if (s.estimate.priced > 0) {
    const unpriced = s.estimate.unpriced ? ` + ${plural(s.estimate.unpriced, 'unpriced line')}` : '';
    const basis = s.estimate.locality ? `locality ${s.estimate.locality}` : 'national, unadjusted';
    titles[titles.length - 1] += ` · est. ${dollars(s.estimate.amount)} for ${plural(s.estimate.units, 'billed unit')} (${basis}; MPPR applied)${unpriced}`;
  }
  return titles;
}

/**
 * The year's accrued amounts at each claim of a patient (issue 23), from the workspace's
 * patient index: "$2,212.40 PT+SLP before this visit; KX from $2,480". A click opens the
 * Audit Summary, whose per-patient view has the whole year.
 */
export function accrualLenses(accruals: readonly ClaimAccrual[]): CodeLens[] {
  return accruals.map((a) => ({ range: { start: a.claim.range.start, end: a.claim.range.start }, command: { title: a.text, command: CLIENT_COMMANDS.showAuditSummary } }));
}

/** A finding of a units rule on a `units` value that carries a fix. */
function isUnitsFinding(f: LocatedFinding): boolean {
  return RULES_BY_ID.get(f.rule)?.category === 'units' && /\.units$/.test(f.path) && f.fixes.length > 0;
}
