/**
 * Rule documentation pages, generated from each rule's metadata plus its first failing
 * fixture (the example) and that fixture's fixed snapshot (the fix). Pure: the callers
 * (scripts/gen-docs.js and the drift test) read and write the files.
 */
import { linkSources, type Rule } from '../../src/core';
import { DOCUMENTATION_EXAMPLES, type DocExample, type RuleExamples } from './documentationExamples';

/** The sources page as a rule page (docs/rules/<id>.md) reaches it. */
const SOURCES_PAGE = '../sources.md';

export interface RuleExample {
  /** Fixture path relative to the repository root. */
  file: string;
  text: string;
  fixed?: string;
}

const SEVERITY_WORD = { error: 'error', warning: 'warning', info: 'info' } as const;

/** What a rule's findings offer (from its fixtures): a fix `--fix` applies, fixes to choose from in the editor, or none. */
export type FixKind = 'fix' | 'choice' | 'none';

const FIX_WORDS: Record<FixKind, string> = {
  fix: 'yes: `claimlint --fix` and Fix All apply it',
  choice: 'offered in the editor to choose from; `--fix` applies none (the right one depends on the facts)',
  none: 'no',
};

export function ruleDocPage(rule: Rule, example?: RuleExample, fix: FixKind = rule.fixable ? 'fix' : 'none'): string {
  const out: string[] = [];
  out.push(`# ${rule.id}`, '', `> ${rule.description}.`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Category | ${rule.category} |`);
  out.push(`| Default severity | ${SEVERITY_WORD[rule.defaultSeverity]} |`);
  out.push(`| Quick fix | ${FIX_WORDS[fix]} |`);
  out.push('', '## Why', '', linkSources(rule.rationale, SOURCES_PAGE), '', '## Source', '', linkSources(rule.source, SOURCES_PAGE), '');
  out.push('Each source is described, with its publisher, date and what it supports, in [docs/sources.md](../sources.md).', '');
  const examples = DOCUMENTATION_EXAMPLES[rule.id];
  if (examples) out.push(...examplesSection(examples));
  if (rule.checkPatient) {
    out.push('## Across claims', '');
    out.push(
      "This rule looks across claims: the claims of every file audited together are grouped by `patient.id` (claims without one stay alone) " +
        'and read in date order. In the editor the group is the workspace; on the command line, every file of the run (`--patient-scope file` ' +
        'keeps each file on its own). A finding that depends on another claim points at it (LSP related information); the message names claims ' +
        'by claim id and file, never by patient values.',
      '',
    );
  }
  if (example) {
    out.push('## Example that fails', '', `From \`${example.file}\` (the \`# expect:\` comments mark each finding):`, '');
    out.push('```yaml', trimFixture(example.text), '```', '');
    out.push('## The fix', '');
    if (example.fixed !== undefined) out.push('Applying the preferred quick fixes (`claimlint --fix`) changes:', '', '```diff', lineDiff(example.text, example.fixed), '```', '');
    else out.push('This example has no automatic fix: the right correction depends on facts only the auditor has (see the message).', '');
  }
  out.push('## Configuration', '');
  out.push('In `.claimlintrc.yaml` (or the `claimlint.rules` setting in VS Code):', '');
  out.push('```yaml', 'rules:', `  ${rule.id}: warning   # or "off", "error", "info"`, '```', '');
  out.push('Or inline, in the claim file:', '', '```yaml', `# claimlint-disable-next-line ${rule.id}`, '```', '');
  return out.join('\n');
}

function exampleLine(e: DocExample): string {
  const parts: string[] = [];
  if (e.field !== undefined) parts.push(e.text === '' ? `${e.field} written empty ("")` : `${e.field}: "${e.text ?? ''}"`);
  if (e.omit?.length) parts.push(`without ${e.omit.join(', ')}`);
  return `- ${e.code} — ${parts.join('; ')}`;
}

/** The rule's short examples: what passes (no documentation rule reports it) and what it reports. */
function examplesSection(examples: RuleExamples): string[] {
  return [
    '## Examples',
    '',
    'Each line below is a complete, strong note except for what is shown (test/unit/docRuleExamples.test.ts audits every one).',
    '',
    'Written well enough — no documentation rule reports these:',
    '',
    ...examples.adequate.map(exampleLine),
    '',
    'Reported:',
    '',
    ...examples.reported.map(exampleLine),
    '',
  ];
}

/** The rules table; Fix: ✔ when `--fix` applies the rule's fix, "choose" when the editor offers fixes to pick from. */
export function rulesIndex(rules: Rule[], fixes: ReadonlyMap<string, FixKind>): string {
  const out = ['| Rule | Checks | Severity | Fix |', '|---|---|---|---|'];
  const cell = { fix: '✔', choice: 'choose', none: '' } as const;
  for (const r of rules) out.push(`| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.description} | ${r.defaultSeverity} | ${cell[fixes.get(r.id) ?? 'none']} |`);
  return out.join('\n');
}

/** Drop the fixture's leading directive/comment header; keep the claim readable. */
function trimFixture(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  while (lines.length && /^#.*(claimlint-disable-file|fixture)/i.test(lines[0])) lines.shift();
  return lines.join('\n');
}

/** Changed lines only, as a minimal unified-style diff (fixtures change a few lines). */
function lineDiff(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    // Find the next line where both sides meet again.
    let found = false;
    for (let k = 0; k < 8 && !found; k++) {
      for (let l = 0; l < 8 && !found; l++) {
        if (i + k < x.length && j + l < y.length && x[i + k] === y[j + l] && (k || l)) {
          for (let m = 0; m < k; m++) out.push(`- ${x[i + m]}`);
          for (let m = 0; m < l; m++) out.push(`+ ${y[j + m]}`);
          i += k;
          j += l;
          found = true;
        }
      }
    }
    if (!found) {
      if (i < x.length) out.push(`- ${x[i++]}`);
      if (j < y.length) out.push(`+ ${y[j++]}`);
    }
  }
  return out.join('\n');
}
