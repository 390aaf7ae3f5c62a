/**
 * The guard's nesting scan jumps from one character that can change its state to the next
 * (src/core/parse/guard.ts scanDepth). It must decide exactly as a look at every character
 * does: the same refusal at the same place, the same nesting state at every line start — on
 * random texts dense in quotes, escapes, comments, brackets, dashes, tabs and CRs.
 */
import assert from 'node:assert/strict';
import { depthStates, guardText, type DepthState } from '../../src/core/parse/guard';
import { MAX_NESTING_DEPTH } from '../../src/core/limits';
import { seededRandom } from '../support/seeded';

/** The scan as it was written first: every character of every line, one by one. */
function reference(text: string, marks: readonly number[]): { at: number } | { states: DepthState[]; end: DepthState } {
  const indents: number[] = [];
  let flow = 0;
  let pos = 0;
  let m = 0;
  const states: DepthState[] = [];
  while (pos < text.length) {
    while (m < marks.length && marks[m] < pos) m++;
    if (m < marks.length && marks[m] === pos) {
      states.push({ indents: indents.slice(), flow });
      m++;
    }
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let i = pos;
    while (i < nl && (text[i] === ' ' || text[i] === '\t')) i++;
    const blank = i >= nl || text[i] === '#' || text[i] === '\r';
    let depth = 0;
    if (!blank && flow === 0) {
      const indent = i - pos;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      while (i + 1 < nl && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        depth++;
        i += 2;
        while (i < nl && text[i] === ' ') i++;
      }
    }
    let quote = '';
    for (let j = i; j < nl; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"') j++;
        continue;
      }
      if (c === '#' && (j === pos || text[j - 1] === ' ' || text[j - 1] === '\t')) break;
      if ((c === '"' || c === "'") && (j === i || /[\s[{,:]/.test(text[j - 1]))) quote = c;
      else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + depth + flow > MAX_NESTING_DEPTH) return { at: j };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    if (indents.length + depth > MAX_NESTING_DEPTH) return { at: i };
    pos = nl + 1;
  }
  return { states, end: { indents, flow } };
}

const PIECES = ['"', "'", '\\', '#', ' #', '[', ']', '{', '}', '- ', '? ', ' ', '  ', '\t', '\r', '\n', '\n', '\n  ', 'a', 'key: ', ',', ':', '-', "''", '\\"', 'é', '— '];

function randomText(rand: (n: number) => number, length: number): string {
  let out = '';
  while (out.length < length) out += PIECES[rand(PIECES.length)];
  return out;
}

const lineStarts = (text: string): number[] => {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (i + 1 < text.length) out.push(i + 1);
  return out;
};

describe('guard: the nesting scan reads only the characters that matter', () => {
  it('decides as a look at every character does (random texts: refusals, their places, every line\'s state)', () => {
    const rand = seededRandom(20261206);
    let refused = 0;
    for (let n = 0; n < 3000; n++) {
      // Mostly short texts; some deep ones (nested brackets past the limit).
      let text = randomText(rand, 20 + rand(400));
      if (n % 10 === 0) text = '['.repeat(rand(80)) + text;
      if (n % 17 === 0) text = Array.from({ length: 70 }, (_, d) => ' '.repeat(d) + '- k:\n').join('') + text;
      // A line break somewhere: a text of CR-only lines is refused before the scan (another check).
      text += '\n';
      const ref = reference(text, lineStarts(text));
      const guarded = guardText(text);
      const states = depthStates(text, lineStarts(text));
      if ('at' in ref) {
        refused++;
        assert.ok(guarded && /nests deeper/.test(guarded.message), `refused: ${JSON.stringify(text)}`);
        assert.equal(guarded.span.start, ref.at, JSON.stringify(text));
        assert.equal(states, undefined);
      } else {
        assert.ok(!guarded || !/nests deeper/.test(guarded.message), `accepted: ${JSON.stringify(text)}`);
        if (!guarded) assert.deepEqual(states?.map((s) => ({ indents: [...s.indents], flow: s.flow })), ref.states, JSON.stringify(text));
      }
    }
    assert.ok(refused > 100, `${refused} refusals among the texts`);
  });
});
