/** Core findings as LSP diagnostics: rule id in `code`, docs link, rule and fix ids in `data`. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { docsUrl, type LocatedFinding, type Severity } from '../core';
import { DIAGNOSTIC_SOURCE, type ClaimDiagnosticData } from '../protocol';
import { rangeOf } from './edits';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The other claims a cross-claim finding depends on (issue 23): file key (a URI), range there, what they say. */
export interface RelatedClaim {
  file: string;
  range: LocatedFinding['range'];
  message: string;
}

export function toDiagnostic(doc: TextDocument, finding: LocatedFinding & { related?: readonly RelatedClaim[] }): Diagnostic {
  const data: ClaimDiagnosticData = { rule: finding.rule, fixes: finding.fixes.map((f) => f.id), version: doc.version };
  const related = finding.related?.length
    ? { relatedInformation: finding.related.map((r) => ({ location: { uri: r.file, range: r.range }, message: r.message })) }
    : undefined;
  return {
    range: rangeOf(doc, finding.span),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    codeDescription: { href: docsUrl(finding.rule) },
    message: finding.message,
    ...related,
    data,
  };
}

/** The claimlint data of a diagnostic from the client, or undefined when it is not ours. */
export function diagnosticData(d: Diagnostic): ClaimDiagnosticData | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = d.data as Partial<ClaimDiagnosticData> | undefined;
  const rule = typeof data?.rule === 'string' ? data.rule : typeof d.code === 'string' ? d.code : undefined;
  if (!rule) return undefined;
  return {
    rule,
    fixes: Array.isArray(data?.fixes) ? data.fixes.filter((f): f is string => typeof f === 'string') : [],
    version: typeof data?.version === 'number' ? data.version : -1,
  };
}
