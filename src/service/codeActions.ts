/**
 * Code actions for claimlint diagnostics, in the manner of vscode-eslint: each fix of the
 * finding (the core's preferred one marked), "fix all <rule> problems", "disable <rule> for
 * this line / file", "show documentation"; plus source.fixAll.claimlint for fix-on-save.
 * A diagnostic is matched back to its finding by rule id, range and fix ids, never by text.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { applyFixes, docsUrl, fixAll, fixKeepsYaml, preferredFix, type Analysis, type LocatedFinding, type ResolvedConfig } from '../core';
import { CLIENT_COMMANDS, FIX_ALL_KIND } from '../protocol';
import type { DocumentAnalyses } from './analyses';
import { diagnosticData } from './diagnostics';
import { disableForFileEdits, disableForLineEdits } from './directiveEdits';
import { diffEdit, lspEdits, rangeOf, workspaceEdit, type EditOptions } from './edits';

export function codeActions(
  analyses: DocumentAnalyses,
  doc: TextDocument,
  context: CodeActionContext,
  config: ResolvedConfig,
  options: EditOptions,
): CodeAction[] {
  const wants = (kind: string): boolean => !context.only || context.only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) out.push(...quickFixes(analyses.get(doc, config), doc, context.diagnostics, options));
  // Fix-all runs the audit several times: only when asked for (on save, "Source Action…").
  if (context.only && wants(FIX_ALL_KIND)) {
    const action = fixAllAction(analyses, doc, config, options);
    if (action) out.push(action);
  }
  return out;
}

function quickFixes(result: Analysis, doc: TextDocument, diagnostics: Diagnostic[], options: EditOptions): CodeAction[] {
  const text = doc.getText();
  const fixActions: CodeAction[] = [];
  const ruleActions: CodeAction[] = [];
  const perRule = new Set<string>();
  const perLine = new Set<string>();

  for (const diagnostic of diagnostics) {
    const data = diagnosticData(diagnostic);
    if (!data) continue;
    // A diagnostic of another version (say a claim was inserted above since): its range
    // and fixes would land on the wrong claim. Nothing until the new diagnostics arrive.
    if (data.version >= 0 && data.version !== doc.version) continue;
    const { rule } = data;
    const finding = findFinding(result.findings, doc, rule, diagnostic.range, data.fixes);
    for (const fix of finding?.fixes ?? []) {
      // A fix whose result would not parse is never offered.
      if (!fixKeepsYaml(text, fix)) continue;
      fixActions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: workspaceEdit(doc, lspEdits(doc, fix.edits), options),
      });
    }

    const line = diagnostic.range.start.line;
    if (!perLine.has(`${rule}\u0000${line}`)) {
      perLine.add(`${rule}\u0000${line}`);
      ruleActions.push({
        title: `Disable ${rule} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(doc, lspEdits(doc, disableForLineEdits(text, line, rule)), options),
      });
    }
    if (perRule.has(rule)) continue;
    perRule.add(rule);

    const fixable = result.findings.filter((f) => f.rule === rule && preferredFix(f));
    if (fixable.length > 1) {
      const fixed = applyFixes(text, fixable);
      if (fixed.applied > 0) {
        ruleActions.push({
          title: `Fix all ${rule} problems in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(doc, diffEdit(doc, text, fixed.text), options),
        });
      }
    }
    ruleActions.push({
      title: `Disable ${rule} for this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(doc, lspEdits(doc, disableForFileEdits(text, rule)), options),
    });
    const href = docsUrl(rule);
    ruleActions.push({
      title: `Show documentation for ${rule}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Show documentation for ${rule}`, command: CLIENT_COMMANDS.showRuleDocs, arguments: [rule, href] },
    });
  }
  return [...fixActions, ...ruleActions];
}

/** The finding a diagnostic was made from: same rule, same range, same fix ids. */
export function findFinding(
  findings: readonly LocatedFinding[],
  doc: TextDocument,
  rule: string,
  range: Range,
  fixIds: readonly string[],
): LocatedFinding | undefined {
  const candidates = findings.filter((f) => f.rule === rule && sameRange(rangeOf(doc, f.span), range));
  return (
    candidates.find((f) => f.fixes.length === fixIds.length && f.fixes.every((x, i) => x.id === fixIds[i])) ??
    candidates.find((f) => f.fixes.length > 0) ??
    candidates[0]
  );
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Every preferred fix, iterated until nothing fixable is left, pinned to the version. */
export function fixAllEdit(
  analyses: DocumentAnalyses,
  doc: TextDocument,
  config: ResolvedConfig,
  options: EditOptions,
): { edit: WorkspaceEdit; fixes: number; dropped: string[] } | undefined {
  const text = doc.getText();
  const fixed = fixAll(text, { config, cache: analyses.cache });
  if (fixed.applied === 0 || fixed.text === text) return undefined;
  return { edit: workspaceEdit(doc, diffEdit(doc, text, fixed.text), options), fixes: fixed.applied, dropped: fixed.dropped.map((d) => d.title) };
}

function fixAllAction(analyses: DocumentAnalyses, doc: TextDocument, config: ResolvedConfig, options: EditOptions): CodeAction | undefined {
  const fixed = fixAllEdit(analyses, doc, config, options);
  return fixed && { title: 'Fix all auto-fixable claimlint problems', kind: FIX_ALL_KIND, edit: fixed.edit };
}
