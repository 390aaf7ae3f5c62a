/**
 * A file's own and cross-claim findings in one list (core/patients/combine.ts, merge.ts):
 * the one-pass merge of two lists in text order must equal the stable sort of their
 * concatenation it replaced (equal places: own first, then by rule), and lists out of order
 * are still sorted; a cross-claim finding whose per-claim twin said the same path is left out.
 */
import assert from 'node:assert/strict';
import { combineFindings, mergePatientFindings, type LocatedFinding, type PatientFinding } from '../../src/core';

const RULES = ['units-exceed-mue', 'kx-accrual-missing', 'ytd-allowed-mismatch', 'modifier-missing', 'a-rule'];

/** A seeded pseudo-random generator (the same cases every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function finding(r: () => number, tag: string): LocatedFinding {
  const start = Math.floor(r() * 40);
  return { rule: RULES[Math.floor(r() * RULES.length)], severity: 'warning', message: tag, document: 0, path: `claims[${start}]`, span: { start, end: start + Math.floor(r() * 3) }, fixes: [], range: { start: { line: 0, character: start }, end: { line: 0, character: start } } };
}

const byPlace = (a: LocatedFinding, b: LocatedFinding) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);

describe('combineFindings: own and cross-claim findings in text order', () => {
  it('equals the stable sort of the concatenation, in order or not', () => {
    const r = random(26);
    for (let n = 0; n < 300; n++) {
      const own = Array.from({ length: Math.floor(r() * 30) }, (_, i) => finding(r, `own ${i}`));
      const cross = Array.from({ length: 1 + Math.floor(r() * 10) }, (_, i) => finding(r, `cross ${i}`));
      const sortedOwn = [...own].sort(byPlace);
      const sortedCross = [...cross].sort(byPlace);
      for (const [o, c] of [[sortedOwn, sortedCross], [own, cross], [sortedOwn, cross], [own, sortedCross]]) {
        assert.deepEqual(combineFindings(o, c), [...o, ...c].sort(byPlace));
      }
      // Own known in order (an analysis's findings): the same, placed by binary search.
      assert.deepEqual(combineFindings(sortedOwn, cross, true), [...sortedOwn, ...cross].sort(byPlace));
      assert.deepEqual(combineFindings(sortedOwn, sortedCross, true), [...sortedOwn, ...sortedCross].sort(byPlace));
    }
  });

  it('keeps a cross-claim finding unless its twin rule reports the same path', () => {
    const at = (rule: string, path: string, start: number): LocatedFinding => ({ rule, severity: 'warning', message: rule, document: 0, path, span: { start, end: start + 1 }, fixes: [], range: { start: { line: start, character: 0 }, end: { line: start, character: 1 } } });
    const cross = (rule: string, path: string, start: number): PatientFinding => ({ ...at(rule, path, start), related: [] });
    // kx-modifier-missing is the per-claim twin of kx-accrual-missing.
    // Another rule on the same path leaves it in.
    const own = [at('kx-modifier-missing', 'claims[0].lines[0].modifiers', 1), at('modifier-missing', 'claims[1].lines[0].modifiers', 3), at('units-exceed-mue', 'claims[1].lines[0].units', 5)];
    const merged = mergePatientFindings(own, [cross('kx-accrual-missing', 'claims[0].lines[0].modifiers', 1), cross('kx-accrual-missing', 'claims[1].lines[0].modifiers', 4)]);
    assert.deepEqual(merged.map((f) => `${f.rule} ${f.path}`), ['kx-modifier-missing claims[0].lines[0].modifiers', 'modifier-missing claims[1].lines[0].modifiers', 'kx-accrual-missing claims[1].lines[0].modifiers', 'units-exceed-mue claims[1].lines[0].units']);
    // The same from an analysis's view of its findings (in order, by rule).
    const analysisLike = { findings: own, findingsOfRule: (rule: string) => own.filter((f) => f.rule === rule) };
    assert.deepEqual(mergePatientFindings(analysisLike, [cross('kx-accrual-missing', 'claims[0].lines[0].modifiers', 1), cross('kx-accrual-missing', 'claims[1].lines[0].modifiers', 4)]), merged);
  });
});
