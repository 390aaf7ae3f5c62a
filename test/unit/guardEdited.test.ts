/**
 * The guard after an edit reads only the changed lines (src/core/parse/guard.ts
 * guardEdited). Whenever it says a text is accepted, the full guard must agree and the
 * nesting states it hands on must be the full scan's; when it cannot tell, it says so.
 */
import assert from 'node:assert/strict';
import { depthStates, guardEdited, guardText } from '../../src/core/parse/guard';
import { MAX_ALIASES } from '../../src/core/limits';
import { seededRandom } from '../support/seeded';

/** Line starts of the items ("  - " at column 0) of a claims list. */
const itemStarts = (text: string): number[] => {
  const out: number[] = [];
  for (let i = text.indexOf('\n  - '); i !== -1; i = text.indexOf('\n  - ', i + 1)) out.push(i + 1);
  return out;
};

function item(k: number, rand: (n: number) => number): string {
  const parts = [`  - id: C-${k}\n`, `    lines:\n`, `      - code: "97110"\n`, `        modifiers: [GP, ${rand(2) ? 'KX' : '"x[y"'}]\n`];
  if (rand(3) === 0) parts.push(`        nested: { a: [1, [2, {b: 3}]] }  # [ not counted\n`);
  if (rand(4) === 0) parts.push(`        deep:\n` + Array.from({ length: rand(12) }, (_, d) => ' '.repeat(10 + 2 * d) + `k${d}:\n`).join('') + ' '.repeat(12) + 'v: 1\n');
  if (rand(5) === 0) parts.push(`        flow: [a,\n          b]\n`);
  if (rand(6) === 0) parts.push(`        star: "3 * 10"\n`);
  return parts.join('');
}

describe('guard: an edit is guarded by its changed lines only', () => {
  it('accepts only what the full guard accepts, with the full scan\'s nesting states (random edits)', () => {
    const rand = seededRandom(4242);
    const inserts = [
      'x', '[', ']', '{', '}', '"', "'", '#', '\n', '- ', '\n      - - - x', '[[[[[[[[', '['.repeat(70), ']]]]', '{a: {b: {c: ',
      '&a ', '*a ', ' *b', '&b [1]', '\n' + ' '.repeat(40) + 'k:', '- '.repeat(70), 'y: *a\n',
    ];
    let accepted = 0;
    let cases = 0;
    for (let n = 0; n < 300; n++) {
      const count = 3 + rand(6);
      let text = 'claims:\n' + Array.from({ length: count }, (_, k) => item(k, rand)).join('');
      // Sometimes a file close to the alias limit: one anchor, many aliases.
      if (rand(4) === 0) text = text.replace('  - id: C-0\n', `  - id: C-0\n    x: &a [1]\n    y: [${Array(MAX_ALIASES - rand(2)).fill('*a').join(', ')}]\n`);
      if (guardText(text)) continue;
      const marks = itemStarts(text);
      const old = depthStates(text, marks);
      assert.ok(old, 'an accepted text has a state at each item');
      // Edit inside item i (through item j), as the analysis would re-read items i..j.
      const i = rand(marks.length);
      const j = Math.min(marks.length - 1, i + rand(2));
      const oldTo = j + 1 < marks.length ? marks[j + 1] : text.length;
      const at = marks[i] + 1 + rand(oldTo - marks[i] - 1);
      const remove = Math.min(rand(6), oldTo - at - 1);
      const insert = inserts[rand(inserts.length)];
      const next = text.slice(0, at) + insert + text.slice(at + Math.max(0, remove));
      const delta = next.length - text.length;
      const to = j + 1 < marks.length ? marks[j + 1] + delta : next.length;
      // The new item starts in the changed lines (the line scan of the analysis finds them).
      const newMarks = itemStarts(next).filter((m) => m >= marks[i] && m < to);
      if (newMarks[0] !== marks[i]) continue;
      cases++;
      const states = guardEdited(next, marks[i], to, old[i], old[j + 1], newMarks);
      if (!states) continue;
      accepted++;
      assert.equal(guardText(next), undefined, `edit ${JSON.stringify(insert)} at ${at}: the full guard refuses what the edit guard accepted`);
      assert.deepEqual(states, depthStates(next, newMarks), 'the nesting states are the full scan\'s');
    }
    assert.ok(cases > 150 && accepted > cases / 3, `${accepted} of ${cases} edits accepted from their lines`);
  });

  it('leaves an edit that nests too deep, or opens a bracket that stays open, to the full guard', () => {
    const text = 'claims:\n' + Array.from({ length: 4 }, (_, k) => `  - id: C-${k}\n    a: [1, 2]\n`).join('');
    const marks = itemStarts(text);
    const old = depthStates(text, marks)!;
    const edit = (insert: string) => {
      const at = text.indexOf('[1', marks[1]);
      const next = text.slice(0, at) + insert + text.slice(at);
      const d = insert.length;
      return guardEdited(next, marks[1], marks[2] + d, old[1], old[2], [marks[1]]);
    };
    assert.ok(edit('[x], '), 'brackets closed within the changed lines are accepted from them');
    assert.equal(edit('['.repeat(70)), undefined, 'too deep: only the full guard words the finding');
    assert.equal(edit('[ '), undefined, 'a bracket left open changes every line after it');
    assert.ok(edit('x'), 'an ordinary edit is accepted from its line');
  });
});
