/**
 * Code lenses: on each claim, its timed minutes, the units they support, the units billed
 * and an estimated national payment; on a line whose units a units rule flags, the
 * right number, applying the fix when clicked.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver';
import type { ResolvedConfig } from '../../core/config/schema';
import { RULES_BY_ID } from '../../core/rules';
import type { LocatedFinding } from '../../core/types';
import { SERVER_COMMANDS } from '../protocol';
import type { AuditMemo } from './auditMemo';
import { claimModel } from './claimModel';
import { rangeOf } from './edits';
import { plural } from '../../core/text';
import { dollars, visitSummary, type VisitSummary } from './visitSummary';

export function codeLenses(memo: AuditMemo, doc: TextDocument, config: ResolvedConfig): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const claim of claimModel(doc.getText()).claims) {
    const v = claim.validated();
    if (!v.claim) continue;
    const summary = visitSummary(v.claim, v.lineIndex, v.complete, config);
    const at = rangeOf(doc, { start: claim.anchor, end: claim.anchor });
    lenses.push({ range: at, command: { title: summaryTitle(summary), command: '' } });
  }
  for (const finding of memo.audit(doc, config).findings) {
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

function summaryTitle(s: VisitSummary): string {
  const parts: string[] = [];
  if (s.timed.length) {
    const rule = s.unitRule === 'per-code' ? ' (per-code)' : '';
    const missing = s.missingMinutes ? ' (some minutes missing)' : '';
    parts.push(`${s.timedMinutes} timed min → ${plural(s.supportedUnits, 'unit')} supported${rule}${missing}`);
    parts.push(`${s.billedUnits} billed`);
  } else {
    parts.push('no timed codes');
  }
  if (s.estimate.priced > 0) {
    const unpriced = s.estimate.unpriced ? ` + ${plural(s.estimate.unpriced, 'unpriced line')}` : '';
    parts.push(`est. ${dollars(s.estimate.amount)} (national, non-QP)${unpriced}`);
  }
  return parts.join(' · ');
}

/** A finding of a units rule on a `units` value that carries a fix. */
function isUnitsFinding(f: LocatedFinding): boolean {
  return RULES_BY_ID.get(f.rule)?.category === 'units' && /\.units$/.test(f.path) && f.fixes.length > 0;
}
