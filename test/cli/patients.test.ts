/**
 * Checks across a patient's claims (issue 23) through the real binary: every scenario of
 * test/fixtures/patients/ gives exactly its inline expectations when its files are given to
 * one run; `--patient-scope file` keeps per-file behaviour; `--cache` never reuses a file's
 * findings after another claim of the same patient changed; `--threads` output is
 * byte-identical; no patient id reaches any output.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { readCacheView, writeCacheView } from '../support/cacheFile';
import { join } from 'node:path';
import { keys, parseExpectations } from '../support/expectations';
import { PATIENT_FIXTURES, scenarioFiles, scenarios } from '../support/patientFixtures';
import { runCli } from '../support/cli';
import { claimText } from '../bench/generate';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

interface JsonFile {
  path: string;
  findings: { rule: string; line: number; message: string; related?: { file: string; claimId?: string; path: string; line: number }[] }[];
}
const json = (stdout: string): JsonFile[] => (JSON.parse(stdout) as { files: JsonFile[] }).files;
const CROSS = /^(kx-accrual-|ytd-allowed-mismatch|review-threshold-accrual|units-across-claims|untimed-duplicate-across-claims|progress-report-missing|progress-days-mismatch|certification-(late|expired)-across-visits|plan-dates-changed)/;

describe('checks across claims (spawned binary)', function () {
  this.timeout(120000);

  for (const name of scenarios()) {
    it(`${name}: the files of one run report exactly their expectations`, () => {
      const dir = join(PATIENT_FIXTURES, name);
      const r = runCli(['--threads', '1', '-f', 'json', '.'], dir);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      const files = json(r.stdout);
      for (const f of scenarioFiles(name)) {
        const got = files.find((x) => x.path === f.name)!.findings.map((x) => ({ line: x.line - 1, rule: x.rule }));
        assert.deepEqual(keys(got), keys(parseExpectations(f.text)), `${name}/${f.name}`);
      }
    });
  }

  it('a cross-claim finding names the other claim by claim id and file and points at it (related)', () => {
    const r = runCli(['--threads', '1', '-f', 'json', '.'], join(PATIENT_FIXTURES, 'untimed-duplicate-across-claims'));
    const b = json(r.stdout).find((f) => f.path === 'b.claim.yaml')!;
    const dup = b.findings.find((f) => f.rule === 'untimed-duplicate-across-claims' && /97161/.test(f.message))!;
    assert.match(dup.message, /claim UD-1 \(a\.claim\.yaml\)/);
    assert.match(dup.message, /claim UD-2 \(b\.claim\.yaml\)/);
    assert.deepEqual(dup.related?.map((x) => [x.file, x.claimId, x.path, x.line]), [['a.claim.yaml', 'UD-1', 'claims[0].lines[0].code', 10]]);
  });

  it('--patient-scope file keeps each file on its own: no check reaches into another file', () => {
    for (const name of scenarios()) {
      const r = runCli(['--threads', '1', '-f', 'json', '--patient-scope', 'file', '.'], join(PATIENT_FIXTURES, name));
      for (const f of json(r.stdout)) for (const x of f.findings) for (const rel of x.related ?? []) assert.equal(rel.file, f.path, `${name}: ${x.rule}`);
    }
    // The KX accrual of kx-accrual-missing spans files: each file alone has nothing to say.
    const r = runCli(['--threads', '1', '-f', 'json', '--patient-scope', 'file', '.'], join(PATIENT_FIXTURES, 'kx-accrual-missing'));
    assert.deepEqual(json(r.stdout).flatMap((f) => f.findings.map((x) => `${f.path} ${x.rule}`)), []);
    // Within a file the checks still run: two claims of one patient and date in one file.
    const one = makeTmpDir('scope');
    try {
      const [a, b] = scenarioFiles('units-across-claims').map((f) => f.text);
      writeFileSync(join(one, 'ab.claim.yaml'), a + b.replace(/^[\s\S]*?claims:\n/, ''));
      const both = runCli(['--threads', '1', '-f', 'json', '--patient-scope', 'file', '.'], one);
      assert.deepEqual(json(both.stdout)[0].findings.map((x) => x.rule), ['units-across-claims', 'units-across-claims']);
    } finally {
      removeTmpDir(one);
    }
    assert.match(runCli(['--patient-scope', 'all', '.'], PATIENT_FIXTURES).stderr, /--patient-scope must be run or file/);
  });

  it('--format html: a Patients section over every file of the run (visits in date order, the KX crossing), also from the cache, per file with --patient-scope file', () => {
    const dir = makeTmpDir('html-patients');
    const section = (args: string[], code = 1): string => {
      const r = runCli(['--threads', '1', '-f', 'html', ...args, '.'], dir);
      assert.equal(r.code, code, r.stderr);
      return /<section id="patients"[\s\S]*?<\/section>/.exec(r.stdout)?.[0] ?? '';
    };
    const visits = (html: string): string[][] => [...html.matchAll(/<ul class="visits">(.*?)<\/ul>/g)].map((m) => [...m[1].matchAll(/<li>([A-Z]+-\d)/g)].map((v) => v[1]));
    try {
      cpSync(join(PATIENT_FIXTURES, 'kx-accrual-missing'), dir, { recursive: true });
      const fresh = section(['--cache']);
      assert.deepEqual(visits(fresh), [['KA-1', 'KA-2', 'KA-3', 'KA-4'], ['KB-1', 'KB-2']]);
      // 2,425.00 (KA-1, baseline + line) + 60.00 (KA-2) passes $2,480 at KA-2, in b.claim.yaml.
      assert.match(fresh, /KA-2 <span class="path">\(b\.claim\.yaml, 2026-02-09\)<\/span> <span class="path">above \$2,480\.00/);
      assert.match(fresh, /Patient 2/);
      assert.doesNotMatch(fresh, /PAT-K/);
      // The second run reads every file's claims from the cache: the same section.
      assert.equal(section(['--cache']), fresh);
      // Each file on its own: a patient per file, and nobody crosses the threshold.
      const perFile = section(['--patient-scope', 'file'], 0);
      assert.deepEqual(visits(perFile), [['KA-1'], ['KB-1'], ['KA-2'], ['KB-2'], ['KA-3', 'KA-4']]);
      assert.doesNotMatch(perFile, /above \$2,480/);
    } finally {
      removeTmpDir(dir);
    }
  });

  it('no patient id reaches any output format, --debug or the cache', () => {
    const dir = makeTmpDir('patients');
    try {
      cpSync(PATIENT_FIXTURES, dir, { recursive: true });
      for (const format of ['stylish', 'json', 'sarif', 'junit', 'html']) {
        const r = runCli(['--threads', '1', '--cache', '--debug', '-f', format, '.'], dir);
        assert.ok(r.code === 1, r.stderr);
        assert.doesNotMatch(r.stdout + r.stderr, /PAT-[A-Z]{2}/, format);
      }
      assert.doesNotMatch(readFileSync(join(dir, '.claimlintcache'), 'utf8'), /PAT-[A-Z]{2}/);
    } finally {
      removeTmpDir(dir);
    }
  });

  it('--cache: a file is audited across claims again when another claim of the same patient changed', () => {
    const dir = makeTmpDir('patients-cache');
    try {
      cpSync(join(PATIENT_FIXTURES, 'kx-accrual-missing'), dir, { recursive: true });
      const run = () => runCli(['--threads', '1', '--cache', '-f', 'json', '.'], dir);
      const rulesOf = (r: ReturnType<typeof run>, file: string) => json(r.stdout).find((f) => f.path === file)!.findings.map((x) => x.rule);
      const first = run();
      assert.deepEqual(rulesOf(first, 'b.claim.yaml'), ['kx-accrual-missing']);
      assert.deepEqual(run(), first, 'an unchanged re-run answers the same from the cache');
      // Only a.claim.yaml changes: its baseline drops far below the threshold. b.claim.yaml is the same bytes.
      const a = join(dir, 'a.claim.yaml');
      writeFileSync(a, readFileSync(a, 'utf8').replace('pt_slp: 2400.00', 'pt_slp: 100.00'));
      const second = run();
      assert.deepEqual(rulesOf(second, 'b.claim.yaml'), [], 'b.claim.yaml is not answered with its old cross-claim findings');
      assert.deepEqual(rulesOf(second, 'c.claim.yaml'), ['kx-accrual-premature'], 'c.claim.yaml, unchanged too, now has KX far below the threshold');
      // A claim of another patient in another file changes nothing for this patient's files: still read back.
      writeFileSync(a, readFileSync(a, 'utf8').replace('pt_slp: 100.00', 'pt_slp: 2400.00'));
      assert.deepEqual(run(), first);
      const cachePath = join(realpathSync(dir), '.claimlintcache');
      const cache = readCacheView(cachePath);
      const b = Object.entries(cache.entries).find(([k]) => k.endsWith('b.claim.yaml'))![1];
      b.cross!.findings[0].message = 'PLANTED';
      // Signed as claimlint signs its own cache for this user and folder (an unsigned edit is ignored),
      // without the remembered report (it would answer the unchanged run before any entry is read).
      delete cache.report;
      writeCacheView(cachePath, cache);
      assert.match(run().stdout, /PLANTED/, 'with every claim of the patient unchanged, the cross-claim findings are read back');
    } finally {
      removeTmpDir(dir);
    }
  });

  it('--threads: a big file cut across the workers keeps its claims for the checks across claims (byte-identical)', () => {
    const dir = makeTmpDir('patients-threads');
    try {
      const items: string[] = [];
      for (let i = 0; i < 230; i++) items.push(claimText(i));
      writeFileSync(join(dir, 'big.claim.yaml'), `claims:\n${items.join('')}`);
      // The same patient and date as claim 5 of the big file, on another claim: one 8-minute pool.
      writeFileSync(join(dir, 'small.claim.yaml'), `claims:\n${claimText(5).replace('id: CLM-2026-100005', 'id: CLM-SECOND')}`);
      const one = runCli(['--threads', '1', '-f', 'json', '.'], dir);
      const three = runCli(['--threads', '3', '-f', 'json', '.'], dir);
      assert.deepEqual(three, one);
      const rules = json(one.stdout).flatMap((f) => f.findings.map((x) => `${f.path} ${x.rule}`));
      assert.ok(rules.includes('big.claim.yaml units-across-claims') && rules.includes('small.claim.yaml units-across-claims'), rules.join('\n'));
    } finally {
      removeTmpDir(dir);
    }
  });

  it('--threads: byte-identical output with 1 and 3 threads over every scenario in one run', () => {
    for (const format of ['stylish', 'json', 'sarif']) {
      const one = runCli(['--threads', '1', '-f', format, '.'], PATIENT_FIXTURES);
      const three = runCli(['--threads', '3', '-f', format, '.'], PATIENT_FIXTURES);
      assert.equal(one.code, 1, one.stderr);
      assert.deepEqual(three, one, format);
      assert.ok(CROSS.test(json(runCli(['--threads', '3', '-f', 'json', '.'], PATIENT_FIXTURES).stdout).flatMap((f) => f.findings.map((x) => x.rule)).find((r) => CROSS.test(r)) ?? ''));
    }
  });
});
