/**
 * The findings as the report reads them: each with its rule's category, looked up here on
 * the engine's side, so that the HTML report (dist/report.js) and the editor's Audit Summary
 * need no rule registry of their own.
 */
import { RULES_BY_ID, type LocatedFinding } from '../../core';
import type { ReportFinding } from '../figures/figures';

export function reportFindings(findings: readonly LocatedFinding[]): ReportFinding[] {
  return findings.map(({ rule, severity, message, document, path, range }) => ({
    rule,
    category: RULES_BY_ID.get(rule)?.category ?? 'other',
    severity,
    message,
    document,
    path,
    range,
  }));
}
