/**
 * fileClaims after an edit (the editor calls it on every keystroke): claims the edit did not
 * touch keep their facts objects, claims it moved are shifted, and the result is exactly what
 * a fresh read of the new text gives.
 */
import assert from 'node:assert/strict';
import { analyze, AuditCache, fileClaims, PatientIndex, placeOf, resolveConfig } from '../../src/core';
import { claimYamlItem } from '../support/claims';

/** A `claims:` list item: patient P-<id>, a 97110 line with its charge and a 97140 line with 59, no plan. */
function item(id: string, day: number): string {
  const claim = claimYamlItem({
    id,
    date: `2026-02-${String(day).padStart(2, '0')}`,
    patient: `P-${id}`,
    ytd: { pt_slp: '100.00' },
    plan: false,
    lines: [
      { code: '97110', units: 2, minutes: 30, charge: '40.00' },
      { code: '97140', modifiers: ['GP', '"59"'], units: 1, minutes: 15 },
    ],
  });
  return `${claim}\n`;
}

describe('patients: fileClaims reuses untouched claims after an edit', () => {
  const config = resolveConfig();
  const text = `claims:\n${item('A', 2)}${item('B', 3)}${item('C', 4)}${item('D', 5)}`;

  for (const [what, from, to] of [
    ['a value retyped on one line', 'units: 2, minutes: 30, charge: 40.00 }\n      - { code: "97140", modifiers: [GP, "59"], units: 1, minutes: 15 }\n  - id: C', 'units: 3, minutes: 45, charge: 40.00 }\n      - { code: "97140", modifiers: [GP, "59"], units: 1, minutes: 15 }\n  - id: C'],
    ['lines inserted', '    provider: { npi: "1234567893", discipline: PT }\n    lines:\n      - { code: "97110", modifiers: [GP], units: 2, minutes: 30, charge: 40.00 }\n      - { code: "97140", modifiers: [GP, "59"], units: 1, minutes: 15 }\n  - id: C', '    provider: { npi: "1234567893", discipline: PT }\n    visit:\n      progress_report: true\n    lines:\n      - { code: "97110", modifiers: [GP], units: 2, minutes: 30, charge: 40.00 }\n      - { code: "97140", modifiers: [GP, "59"], units: 1, minutes: 15 }\n  - id: C'],
  ] as const) {
    it(`${what}: the same facts as a fresh read, earlier claims the same objects`, () => {
      const cache = new AuditCache();
      const before = analyze(text, { config, cache });
      const first = fileClaims(before, 'a.yaml');
      const start = text.indexOf(from);
      assert.ok(start > 0);
      const next = text.slice(0, start) + to + text.slice(start + from.length);
      const after = analyze(next, { config, cache, previous: before, change: { start, end: start + to.length, delta: to.length - from.length } });
      const again = fileClaims(after, 'a.yaml');
      assert.deepEqual(again, fileClaims(analyze(next, { config }), 'a.yaml'));
      assert.equal(again.claims[0], first.claims[0], 'claim A untouched: the same object');
      assert.notEqual(again.claims[1], first.claims[1], 'claim B edited: read again');
      if (to.split('\n').length !== from.split('\n').length) {
        assert.notEqual(again.claims[2], first.claims[2], 'claim C moved down: shifted');
        assert.equal(placeOf(again.claims[2], 'id').range.start.line, placeOf(first.claims[2], 'id').range.start.line + 2);
      } else assert.equal(again.claims[2], first.claims[2], 'claim C did not move: the same object');
    });
  }
});

describe('patients: setFile after a one-claim edit names only that patient\'s files', () => {
  it('returns the edited patient\'s files, keeps the other groups\' results', () => {
    const config = resolveConfig();
    const cache = new AuditCache();
    const a = `claims:\n${item('A', 2)}${item('B', 3)}`;
    const index = new PatientIndex();
    const read = (text: string, file: string, previous?: ReturnType<typeof analyze>, change?: { start: number; end: number; delta: number }) =>
      fileClaims(analyze(text, { config, cache, previous, change }), file);
    const first = analyze(a, { config, cache });
    index.setFile(fileClaims(first, 'a.yaml'), config);
    index.setFile(read(`claims:\n${item('A', 9).replace('id: A', 'id: A2')}`.replace('P-A2', 'P-A'), 'b.yaml'), config);
    index.setFile(read(`claims:\n${item('B', 9).replace('id: B', 'id: B2')}`.replace('P-B2', 'P-B'), 'c.yaml'), config);
    // Retype claim A's units (patient P-A): b.yaml holds P-A's other claim, c.yaml only P-B's.
    const at = a.indexOf('units: 2');
    const edited = a.slice(0, at) + 'units: 3' + a.slice(at + 8);
    const changed = index.setFile(fileClaims(analyze(edited, { config, cache, previous: first, change: { start: at, end: at + 8, delta: 0 } }), 'a.yaml'), config);
    assert.deepEqual(changed, ['a.yaml', 'b.yaml']);
    // Nothing changed at all: only the file itself.
    assert.deepEqual(index.setFile(fileClaims(analyze(edited, { config, cache }), 'a.yaml'), config), ['a.yaml']);
    // Removing the file still names every file of its patients.
    assert.deepEqual(index.removeFile('a.yaml'), ['a.yaml', 'b.yaml', 'c.yaml']);
  });
});
