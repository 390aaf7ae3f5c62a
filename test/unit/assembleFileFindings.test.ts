/**
 * The file's findings assembled in one pass over its units (src/core/pipeline/place.ts
 * assembleFileFindings, what every analysis uses) must be assembleFindings' list — the
 * duplicate-id check, directives, the syntax-error cap and the stable sort by place — with
 * each finding's claim: on real files (examples, rule fixtures, generated files with repeated
 * ids, directives and a flood of syntax errors) and on placements whose units' findings are
 * out of order at their seams.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, resolveConfig, type Analysis, type LocatedFinding } from '../../src/core';
import { ClaimLanguageService } from '../../src/service';
import { unitResult } from '../../src/core/pipeline/auditUnit';
import { assembleFileFindings, assembleFindings, placeUnit, type Placement, type UnitFindings } from '../../src/core/pipeline/place';
import { LineIndex } from '../../src/core/parse/lines';
import { MAX_SYNTAX_ERRORS } from '../../src/core/limits';
import { claimFile } from '../bench/generate';
import { EXAMPLES, FIXTURES } from '../support/paths';

function same(lines: LineIndex, units: UnitFindings[], placed: Placement[], what: string): void {
  const config = resolveConfig();
  const expected = assembleFindings(lines, config, units, placed);
  const got = assembleFileFindings(lines, config, units, placed);
  assert.equal(got.findings.length, expected.length, what);
  expected.forEach(({ f, owner }, i) => {
    assert.equal(JSON.stringify(got.findings[i]), JSON.stringify(f), `${what}: finding ${i}`);
    assert.equal(got.owners[i], owner, `${what}: owner of finding ${i}`);
  });
}

/** A text's units as the analysis places them. */
function placedUnits(text: string): { lines: LineIndex; units: UnitFindings[]; placed: Placement[] } {
  const a = analyze(text);
  const units = a.units.map((u) => ({ claims: u.unit.claims, result: unitResult(u.unit, a.config, a.configKey), base: u.base, prefix: u.prefix, document: u.document }));
  return { lines: a.lines, units, placed: units.map((u) => placeUnit(text, a.lines, u)) };
}

function claimFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? claimFiles(join(dir, e.name)) : /\.claim\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

const finding = (start: number, end: number, rule: string): LocatedFinding => ({
  rule,
  severity: 'warning',
  message: `${rule} at ${start}`,
  document: 0,
  path: 'claims[0].x',
  span: { start, end },
  fixes: [],
  range: { start: { line: 0, character: start }, end: { line: 0, character: end } },
});

/** A placement holding `found` (the other fields are not read by the assembly). */
const placement = (found: LocatedFinding[], owner = 0): Placement => ({
  result: { findings: [], owners: [] },
  base: 0,
  line: 0,
  prefix: '',
  document: 0,
  tail: 0,
  low: 0,
  reach: 0,
  found: found.map((f) => ({ f, owner })),
  syntax: found.filter((f) => f.rule === 'yaml-syntax').length,
});

describe('assembleFileFindings: assembleFindings\' list in one pass', () => {
  it('on the examples, the rule fixtures and generated files', () => {
    const files = [...claimFiles(EXAMPLES), ...claimFiles(FIXTURES)];
    assert.ok(files.length > 50);
    for (const file of files) {
      const { lines, units, placed } = placedUnits(readFileSync(file, 'utf8'));
      same(lines, units, placed, file);
    }
    const generated = claimFile(30);
    const texts = {
      'repeated ids': generated.replace(/CLM-2026-10001\d/g, 'CLM-2026-100001'),
      directives: generated.replace(/(units: \d+)\n/, '$1 # claimlint-disable-line\n').replace('claims:\n', 'claims:\n  # claimlint-disable visit-minutes-mismatch\n'),
      'syntax flood': `${generated}${'\t- x\n'.repeat(MAX_SYNTAX_ERRORS + 50)}`,
    };
    for (const [what, text] of Object.entries(texts)) {
      const { lines, units, placed } = placedUnits(text);
      same(lines, units, placed, what);
      if (what === 'syntax flood') assert.ok(placed.reduce((n, p) => n + p.syntax, 0) > MAX_SYNTAX_ERRORS, 'more syntax errors than the cap');
    }
  });

  it('sorts when units\' findings overlap at a seam (a span before the previous unit\'s, the same span with an earlier rule)', () => {
    const lines = new LineIndex('x'.repeat(100));
    const units: UnitFindings[] = [0, 1, 2].map((k) => ({ claims: [{ prefix: '', sound: true }], result: { findings: [], owners: [] }, base: k * 30, prefix: `claims[${k}]`, document: 0 }));
    const cases: LocatedFinding[][][] = [
      [[finding(10, 20, 'b'), finding(30, 31, 'c')], [finding(5, 6, 'a')], [finding(60, 61, 'd')]],
      [[finding(10, 20, 'b'), finding(30, 30, 'z')], [finding(30, 30, 'a')], []],
      [[], [finding(40, 41, 'a'), finding(40, 41, 'a')], [finding(40, 41, 'a')]],
    ];
    for (const [i, found] of cases.entries()) same(lines, units, found.map((f, k) => placement(f, k % 2 ? 0 : -1)), `case ${i}`);
    const sorted = assembleFileFindings(lines, resolveConfig(), units, cases[1].map((f) => placement(f))).findings;
    assert.deepEqual(sorted.map((f) => f.rule), ['b', 'a', 'z']);
  });

  it('an analysis\'s findings of one rule are its findings of that rule, before and after edits', () => {
    const rulesOf = (a: Analysis) => [...new Set([...a.findings.map((f) => f.rule), 'claim-id-duplicate', 'kx-modifier-missing', 'no-such-rule'])];
    const check = (a: Analysis, what: string) => {
      for (const rule of rulesOf(a)) {
        const expected = a.findings.filter((f) => f.rule === rule);
        const got = a.findingsOfRule(rule);
        assert.equal(got.length, expected.length, `${what}: ${rule}`);
        assert.ok(got.every((f) => expected.includes(f)), `${what}: ${rule}`);
      }
    };
    for (const file of claimFiles(EXAMPLES)) check(analyze(readFileSync(file, 'utf8')), file);
    const service = new ClaimLanguageService();
    const config = resolveConfig();
    const doc = TextDocument.create('file:///rules.claim.yaml', 'yaml', 1, claimFile(20).replace('CLM-2026-100007', 'CLM-2026-100001'));
    check(service.analysis(doc, config), 'opened');
    for (const [i, [from, to]] of [['units: 1', 'units: 4'], ['minutes: 3', 'minutes: 5'], ['claims:\n', 'claims:\n  # claimlint-disable visit-minutes-mismatch\n'], ['code: "97530"', 'code: "9753"']].entries()) {
      const at = doc.getText().indexOf(from, 2000 * i);
      service.edited(doc.uri, at, at + from.length, to.length);
      TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + from.length) }, text: to }], doc.version + 1);
      check(service.analysis(doc, config), `after edit ${i}`);
    }
  });
});
