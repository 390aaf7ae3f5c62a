/** Reads fixtures and writes/compares docs/rules/*.md; shared by gen-docs and the drift test. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../src/core/rules';
import { audit, resolveConfig } from '../../src/core';
import { ruleDocPage, rulesIndex, type FixKind, type RuleExample } from '../../tools/docgen/ruleDocs';
import { sourcesPage } from '../../tools/docgen/sourcesPage';
import { remitPage } from '../../tools/docgen/remitPage';

export function expectedDocs(root: string): Map<string, string> {
  const pages = new Map<string, string>();
  const kinds = fixKinds(root);
  for (const rule of ALL_RULES) pages.set(`docs/rules/${rule.id}.md`, ruleDocPage(rule, firstFailingFixture(root, rule.id), kinds.get(rule.id)));
  pages.set('docs/sources.md', sourcesPage());
  pages.set('docs/remit.md', remitPage());
  pages.set('docs/rules/README.md', `# Rules\n\nGenerated from the rule metadata by \`npm run gen:docs\`.\n\n${rulesIndex(ALL_RULES, kinds).replace(/\(docs\/rules\//g, '(')}\n`);
  return pages;
}

/** The README's rules table sits between these markers. */
export const README_MARKERS = ['<!-- rules:start -->', '<!-- rules:end -->'] as const;

export function readmeRulesTable(root: string): string {
  return rulesIndex(ALL_RULES, fixKinds(root));
}

/**
 * What each rule's findings offer, as its fixtures show: 'fix' when some finding has a
 * preferred fix (`--fix` and fix-all apply those), 'choice' when its fixes are only offered
 * in the editor (the right one depends on facts), 'none' otherwise. A rule marked fixable
 * whose fixtures never produce a preferred fix is therefore not claimed for `--fix`.
 */
export function fixKinds(root: string): Map<string, FixKind> {
  const out = new Map<string, FixKind>();
  const config = resolveConfig();
  for (const rule of ALL_RULES) {
    const dir = join(root, 'test', 'fixtures', 'rules', rule.id);
    let kind: FixKind = 'none';
    if (existsSync(dir)) {
      for (const name of readdirSync(dir).filter((f) => /\.claim\.ya?ml$/.test(f))) {
        for (const f of audit(readFileSync(join(dir, name), 'utf8'), { config }).findings) {
          if (f.rule !== rule.id || !f.fixes.length) continue;
          if (f.fixes.some((x) => x.preferred)) kind = 'fix';
          else if (kind === 'none') kind = 'choice';
        }
      }
    }
    out.set(rule.id, kind);
  }
  return out;
}

function firstFailingFixture(root: string, ruleId: string): RuleExample | undefined {
  const together = join(root, 'test', 'fixtures', 'patients', ruleId);
  if (existsSync(together)) {
    // A cross-claim rule: its example is several files audited together.
    const names = readdirSync(together).filter((f) => /\.claim\.ya?ml$/.test(f)).sort();
    const text = names.map((n) => `# ── ${n} ──\n${trimHeader(readFileSync(join(together, n), 'utf8'))}`).join('\n');
    return { file: `test/fixtures/patients/${ruleId}/ (${names.join(', ')}, audited together)`, text };
  }
  const dir = join(root, 'test', 'fixtures', 'rules', ruleId);
  if (!existsSync(dir)) return undefined;
  for (const name of readdirSync(dir).filter((f) => /\.claim\.ya?ml$/.test(f)).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (!new RegExp(`expect(-next-line)?:[^\\n]*\\b${ruleId}\\b`).test(text)) continue;
    const snap = join(dir, name.replace(/\.claim\.ya?ml$/, '.fixed.yaml'));
    return { file: `test/fixtures/rules/${ruleId}/${name}`, text, fixed: existsSync(snap) ? readFileSync(snap, 'utf8') : undefined };
  }
  return undefined;
}

/** A fixture's leading directive/comment header (kept in one-file examples by the page generator). */
function trimHeader(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  while (lines.length && /^#.*(claimlint-disable-file|fixture)/i.test(lines[0])) lines.shift();
  return lines.join('\n');
}
