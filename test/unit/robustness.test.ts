/**
 * Bad input gets located findings, never a crash or a hang: odd documents, and a seeded
 * property test over every fixture changed by the tests' one set of mutations (fast-check).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { audit, fixAll } from '../../src/core/engine';
import { applyAll, hostile, nudges } from '../support/mutations';
import { FIXTURES } from '../support/paths';

const ODD: Record<string, string> = {
  empty: '',
  'only comments': '# nothing here\n# at all\n',
  'a scalar document': 'just text\n',
  'claims: null': 'claims:\n',
  'claims of numbers': 'claims: [1, 2]\n',
  'claim as a list': 'claim: []\n',
  'lines: null': 'claim:\n  id: A\n  date_of_service: 2026-01-05\n  payer: { type: medicare }\n  lines:\n',
  'modifiers as a string': 'claim:\n  id: A\n  date_of_service: 2026-01-05\n  payer: { type: medicare }\n  lines:\n    - { code: "97110", modifiers: GP, units: 1, minutes: 15 }\n',
  'huge numbers': 'claim:\n  id: A\n  date_of_service: 2026-01-05\n  payer: { type: medicare }\n  lines:\n    - { code: "97110", modifiers: [GP], units: 1e308, minutes: 99999999999999999999 }\n',
  'negative minutes': 'claim:\n  id: A\n  date_of_service: 2026-01-05\n  payer: { type: medicare }\n  lines:\n    - { code: "97110", modifiers: [GP], units: 1, minutes: -15 }\n',
  'CRLF line endings': 'claims:\r\n  - id: A\r\n    date_of_service: 2026-01-05\r\n    payer: { type: medicare }\r\n    lines:\r\n      - { code: "97110", modifiers: [GP], units: 3, minutes: 15 }\r\n',
  'binary garbage': '\u0000\u0001\u0002claims:\u0007\n  - \u001b[31m\n',
  'deep nesting': 'claim:\n' + '  '.repeat(1) + 'id: ' + '['.repeat(200) + ']'.repeat(200) + '\n',
  'unclosed quote': 'claim:\n  id: "A\n  date_of_service: 2026-01-05\n',
  'directive and stream': '%YAML 1.2\n---\nclaim: { id: A }\n...\n---\nclaims: []\n',
  'alias loop': 'claim: &a\n  id: *a\n',
  'duplicate keys': 'claim:\n  id: A\n  id: B\n',
};

describe('robustness: odd documents', () => {
  for (const [name, text] of Object.entries(ODD)) {
    it(`${name}: audits and fixes without throwing, findings located inside the text`, () => {
      const { findings } = audit(text);
      for (const f of findings) {
        assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `${f.rule} span out of range`);
        assert.ok(f.message.length > 0);
      }
      assert.equal(typeof fixAll(text).text, 'string');
    });
  }

  it('reports an invalid modifiers value as claim-schema at its field', () => {
    const f = audit(ODD['modifiers as a string']).findings.find((x) => x.rule === 'claim-schema');
    assert.equal(f?.path, 'claim.lines[0].modifiers');
  });

  it('a day that is not on the calendar is a claim-schema finding every time it is read (the check is remembered per date)', () => {
    const claim = (date: string) => `claim:\n  id: A\n  date_of_service: ${date}\n  payer: { type: medicare }\n  lines:\n    - { code: "97110", modifiers: [GP], units: 1, minutes: 15 }\n`;
    const schemaAt = (date: string) => audit(claim(date)).findings.filter((f) => f.rule === 'claim-schema').map((f) => `${f.path}: ${f.message}`);
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(schemaAt('2025-02-29'), ['claim.date_of_service: date_of_service: not a real calendar date.'], `round ${round}`);
      assert.deepEqual(schemaAt('2026-04-31'), ['claim.date_of_service: date_of_service: not a real calendar date.'], `round ${round}`);
      assert.deepEqual(schemaAt('2024-02-29'), [], `leap day, round ${round}`);
    }
  });

  it('a CRLF file gets the same findings as its LF twin, at the same lines', () => {
    const crlf = audit(ODD['CRLF line endings']).findings.map((f) => [f.rule, f.path, f.range.start.line]);
    const lf = audit(ODD['CRLF line endings'].replace(/\r\n/g, '\n')).findings.map((f) => [f.rule, f.path, f.range.start.line]);
    assert.deepEqual(crlf, lf);
  });
});

describe('robustness: fuzzed fixtures', () => {
  const dir = join(FIXTURES, 'rules');
  const files = readdirSync(dir).flatMap((r) => readdirSync(join(dir, r)).filter((f) => f.endsWith('.claim.yaml')).map((f) => join(dir, r, f)));

  it(`survives ${files.length * 12} mutations of ${files.length} fixtures, split and whole paths agreeing on parseable YAML`, function () {
    this.timeout(120000);
    const texts = files.map((file) => ({ file, text: readFileSync(file, 'utf8'), toString: () => file }));
    let agreed = 0;
    // Half nudges that keep the YAML parseable, half hostile changes (test/support/mutations.ts);
    // a failure is shrunk to the fewest, smallest steps and printed with its seed.
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.oneof(nudges, hostile), ({ file, text }, steps) => {
        const m = applyAll(text, steps);
        const split = audit(m).findings;
        for (const f of split) assert.ok(f.span.start >= 0 && f.span.end <= m.length, `${file}: ${f.rule} out of range`);
        assert.ok(!split.some((f) => f.rule === 'internal-error'), `${file}: a rule threw`);
        // Where the YAML itself is broken, the split path keeps the error inside its claim and
        // audits the other claims, so error positions may differ from a whole-document
        // parse; on YAML that parses, both paths must agree exactly.
        if (!split.some((f) => f.rule === 'yaml-syntax')) {
          agreed++;
          assert.deepEqual(JSON.parse(JSON.stringify(audit(m, { noSplit: true }).findings)), JSON.parse(JSON.stringify(split)), `${file}: split and whole paths differ`);
        }
        fixAll(m);
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20261127), numRuns: files.length * 12 },
    );
    assert.ok(agreed > files.length, `only ${agreed} mutations parsed as YAML; the agreement check saw too few`);
  });
});
