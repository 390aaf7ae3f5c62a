/**
 * Fixes are text edits against node ranges: each changes only what it names, and
 * comments, quoting and layout elsewhere stay as they were.
 */
import assert from 'node:assert/strict';
import { parseDocument, type Node } from 'yaml';
import { applyFixes, audit } from '../../src/core/engine';
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

describe('the missing-modifier fix (issue 10)', () => {
  // A service line whose mapping runs on for ten lines below `code:`.
  const LONG = `claim:
  id: A
  date_of_service: 2026-03-02
  payer: { type: medicare }
  plan_of_care: { discipline: PT, start_date: 2026-02-16, certified_date: 2026-02-20, cert_through: 2026-05-15 }
  lines:
    - code: "97110"   # therapeutic exercise
      units: 1
      minutes: 15
      documentation:
        justification: >-
          Cannot climb stairs without help; strength work on hip extensors.
        intervention: >-
          Bridges 3 x 10, step-ups 3 x 8,
          side-lying abduction 3 x 12.
    - { code: "97112", units: 1, minutes: 15 }
`;
  const addGp = (text: string, line: number) => {
    const f = audit(text).findings.find((x) => x.rule === 'therapy-modifier-missing' && x.path === `claim.lines[${line}].modifiers`);
    assert.ok(f, `therapy-modifier-missing on line ${line}`);
    const fix = f.fixes.find((x) => x.preferred);
    assert.ok(fix, 'a preferred fix');
    return applyFixes(text, [{ fixes: [fix] }]).text;
  };

  it('puts a new `modifiers:` right below `code:`, not at the end of the line\'s mapping', () => {
    assert.equal(addGp(LONG, 0), LONG.replace('# therapeutic exercise\n', '# therapeutic exercise\n      modifiers: [GP]\n'));
  });

  it('puts it right after `code` in a one-line mapping too', () => {
    assert.equal(addGp(LONG, 1), LONG.replace('{ code: "97112", units', '{ code: "97112", modifiers: [GP], units'));
  });

  it('adds to an existing list where it is', () => {
    const text = LONG.replace('      units: 1\n      minutes: 15\n', '      units: 1\n      modifiers: [59]\n      minutes: 15\n');
    assert.equal(addGp(text, 0), text.replace('[59]', '[59, GP]'));
  });
});
