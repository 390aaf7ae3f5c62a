/**
 * Bad input gets located findings, never a crash or a hang: odd documents, and a seeded
 * fuzz that cuts, duplicates and scrambles bytes of every fixture.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, fixAll } from '../../src/core/engine';

const ROOT = join(__dirname, '..', '..', '..');

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

  it('a CRLF file gets the same findings as its LF twin, at the same lines', () => {
    const crlf = audit(ODD['CRLF line endings']).findings.map((f) => [f.rule, f.path, f.range.start.line]);
    const lf = audit(ODD['CRLF line endings'].replace(/\r\n/g, '\n')).findings.map((f) => [f.rule, f.path, f.range.start.line]);
    assert.deepEqual(crlf, lf);
  });
});

/** A small deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function mutate(text: string, rand: () => number): string {
  let t = text;
  for (let k = 0; k < 4; k++) {
    const a = Math.floor(rand() * t.length);
    const b = Math.min(t.length, a + Math.floor(rand() * 40));
    const op = rand();
    if (op < 0.35) t = t.slice(0, a) + t.slice(b); // cut
    else if (op < 0.6) t = t.slice(0, a) + t.slice(a, b) + t.slice(a); // duplicate
    else if (op < 0.8) t = t.slice(0, a) + ':-[{&*|>#'[Math.floor(rand() * 9)] + t.slice(a); // punctuation
    else t = t.slice(0, a) + '\n' + ' '.repeat(Math.floor(rand() * 9)) + t.slice(a); // indentation
  }
  return t;
}

/** Changes that usually keep the YAML well-formed: a digit, a modifier, a dropped line. */
function nudge(text: string, rand: () => number): string {
  const lines = text.split('\n');
  for (let k = 0; k < 2; k++) {
    const i = Math.floor(rand() * lines.length);
    const op = rand();
    if (op < 0.4) lines[i] = lines[i].replace(/\d/, String(Math.floor(rand() * 10)));
    else if (op < 0.6) lines[i] = lines[i].replace(/\b(GP|GO|GN|CQ|CO|KX)\b/, ['GP', 'GO', 'GN', 'CQ', 'CO', 'KX', '59'][Math.floor(rand() * 7)]);
    else if (!/^\s*-/.test(lines[i])) lines.splice(i, 1);
  }
  return lines.join('\n');
}

describe('robustness: fuzzed fixtures', () => {
  const dir = join(ROOT, 'test', 'fixtures', 'rules');
  const files = readdirSync(dir).flatMap((r) => readdirSync(join(dir, r)).filter((f) => f.endsWith('.claim.yaml')).map((f) => join(dir, r, f)));

  it(`survives ${files.length * 12} mutations of ${files.length} fixtures, split and whole paths agreeing on parseable YAML`, function () {
    this.timeout(120000);
    const rand = rng(Number(process.env.FUZZ_SEED ?? 20261127));
    let agreed = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (let i = 0; i < 12; i++) {
        const m = i % 2 ? mutate(text, rand) : nudge(text, rand);
        const split = audit(m).findings;
        for (const f of split) assert.ok(f.span.start >= 0 && f.span.end <= m.length, `${file}#${i}: ${f.rule} out of range`);
        assert.ok(!split.some((f) => f.rule === 'internal-error'), `${file}#${i}: a rule threw`);
        // Where the YAML itself is broken, the split path keeps the error inside its claim and
        // audits the other claims, so error positions may differ from a whole-document
        // parse; on YAML that parses, both paths must agree exactly.
        if (!split.some((f) => f.rule === 'yaml-syntax')) {
          agreed++;
          assert.deepEqual(JSON.parse(JSON.stringify(audit(m, { noSplit: true }).findings)), JSON.parse(JSON.stringify(split)), `${file}#${i}: split and whole paths differ`);
        }
        fixAll(m);
      }
    }
    assert.ok(agreed > files.length, `only ${agreed} mutations parsed as YAML; the agreement check saw too few`);
  });
});

describe('fixes keep the file’s line endings', () => {
  it('a CRLF file stays CRLF after fixes that add lines', () => {
    const text = [
      'claims:',
      '  - id: A',
      '    date_of_service: 2026-03-02',
      '    payer: { type: medicare }',
      '    provider: { npi: "1234567893", discipline: PT }',
      '    plan_of_care: { discipline: PT, start_date: 2026-02-16, certified_date: 2026-02-20, cert_through: 2026-05-15 }',
      '    lines:',
      '      - code: "97110"',
      '        units: 1',
      '        minutes: 15',
      '',
    ].join('\r\n');
    const fixed = fixAll(text).text;
    assert.notEqual(fixed, text, 'the missing GP is added');
    assert.match(fixed, /GP/);
    assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF introduced');
  });
});
