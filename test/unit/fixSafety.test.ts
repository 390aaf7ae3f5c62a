/**
 * Fix safety (issue 11 item 2): fixes of one list compose, every fix result parses, a fix
 * that would break the YAML is dropped and named, never written.
 */
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyFixes, fixAll, fixKeepsYaml, yamlErrorCount } from '../../src/core/engine';
import { audit, resolveConfig } from '../../src/core';
import { singleClaimYaml } from '../support/claims';

/** One 97110 line of 15 minutes with these modifiers, no assistant minutes. */
const claim = (modifiers: string[], discipline: 'PT' | 'OT' = 'PT') =>
  singleClaimYaml({ id: 'A', date: '2026-03-10', discipline, provider: false, plan: 'discipline', lines: [{ code: '97110', modifiers, units: 1, minutes: 15, assistantMinutes: 0 }] }, 'block');

describe('fix safety', () => {
  it('[CQ] losing CQ and gaining GP becomes [GP], not [, GP]', () => {
    const text = claim(['CQ']);
    const out = fixAll(text).text;
    assert.equal(yamlErrorCount(out), 0, out);
    assert.deepEqual(parseDocument(out).toJS().claim.lines[0].modifiers, ['GP']);
    assert.ok(!out.includes('[,'), out);
  });

  it('OT: [CO] becomes [GO]', () => {
    const out = fixAll(claim(['CO'], 'OT')).text;
    assert.deepEqual(parseDocument(out).toJS().claim.lines[0].modifiers, ['GO']);
  });

  it('a fix whose result does not parse is dropped and named; the good fix is still applied', () => {
    const text = 'a: [1, 2]\nb: 3\n';
    const breaking = { id: 'x', title: 'Break it', edits: [{ start: 3, end: 4, newText: '{' }], preferred: true };
    const good = { id: 'y', title: 'Set b', edits: [{ start: 13, end: 14, newText: '4' }], preferred: true };
    const r = applyFixes(text, [{ fixes: [breaking] }, { fixes: [good] }]);
    assert.equal(r.text, 'a: [1, 2]\nb: 4\n');
    assert.equal(r.applied, 1);
    assert.deepEqual(r.dropped.map((d) => d.title), ['Break it']);
    assert.equal(fixKeepsYaml(text, breaking), false);
    assert.equal(fixKeepsYaml(text, good), true);
  });

  it('a text that already has a YAML error: a fix adding none is kept, a fix adding one is refused', () => {
    const text = 'a: 1\na: 2\nb: 3\n'; // a duplicate key: one error before any fix
    assert.equal(yamlErrorCount(text), 1);
    const keeps = { id: 'k', title: 'Set b', edits: [{ start: 13, end: 14, newText: '4' }], preferred: true };
    const breaks = { id: 'x', title: 'Break b', edits: [{ start: 13, end: 14, newText: '{' }], preferred: true };
    const heals = { id: 'h', title: 'Rename a', edits: [{ start: 5, end: 6, newText: 'c' }], preferred: true };
    assert.equal(fixKeepsYaml(text, keeps), true);
    assert.equal(fixKeepsYaml(text, breaks), false);
    assert.equal(fixKeepsYaml(text, heals), true);
    const r = applyFixes(text, [{ fixes: [breaks] }]);
    assert.equal(r.text, text);
    assert.deepEqual(r.dropped.map((d) => d.title), ['Break b']);
    assert.equal(applyFixes(text, [{ fixes: [keeps] }]).text, 'a: 1\na: 2\nb: 4\n');
    assert.equal(applyFixes(text, [{ fixes: [heals] }]).text, 'a: 1\nc: 2\nb: 3\n');
    // Another text checked in between must not stand in for this one's count.
    assert.equal(fixKeepsYaml('b: 3\n', { ...keeps, edits: [{ start: 3, end: 4, newText: '{' }] }), false);
    assert.equal(fixKeepsYaml(text, keeps), true);
    assert.equal(fixKeepsYaml(text, breaks), false);
  });

  it('an edit outside the text is never applied', () => {
    const r = applyFixes('a: 1\n', [{ fixes: [{ id: 'x', title: 'x', edits: [{ start: 2, end: 99, newText: '' }], preferred: true }] }]);
    assert.equal(r.text, 'a: 1\n');
    assert.equal(r.applied, 0);
  });
});

describe('fix safety: removing several items of a multi-line flow list keeps the kept items\' comments', () => {
  // Spelled out: the modifiers list is written as given, its layout and comments are the point.
  const claim = (mods: string) =>
    `claim:\n  id: A\n  date_of_service: 2026-03-10\n  payer: {type: medicare}\n  plan_of_care: {discipline: PT}\n  lines:\n    - code: "97110"\n      modifiers: ${mods}\n      units: 1\n      minutes: 15\n`;
  const conflictFix = (text: string) => {
    const f = audit(text, { config: resolveConfig() }).findings.find((x) => x.rule === 'therapy-modifier-conflict');
    assert.ok(f?.fixes[0], 'a therapy-modifier-conflict fix');
    return applyFixes(text, [f]).text;
  };
  const cases: [string, string][] = [
    ['[\n        GP,  # keep this\n        GO,\n        GN\n      ]', '[\n        GP,  # keep this\n      ]'],
    ['[\n        GO,  # go\n        GP,  # keep this\n        GN,  # gn\n      ]', '[\n        GP,  # keep this\n      ]'],
    ['[\n        GO,\n        GN,\n        GP,  # keep this\n      ]', '[\n        GP,  # keep this\n      ]'],
    ['[GO, GN, GP]  # keep', '[GP]  # keep'],
    ['[GP, GO, GN]', '[GP]'],
    ['[\n        GO, GN,\n        GP # keep\n      ]', '[\n        GP # keep\n      ]'],
  ];
  for (const [before, after] of cases) {
    it(`${JSON.stringify(before)} → ${JSON.stringify(after)}`, () => {
      const out = conflictFix(claim(before));
      assert.equal(out, claim(after));
      assert.equal(parseDocument(out).errors.length, 0);
    });
  }
});
