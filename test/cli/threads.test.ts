/**
 * claimlint --threads with the real binary: a set of files, and one file big enough to be
 * cut across the workers, give byte-identical output and the same exit code with one
 * thread and with several, in every format that lists findings.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimFile } from '../bench/generate';
import { runCli } from '../support/cli';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { strokeVisit, strokeVisitText } from '../support/claimSamples';
import { singleClaimYaml, type LineSpec } from '../support/claims';


const claimlint = (args: string[], cwd: string) => runCli(args, cwd);

/** Claims with findings of several rules, an id repeated far apart, a directive and a broken item. */
function bigList(claims: number): string {
  const items: string[] = [];
  for (let i = 0; i < claims; i++) {
    const line: Partial<LineSpec> = { ...(i % 4 === 0 ? { units: 9 } : {}), ...(i % 9 === 0 ? { modifiers: ['GO'] } : {}) };
    let t = strokeVisitText(i, line, i === 5 || i === claims - 2 ? { id: 'CLM-TWICE' } : {});
    if (i === 13) t = t.replace('    lines:\n', '    # claimlint-disable-next-line\n    lines:\n');
    if (i === 30) t = t.replace('modifiers: [GP]', 'modifiers: [GP');
    items.push(t);
  }
  return `claims:\n${items.join('')}`;
}

describe('claimlint --threads (spawned binary)', function () {
  this.timeout(180000);
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('threads');
  });
  afterEach(() => removeTmpDir(dir));

  it('a set of files: the same output and exit code with 1 and 3 threads (stylish, json, sarif)', () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.claim.yaml'), bigList(12));
    writeFileSync(join(dir, 'b.claim.yaml'), claimFile(3));
    writeFileSync(join(dir, 'sub', 'c.claim.yaml'), singleClaimYaml(strokeVisit(2), 'block'));
    writeFileSync(join(dir, 'sub', 'd.claim.yml'), `${claimFile(2)}---\n${bigList(3)}`);
    writeFileSync(join(dir, 'sub', 'e.claim.yaml'), 'claims: [\n');
    for (const format of ['stylish', 'json', 'sarif']) {
      const one = claimlint(['--threads', '1', '-f', format, '.'], dir);
      const three = claimlint(['--threads', '3', '-f', format, '.'], dir);
      assert.equal(one.code, 1, one.stderr);
      assert.deepEqual(three, one, format);
    }
    assert.match(claimlint(['--threads', '1', '.'], dir).stdout, /in 5 files/);
  });

  it('one big file cut across the workers: byte-identical JSON, stylish and --quiet', () => {
    const text = bigList(360);
    assert.ok(text.length > 600 * 1024);
    writeFileSync(join(dir, 'big.claim.yaml'), text);
    for (const args of [['-f', 'json'], [], ['--quiet']]) {
      const one = claimlint(['--threads', '1', ...args, 'big.claim.yaml'], dir);
      const two = claimlint(['--threads', '2', ...args, 'big.claim.yaml'], dir);
      assert.equal(one.code, 1);
      assert.deepEqual(two, one, args.join(' '));
      const auto = claimlint([...args, 'big.claim.yaml'], dir);
      assert.deepEqual(auto, one, `auto ${args.join(' ')}`);
    }
    const json = JSON.parse(claimlint(['--threads', '2', '-f', 'json', 'big.claim.yaml'], dir).stdout);
    const rules = new Set(json.files[0].findings.map((f: { rule: string }) => f.rule));
    for (const r of ['claim-id-duplicate', 'yaml-syntax', 'timed-units-total']) assert.ok(rules.has(r), r);
  });

  it('a bad --threads value is a usage error', () => {
    writeFileSync(join(dir, 'b.claim.yaml'), claimFile(1));
    for (const bad of ['0', 'many', '1.5']) {
      const r = claimlint(['--threads', bad, '.'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--threads must be a number from 1 to 64, or auto/);
    }
  });
});
