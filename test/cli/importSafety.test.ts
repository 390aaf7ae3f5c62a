/**
 * `claimlint import` never loses or leaks: the dependant's name and birth date never reach
 * the output (issue 20 item 1), no temporary file outlives a run (item 2), `-o` never
 * replaces a source, a device or a FIFO (item 3), nor an existing file without --force
 * (item 4). The real binary, on temporary folders.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { file837 } from '../bench/generate837';
import { BIN, runCli } from '../support/cli';
import { billingProvider, interchange, line, patient, subscriber } from '../support/x12';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const MEMBER = 'XYZ123456';
/** Three dependants of one subscriber: the first two differ only in sex (DMG03), the third in birth date (DMG02). */
const DEPENDANTS = interchange(1, [
  [
    [
      ...billingProvider(1, '1245319599', '225X00000X'),
      ...subscriber(2, 1, 'CI', MEMBER, 'ACME HEALTH PLAN', true),
      ...patient(3, 2, 'ZEBEDEE', 'QUINCY', '20150402', 'M'),
      'CLM*D-1*75***11:B:1*Y*A*Y*Y',
      'HI*ABK:F82',
      ...line(1, '97530', ['GO'], '75', '1', '1', '20260303'),
      ...patient(4, 2, 'ZEBEDEE', 'QUINCY', '20150402', 'F'),
      'CLM*D-2*75***11:B:1*Y*A*Y*Y',
      'HI*ABK:F82',
      ...line(1, '97530', ['GO'], '75', '1', '1', '20260303'),
      ...patient(5, 2, 'ZEBEDEE', 'QUINCY', '20170911', 'M'),
      'CLM*D-3*75***11:B:1*Y*A*Y*Y',
      'HI*ABK:F82',
      ...line(1, '97530', ['GO'], '75', '1', '1', '20260303'),
    ],
  ],
]);

const SMALL = interchange(1, [[[...billingProvider(1, '1679576722'), ...subscriber(2, 1, 'MB', '1EG4TE5MK73', 'MEDICARE'), 'CLM*P-1*80***11:B:1*Y*A*Y*Y', 'HI*ABK:M1711', ...line(1, '97110', ['GP'], '80', '2', '1', '20260302')]]]);

function patientIds(yaml: string): string[] {
  return [...yaml.matchAll(/patient:\n\s+id: (.*)\n/g)].map((m) => m[1].replace(/^"|"$/g, ''));
}

const isTemp = (name: string) => /^\..+\.\d+\.[0-9a-z]+\.tmp$/.test(name);

describe('claimlint import: nothing lost, nothing leaked (spawned binary)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('import-safety');
  });
  afterEach(() => removeTmpDir(dir));

  it('a dependant (2000C): name, birth date and sex are never written; the key uses the birth date (DMG02), not the sex', () => {
    writeFileSync(join(dir, 'dep.837'), DEPENDANTS);
    for (const mode of ['member', 'hash']) {
      const r = runCli(['import', 'dep.837', '--patient-id', mode, '-o', `${mode}.claim.yaml`], dir);
      assert.equal(r.code, 0, r.stderr);
      const yaml = readFileSync(join(dir, `${mode}.claim.yaml`), 'utf8');
      for (const leak of ['ZEBEDEE', 'QUINCY', '20150402', '2015-04-02', '20170911', 'DEPENDANT', '|']) assert.ok(!yaml.toUpperCase().includes(leak), `${mode}: ${leak} written`);
      const ids = patientIds(yaml);
      assert.equal(ids.length, 3);
      assert.equal(ids[0], ids[1], `${mode}: the sex is not part of the key`);
      assert.notEqual(ids[0], ids[2], `${mode}: the birth date is part of the key`);
      if (mode === 'member') for (const id of ids) assert.match(id, new RegExp(`^${MEMBER}-D[0-9a-f]{8}$`));
      else for (const id of ids) assert.match(id, /^P-[0-9a-f]{16}$/);
    }
    // A subscriber who is the patient keeps the plain member id.
    writeFileSync(join(dir, 'small.837'), SMALL);
    const plain = runCli(['import', 'small.837', '--patient-id', 'member'], dir);
    assert.deepEqual(patientIds(plain.stdout), ['1EG4TE5MK73']);
  });

  it('removes the temporary file on SIGINT and SIGTERM mid-run (exit 130/143), and a killed run\'s file on the next run', async function () {
    writeFileSync(join(dir, 'big.837'), file837(40_000));
    const interrupted = async (signal: NodeJS.Signals): Promise<{ code: number | null; sawTemp: boolean }> => {
      const child = spawn(process.execPath, [BIN, 'import', 'big.837', '-o', 'big.claim.yaml'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      // Caught once it has written claims to its temporary file: each change in the folder is an
      // event (fs.watch), nothing polls or sleeps.
      const sawTemp = await new Promise<boolean>((done) => {
        const watcher = watch(dir, () => {
          const temp = readdirSync(dir).find(isTemp);
          if (temp && statSync(join(dir, temp), { throwIfNoEntry: false })?.size) {
            watcher.close();
            child.kill(signal);
            done(true);
          }
        });
        child.on('exit', () => {
          watcher.close();
          done(false);
        });
      });
      return { code: await exited, sawTemp };
    };
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const r = await interrupted(signal);
      assert.ok(r.sawTemp, 'the run was caught while writing');
      assert.equal(r.code, code, signal);
      assert.deepEqual(readdirSync(dir), ['big.837'], `${signal}: no temporary file and no output`);
    }
    // SIGKILL cannot be handled: its file stays until the next import into the folder.
    const killed = await interrupted('SIGKILL');
    assert.ok(killed.sawTemp);
    const left = readdirSync(dir).filter(isTemp);
    assert.equal(left.length, 1);
    assert.ok(readFileSync(join(dir, left[0]), 'utf8').includes('claims:'), 'the leftover holds claims');
    // Another process's file (alive: this test runner) and files not of our pattern stay.
    const mine = `.other.claim.yaml.${process.pid}.abcdef1.tmp`;
    writeFileSync(join(dir, mine), 'x');
    writeFileSync(join(dir, '.notes.tmp'), 'x');
    writeFileSync(join(dir, 'small.837'), SMALL);
    const next = runCli(['import', 'small.837', '-o', 'small.claim.yaml'], dir);
    assert.equal(next.code, 0, next.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['.notes.tmp', mine, 'big.837', 'small.837', 'small.claim.yaml'].sort());
  });

  it('a crash (uncaught error) removes the temporary file', () => {
    // The process throws from inside a write: an exit handler still runs.
    writeFileSync(join(dir, 'small.837'), SMALL);
    const crash = join(dir, 'crash.js');
    writeFileSync(crash, "const fs = require('fs'); const w = fs.writeSync; let n = 0; fs.writeSync = function (...a) { if (++n === 1 && typeof a[1] === 'string' && a[1].includes('claims:')) throw new TypeError('boom'); return w.apply(this, a); };\n");
    const r = runCli(['import', 'small.837', '-o', 'out.claim.yaml'], dir, { nodeArgs: ['--require', crash] });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /TypeError: boom/);
    assert.deepEqual(readdirSync(dir).sort(), ['crash.js', 'small.837']);
  });

  it('-o never replaces an input, the --map file, a device or a FIFO; an existing file only with --force', () => {
    writeFileSync(join(dir, 'in.csv'), 'claim_id,date_of_service,payer_type,code,units\nC-1,2026-03-02,medicare,97110,2\n');
    writeFileSync(join(dir, 'map.yaml'), 'columns:\n  claim_id: claim_id\n');
    symlinkSync('.', join(dir, 'd'));
    symlinkSync('in.csv', join(dir, 'link.csv'));
    linkSync(join(dir, 'in.csv'), join(dir, 'hard.csv'));
    const before = readFileSync(join(dir, 'in.csv'), 'utf8');
    const refused = (args: string[], message: RegExp) => {
      const r = runCli(['import', ...args], dir);
      assert.equal(r.code, 2, args.join(' ') + '\n' + r.stderr);
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '');
    };
    const sourceMsg = /the output is one of the input or mapping files/;
    refused(['in.csv', '-o', 'd/in.csv', '--force'], sourceMsg);
    refused(['link.csv', '-o', 'in.csv', '--force'], sourceMsg);
    refused(['in.csv', '-o', 'hard.csv', '--force'], sourceMsg);
    refused(['in.csv', '--map', 'map.yaml', '-o', 'map.yaml', '--force'], sourceMsg);
    refused(['in.csv', '--map', 'map.yaml', '-o', 'd/map.yaml', '--force'], sourceMsg);
    assert.equal(readFileSync(join(dir, 'in.csv'), 'utf8'), before);
    assert.equal(readFileSync(join(dir, 'map.yaml'), 'utf8'), 'columns:\n  claim_id: claim_id\n');

    refused(['in.csv', '-o', '/dev/null', '--force'], /\/dev\/null: the output is a device; name a new file/);
    assert.ok(spawnSync('mkfifo', [join(dir, 'pipe')]).status === 0);
    refused(['in.csv', '-o', 'pipe', '--force'], /pipe: the output is a named pipe \(FIFO\)/);
    mkdirSync(join(dir, 'sub'));
    refused(['in.csv', '-o', 'sub'], /sub: the output is a folder/);

    // An auditor's edits to an earlier import are never lost silently.
    assert.equal(runCli(['import', 'in.csv', '-o', 'out.claim.yaml'], dir).code, 0);
    const edited = readFileSync(join(dir, 'out.claim.yaml'), 'utf8').replace('units: 2', 'units: 2\n        minutes: 30');
    writeFileSync(join(dir, 'out.claim.yaml'), edited);
    refused(['in.csv', '-o', 'out.claim.yaml'], /out\.claim\.yaml: the output file already exists; .*--force/);
    assert.equal(readFileSync(join(dir, 'out.claim.yaml'), 'utf8'), edited);
    const forced = runCli(['import', 'in.csv', '-o', 'out.claim.yaml', '--force'], dir);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(!readFileSync(join(dir, 'out.claim.yaml'), 'utf8').includes('minutes: 30'));
    assert.ok(existsSync(join(dir, 'pipe')));
    assert.deepEqual(readdirSync(dir).filter(isTemp), []);
  });
});
