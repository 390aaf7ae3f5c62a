/**
 * Fixes are text edits against node ranges: each changes only what it names, and
 * comments, quoting and layout elsewhere stay as they were.
 */
import assert from 'node:assert/strict';
import { parseDocument, type Node } from 'yaml';
import { applyFixes } from '../../src/core/engine';
import { FixBuilder } from '../../src/core/fixes/builder';
import { buildSourceMap } from '../../src/core/parse/sourceMap';
import type { TextEdit } from '../../src/core/types';

const TEXT = `# header comment
claim:
  id: A   # keep me
  lines:
    - code: "97110"   # quoted on purpose
      modifiers: [GP]
      units: 3   # billed
    - code: 97530
      modifiers:
        - GP
        - CQ   # assistant
      units: 1
      documentation:
        intervention: >-
          Sit-to-stand 3 x 10.
`;

function builder(text = TEXT): FixBuilder {
  const doc = parseDocument(text);
  return new FixBuilder(text, buildSourceMap(doc.contents as Node));
}

const apply = (edits: TextEdit[], text = TEXT) => applyFixes(text, [{ fixes: [{ id: 'f', title: 'f', edits, preferred: true }] }]).text;

/** The lines that differ between two texts. */
function changed(a: string, b: string): [string[], string[]] {
  const x = a.split('\n');
  const y = b.split('\n');
  return [x.filter((l) => !y.includes(l)), y.filter((l) => !x.includes(l))];
}

describe('fix builder', () => {
  it('sets a scalar and keeps the comment after it', () => {
    const out = apply(builder().setValue('claim.lines[0].units', '2'));
    assert.deepEqual(changed(TEXT, out), [['      units: 3   # billed'], ['      units: 2   # billed']]);
  });

  it('adds to a flow sequence in place', () => {
    const out = apply(builder().addItem('claim.lines[0].modifiers', 'KX'));
    assert.deepEqual(changed(TEXT, out), [['      modifiers: [GP]'], ['      modifiers: [GP, KX]']]);
  });

  it('adds to a block sequence as a new line with the same indent', () => {
    const out = apply(builder().addItem('claim.lines[1].modifiers', 'KX'));
    assert.equal(out, TEXT.replace('        - CQ   # assistant\n', '        - CQ   # assistant\n        - KX\n'));
  });

  it('removes a flow item with its separator and a block item with its line', () => {
    assert.equal(apply(builder().removeItem('claim.lines[0].modifiers', 0)), TEXT.replace('[GP]', '[]'));
    assert.equal(apply(builder().removeItem('claim.lines[1].modifiers', 1)), TEXT.replace('        - CQ   # assistant\n', ''));
    const two = TEXT.replace('[GP]', '[GP, 59]');
    assert.equal(apply(builder(two).removeItem('claim.lines[0].modifiers', 1), two), TEXT);
  });

  it('creates a missing list key at the mapping’s indent, after its last entry', () => {
    const text = TEXT.replace('      modifiers: [GP]\n', '');
    const out = apply(builder(text).addItem('claim.lines[0].modifiers', 'GP'), text);
    assert.equal(out, text.replace('      units: 3   # billed\n', '      units: 3   # billed\n      modifiers: [GP]\n'));
  });

  it('inserts a key after a block scalar without touching it', () => {
    const out = apply(builder().insertKey('claim.lines[1].documentation', 'assistance_level', 'mod'));
    assert.equal(out, TEXT + '        assistance_level: mod\n');
  });

  it('replaces a code and keeps the quoting of everything else', () => {
    const out = apply(builder().setValue('claim.lines[1].code', 'G0283'));
    assert.deepEqual(changed(TEXT, out), [['    - code: 97530'], ['    - code: G0283']]);
  });
});

describe('applyFixes', () => {
  it('skips a fix that overlaps one already taken, and applies identical fixes once', () => {
    const b = builder();
    const a = { id: 'a', title: 'a', edits: b.setValue('claim.lines[0].units', '2'), preferred: true };
    const c = { id: 'c', title: 'c', edits: b.setValue('claim.lines[0].units', '1'), preferred: true };
    const r = applyFixes(TEXT, [{ fixes: [a] }, { fixes: [a] }, { fixes: [c] }]);
    assert.equal(r.applied, 1);
    assert.equal(r.text, TEXT.replace('units: 3   #', 'units: 2   #'));
  });

  it('applies only preferred fixes unless told otherwise', () => {
    const edits = builder().setValue('claim.lines[0].units', '2');
    const r = applyFixes(TEXT, [{ fixes: [{ id: 'x', title: 'x', edits }] }]);
    assert.equal(r.applied, 0);
    assert.equal(r.text, TEXT);
  });
});
