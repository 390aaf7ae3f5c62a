/**
 * `claimlint --format html`: the real binary writes one self-contained page (no network,
 * no external scripts), the same bytes for the same input apart from the generated-at
 * line, claim ids but no patient ids unless asked, and figures that agree with the
 * audit's own JSON output.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { EXAMPLES } from '../support/paths';


const claimlint = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, cwd, { env });

describe('claimlint --format html (spawned binary)', () => {
  let dir: string;
  before(() => {
    dir = makeTmpDir('html');
    cpSync(EXAMPLES, join(dir, 'examples'), { recursive: true });
  });
  after(() => removeTmpDir(dir));

  const report = (name: string, extra: string[] = [], env: Record<string, string> = { SOURCE_DATE_EPOCH: '1790000000' }) => {
    const r = claimlint(['--format', 'html', '-o', name, ...extra, 'examples'], dir, env);
    assert.equal(r.code, 1, `exit 1 (the examples have errors); stderr: ${r.stderr}`);
    assert.equal(r.stdout, '');
    return readFileSync(join(dir, name), 'utf8');
  };

  it('writes one self-contained page: charts as inline SVG, no external resource, a strict CSP', () => {
    const html = report('report.html');
    assert.match(html, /^<!DOCTYPE html>/);
    // Valid HTML text: no NUL or other control character (a data- attribute once used \0 as a separator).
    assert.doesNotMatch(html, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    assert.equal((html.match(/<figure id="chart-/g) ?? []).length, 5);
    assert.equal((html.match(/<svg /g) ?? []).length, 5);
    assert.doesNotMatch(html, /\ssrc=/i, 'nothing is loaded from anywhere');
    assert.doesNotMatch(html, /<link\b/i);
    assert.doesNotMatch(html, /@import|url\(/i);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
    // Every link is a rule page or an in-page filter.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length > 0);
    for (const h of hrefs) assert.match(h, /^(#rule=[a-z0-9-]+|https:\/\/github\.com\/claimlint\/claimlint\/blob\/main\/docs\/rules\/[a-z0-9-]+\.md)$/);
    assert.match(html, /@media print/);
  });

  it('same input, same bytes, apart from the generated-at line', () => {
    const a = report('a.html', [], { SOURCE_DATE_EPOCH: '1790000000' });
    const b = report('b.html', [], { SOURCE_DATE_EPOCH: '1790000000' });
    const c = report('c.html', [], { SOURCE_DATE_EPOCH: '1790086400' });
    assert.equal(a, b);
    assert.notEqual(a, c);
    const strip = (s: string) => s.replace(/<span class="generated">[^<]*<\/span>/, '');
    assert.equal(strip(a), strip(c));
    assert.match(a, /Generated 2026-09-21T/);
  });

  it('claim ids and field paths only; patient ids with --report-include-patient-ids', () => {
    const patientIds = ['PT-1001', 'PT-3001', 'PT-3002'];
    const plain = report('plain.html');
    for (const id of patientIds) assert.ok(!plain.includes(id), `${id} must not appear`);
    assert.ok(plain.includes('CLM-2026-000301'));
    assert.ok(plain.includes('claims[0].lines[0].units'));
    const withIds = report('ids.html', ['--report-include-patient-ids']);
    for (const id of patientIds) assert.ok(withIds.includes(id), `${id} shown when asked`);
    assert.match(withIds, /<th class="c-patient">Patient<\/th>/);
  });

  it('the summary agrees with the audit: claims, findings by severity, rows', () => {
    const html = report('summary.html');
    const json = (JSON.parse(claimlint(["--format", "json", "examples"], dir).stdout) as { files: { findings: { severity: string }[] }[] }).files;
    const all = json.flatMap((f) => f.findings);
    const count = (s: string) => all.filter((f) => f.severity === s).length;
    const card = (label: string) => new RegExp(`<dt>${label}</dt><dd>([^<]*)<`).exec(html)?.[1];
    // examples/: one claim in knee-replacement, three in mistakes, two in stroke-transfers.
    assert.equal(card('Claims audited'), '6');
    assert.equal((html.match(/<tr class="claim-row"/g) ?? []).length, 6);
    assert.equal(card('Findings'), String(all.length));
    assert.ok(html.includes(`${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`));
    assert.equal((html.match(/<li class="sev-/g) ?? []).length, all.length, 'every finding is listed under its claim');
    assert.match(html, /national, unadjusted/);
  });

  it('--format html to standard output, and a usage error names html', () => {
    const r = claimlint(['--format', 'html', 'examples'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<!DOCTYPE html>/);
    const bad = claimlint(['--format', 'pdf', 'examples'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /stylish, json, sarif, junit or html/);
  });
});
