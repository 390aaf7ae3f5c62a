/**
 * One message style for billing people (issue 10 item 5): every finding produced over all
 * rule fixtures and examples is checked.
 * - A finding about a service line starts with that line as billing people count it, from
 *   1 and with its code: "Service line 2 (97110): …" (path claims[i].lines[1]…).
 * - Messages and fix titles never show a field path into the lines ("lines[1]") nor a
 *   0-based line number; the path stays in the finding's own `path`.
 * - No other leads: not a bare code ("97112: …", "97150 is …") nor "Per-code rule: …".
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../src/core/engine';
import type { LocatedFinding } from '../../src/core/types';
import { auditTogether, scenarioFiles, scenarios } from '../support/patientFixtures';
import { EXAMPLES, FIXTURES, ROOT } from '../support/paths';


function files(): string[] {
  const out: string[] = [];
  const rules = join(FIXTURES, 'rules');
  for (const rule of readdirSync(rules)) {
    for (const f of readdirSync(join(rules, rule))) if (/\.claim\.ya?ml$/.test(f)) out.push(join(rules, rule, f));
  }
  const examples = EXAMPLES;
  if (existsSync(examples)) for (const f of readdirSync(examples)) if (/\.claim\.ya?ml$/.test(f)) out.push(join(examples, f));
  return out;
}

/** The service line a finding's path points into, 0-based, or undefined for a claim-level finding. */
function lineOf(f: LocatedFinding): number | undefined {
  const m = /(?:^|\.)lines\[(\d+)\]/.exec(f.path);
  return m ? Number(m[1]) : undefined;
}

/** What is wrong with a finding's message and fix titles; empty when it follows the style. */
export function styleProblems(f: LocatedFinding): string[] {
  const problems: string[] = [];
  const texts = [f.message, ...f.fixes.map((x) => x.title)];
  for (const t of texts) {
    if (/lines\[/.test(t)) problems.push(`shows a field path into the lines: ${t}`);
    if (/\bservice lines? (?:[\d, +]+(?:and )?)*0\b/i.test(t)) problems.push(`counts service lines from 0: ${t}`);
  }
  if (/^Per-code rule/i.test(f.message)) problems.push(`"Per-code rule:" lead: ${f.message}`);
  if (/^[A-Z]?\d{4,5}[A-Z]?\b/.test(f.message)) problems.push(`starts with a bare code: ${f.message}`);
  const line = lineOf(f);
  if (line !== undefined) {
    const lead = new RegExp(`^Service lines? (?:[\\d, ]+ and )?${line + 1}\\b|^Service lines ${line + 1}\\b`);
    if (!lead.test(f.message)) problems.push(`a finding on lines[${line}] does not start with "Service line ${line + 1}": ${f.message}`);
  } else if (/^Service line/.test(f.message)) {
    problems.push(`a claim-level finding (${f.path}) names a service line as its lead: ${f.message}`);
  }
  return problems;
}

describe('message style (issue 10 item 5)', () => {
  const all = files();

  it('finds fixtures and examples to scan', () => {
    assert.ok(all.length > 50, `only ${all.length} files`);
  });

  it('every finding over all fixtures and examples follows the one style', () => {
    const problems: string[] = [];
    let lineFindings = 0;
    let total = 0;
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      for (const f of audit(text).findings) {
        total++;
        if (lineOf(f) !== undefined) lineFindings++;
        for (const p of styleProblems(f)) problems.push(`${file.slice(ROOT.length + 1)} [${f.rule}] ${p}`);
      }
    }
    assert.deepEqual(problems, []);
    // The scan must actually see line-level findings of many rules, with fixes.
    assert.ok(total > 150 && lineFindings > 120, `${total} findings, ${lineFindings} on lines`);
  });

  it('the checks across claims follow it too (every scenario of test/fixtures/patients, files audited together)', () => {
    const problems: string[] = [];
    let cross = 0;
    for (const name of scenarios()) {
      for (const [file, found] of auditTogether(scenarioFiles(name)).findings) {
        for (const f of found) {
          if ('related' in f) cross++;
          for (const p of styleProblems(f)) problems.push(`${name}/${file} [${f.rule}] ${p}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(cross >= 15, `${cross} cross-claim findings`);
  });

  it('numbers the line from 1 and names its code, fixes included', () => {
    const text = [
      'claims:',
      '  - id: S-1',
      '    date_of_service: 2026-03-02',
      '    payer: { type: medicare }',
      '    provider: { npi: "1234567893", discipline: PT }',
      '    plan_of_care: { discipline: PT, start_date: 2026-02-16, certified_date: 2026-02-20, cert_through: 2026-05-15 }',
      '    lines:',
      '      - { code: "97530", modifiers: [GP], units: 1, minutes: 15 }',
      '      - { code: "97110", units: 1, minutes: 15 }',
    ].join('\n');
    const f = audit(text).findings.find((x) => x.rule === 'therapy-modifier-missing');
    assert.ok(f, 'therapy-modifier-missing reported');
    assert.equal(f.path, 'claims[0].lines[1].modifiers');
    assert.match(f.message, /^Service line 2 \(97110\): /);
    assert.deepEqual(
      f.fixes.map((x) => x.title),
      ['Add GP to service line 2 (97110)'],
    );
  });

  it('the checker itself catches the old styles', () => {
    const base = { rule: 'x', severity: 'error', document: 0, span: { start: 0, end: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } as const;
    const bad = (path: string, message: string, title?: string) =>
      styleProblems({ ...base, path, message, fixes: title ? [{ id: 'x', title, edits: [] }] : [] }).length > 0;
    assert.ok(bad('claims[0].lines[1].modifiers', 'lines[1]: 97110 needs GP.'));
    assert.ok(bad('claims[0].lines[1].modifiers', 'Service line 1 (97110): needs GP.'), '0-based number');
    assert.ok(bad('claims[0].lines[1].modifiers', 'Service line 2 (97110): needs GP.', 'Add GP to lines[1]'));
    assert.ok(bad('claims[0].lines[0].units', 'Per-code rule: 97112 has 20 minutes.'));
    assert.ok(bad('claims[0].lines[0].units', '97112: 5 units on lines[0].'));
    assert.ok(bad('claims[0].visit.total_timed_minutes', '97150 is untimed.'));
    assert.ok(bad('claims[0].lines[0].units', 'Service line 1 (97112): fine.', 'Move to service line 0'));
    assert.ok(!bad('claims[0].lines[1].modifiers', 'Service line 2 (97110): needs GP.', 'Add GP to service line 2 (97110)'));
    assert.ok(!bad('claims[0].lines[3].units', 'Service lines 2 and 4 (97110): 20 minutes support 1 unit.'));
  });
});
