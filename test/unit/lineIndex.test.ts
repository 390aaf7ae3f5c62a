/**
 * The line index in blocks (src/core/parse/lines.ts): an edited index shares the blocks
 * the edit does not touch, and must answer exactly as an index built from the new text.
 */
import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/parse/lines';
import { seededRandom } from '../support/seeded';

function same(a: LineIndex, b: LineIndex, rand: (n: number) => number, what: string): void {
  assert.equal(a.lineCount, b.lineCount, what);
  assert.deepEqual(a.starts, b.starts, what);
  const len = b.text.length;
  for (let k = 0; k < 60; k++) {
    const o = rand(len + 3) - 1;
    assert.deepEqual(a.position(o), b.position(o), `${what}: position(${o})`);
    const pos = { line: rand(b.lineCount + 2), character: rand(30) };
    assert.equal(a.offset(pos), b.offset(pos), `${what}: offset(${JSON.stringify(pos)})`);
  }
  for (let line = 0; line < b.lineCount; line += 1 + rand(200)) assert.equal(a.lineStart(line), b.lineStart(line));
}

describe('line index: edits share the untouched blocks', () => {
  it('answers as a fresh index after chained random edits over several blocks', () => {
    const rand = seededRandom(777);
    const inserts = ['', 'x', '\n', '\n\n', 'ab\ncd\n', '\r\n', '\n'.repeat(1500), 'y'.repeat(50)];
    for (let round = 0; round < 6; round++) {
      let text = Array.from({ length: 3000 + rand(2000) }, (_, i) => 'l'.repeat(i % 13)).join('\n');
      let index = new LineIndex(text);
      for (let n = 0; n < 40; n++) {
        // Mostly small edits; sometimes a big cut or paste across blocks; sometimes at the very ends.
        const at = rand(4) === 0 ? (rand(2) ? 0 : text.length) : rand(text.length + 1);
        const remove = Math.min(text.length - at, rand(6) === 0 ? rand(40000) : rand(4));
        const insert = inserts[rand(inserts.length)];
        const next = text.slice(0, at) + insert + text.slice(at + remove);
        index = index.edited(next, at, at + insert.length, insert.length - remove);
        text = next;
        same(index, new LineIndex(text), rand, `round ${round} edit ${n}`);
      }
    }
  });

  it('handles an empty text and a text without line breaks', () => {
    const rand = () => 0;
    same(new LineIndex('').edited('abc', 0, 3, 3), new LineIndex('abc'), rand, 'empty → abc');
    same(new LineIndex('abc').edited('a\nbc', 1, 2, 1), new LineIndex('a\nbc'), rand, 'a line break added');
    assert.deepEqual(new LineIndex('a\nbc').edited('abc', 1, 1, -1).starts, [0]);
  });
});
