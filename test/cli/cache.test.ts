/**
 * claimlint --cache / --cache-location with the real binary: a re-run reads findings back
 * (shown by planting a marker in the cache, signed as this user: only a run that used the entry prints it), and
 * a change to the file's content, the config, a data pack or the claimlint that wrote the
 * cache makes it audit again. A re-run with nothing changed writes the remembered report (a
 * marker planted in it comes back), and any change to what that report is made of does not.
 * A corrupt cache is ignored without a crash; the cache stays inside the current folder.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CMS_DIR, CMS_PACK_FILES, PACK_ONLY_CLAIM } from '../support/cmsSample';
import { fileStamp } from '../../src/cli/cache/stamp';
import { readCacheView, writeCacheView, type CacheView } from '../support/cacheFile';
import { runCli } from '../support/cli';
import { aheadOfTime } from '../support/clock';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { strokeVisitText } from '../support/claimSamples';

const MARK = 'PLANTED-BY-THE-TEST';

const claimlint = (args: string[], cwd: string) => runCli(args, cwd);

// Two claims, one over-billed (a timed-units finding) in each file.
const file = (n: number) => `claims:\n${strokeVisitText(n, { units: 9 })}${strokeVisitText(n + 1)}`;

describe('claimlint --cache (spawned binary)', function () {
  // Each test runs the binary up to a dozen times: slow on a loaded machine.
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('cache');
    writeFileSync(join(dir, 'a.claim.yaml'), file(1));
    writeFileSync(join(dir, 'b.claim.yaml'), file(7));
  });
  afterEach(() => removeTmpDir(dir));

  const cachePath = () => join(dir, '.claimlintcache');
  const readCache = () => readCacheView(cachePath());
  /**
   * Writes an edited cache signed as claimlint signs it for this user and folder (an unsigned
   * edit is ignored: cacheTrust.test.ts), without the remembered report (which would answer
   * an unchanged re-run before any entry is read) unless `keepReport`.
   */
  const writeSigned = (c: CacheView, keepReport = false) => {
    if (!keepReport) delete c.report;
    writeCacheView(cachePath(), c);
  };
  /** Replace every cached message of a.claim.yaml with the marker. */
  const plant = () => {
    const c = readCache();
    const key = Object.keys(c.entries).find((k) => k.endsWith('a.claim.yaml'))!;
    for (const f of c.entries[key].findings) f.message = MARK;
    writeSigned(c);
  };
  /** Replace the remembered report's text with the marker (its key and counts kept). */
  const plantReport = () => {
    const c = readCache();
    assert.ok(c.report, 'a report is remembered');
    c.report.text = `${MARK}\n`;
    writeSigned(c, true);
  };
  const uncached = (args: string[]) => claimlint(args, dir);

  it('a re-run gives the identical output and exit code, read from .claimlintcache in the current folder', () => {
    const fresh = uncached(['-f', 'json', '.']);
    assert.equal(fresh.code, 1);
    const first = claimlint(['--cache', '-f', 'json', '.'], dir);
    assert.ok(existsSync(cachePath()), 'cache written in the current folder');
    const second = claimlint(['--cache', '-f', 'json', '.'], dir);
    assert.deepEqual(first, fresh);
    assert.deepEqual(second, fresh);
    const c = readCache();
    assert.equal(c.format, 'claimlint-cache');
    assert.equal(Object.keys(c.entries).length, 2);
    // The entry is really used: a planted message comes back.
    plant();
    const planted = claimlint(['--cache', '-f', 'json', '.'], dir);
    assert.equal(planted.code, 1);
    assert.ok(planted.stdout.includes(MARK));
    assert.ok(!fresh.stdout.includes(MARK));
  });

  it('a re-run with nothing changed writes the remembered report; a change to anything it is made of is audited and reported anew', () => {
    // c holds b's claims under other ids: the same patients and dates, so b's checks across claims depend on c.
    writeFileSync(join(dir, 'c.claim.yaml'), file(7).replace(/CLM-2026-/g, 'CLM-C-'));
    // A clock ahead: the files are settled, so hits are by stamp (the run a re-run in CI makes).
    const later = (args: string[]) => runCli(args, dir, { nodeArgs: aheadOfTime() });
    const base = ['--cache', '-f', 'json', '.'];
    const first = later(base);
    assert.deepEqual(first, uncached(['-f', 'json', '.']));
    const variants: { what: string; args: string[]; change?: () => void }[] = [
      { what: 'another format', args: ['--cache', '-f', 'junit', '.'] },
      { what: 'stylish', args: ['--cache', '.'] },
      { what: '--quiet', args: ['--cache', '-f', 'json', '--quiet', '.'] },
      { what: 'the patient scope', args: ['--cache', '-f', 'json', '--patient-scope', 'file', '.'] },
      { what: 'fewer files', args: ['--cache', '-f', 'json', 'a.claim.yaml', 'c.claim.yaml'] },
      { what: 'a missing path beside them', args: ['--cache', '-f', 'json', '.', 'missing.claim.yaml'] },
      { what: 'another config', args: base, change: () => writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules:\n  timed-units-total: warning\n') },
      { what: 'a claim of the same patient in another file', args: base, change: () => writeFileSync(join(dir, 'c.claim.yaml'), readFileSync(join(dir, 'c.claim.yaml'), 'utf8').replace('units: 2', 'units: 3')) },
      { what: 'a new file', args: base, change: () => writeFileSync(join(dir, 'd.claim.yaml'), file(11)) },
      { what: 'a file removed', args: base, change: () => rmSync(join(dir, 'd.claim.yaml')) },
    ];
    for (const v of variants) {
      // The base run's report is remembered, and answers an unchanged base run (the marker comes back, same exit code and stderr).
      const before = later(base);
      plantReport();
      assert.deepEqual(later(base), { ...before, stdout: `${MARK}\n` }, `${v.what}: the remembered report answers the unchanged run`);
      v.change?.();
      const r = later(v.args);
      assert.ok(!r.stdout.includes(MARK), `${v.what}: not answered by the remembered report`);
      assert.deepEqual(r, uncached(v.args.filter((a) => a !== '--cache')), v.what);
    }
    // --output gets the remembered report; --max-warnings judges its counts (neither is part of the key).
    plantReport();
    const toFile = later([...base, '-o', 'report.json']);
    assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), `${MARK}\n`, '--output writes the remembered report');
    assert.deepEqual({ ...toFile, stdout: 'x' }, { ...uncached(['-f', 'json', '.']), stdout: 'x' });
    writeSigned(readCache());
    later(base);
    for (const max of ['0', '1000']) assert.deepEqual(later([...base, '--max-warnings', max]), uncached(['-f', 'json', '.', '--max-warnings', max]), `--max-warnings ${max}`);
    // The change in c changed b's findings of the checks across claims (the variant above had something to miss).
    const b = (stdout: string) => JSON.parse(stdout).files.find((f: { path: string }) => f.path === 'b.claim.yaml').findings.filter((f: { rule: string }) => f.rule === 'units-across-claims');
    assert.notDeepEqual(b(uncached(['-f', 'json', '.']).stdout), b(first.stdout));
  });

  it('a file settled for a second is answered by its stamp without being read; any write to it is read again', () => {
    // The child's clock runs 2 s ahead (a fake clock, no sleep): the files just written are settled for it.
    const later = (args: string[]) => runCli(args, dir, { nodeArgs: aheadOfTime() });
    const fresh = uncached(['-f', 'json', '.']);
    assert.deepEqual(later(['--cache', '-f', 'json', '.']), fresh);
    const c = readCache();
    const key = Object.keys(c.entries).find((k) => k.endsWith('a.claim.yaml'))!;
    assert.match(c.entries[key].stamp ?? '', /^\d+:\d+:\d+:\d+:\d+$/, 'a settled file gets a stamp');
    // Spoil the content hash: only the stamp can still match, so the marker proves a was not read.
    c.entries[key].content = '0'.repeat(64);
    writeSigned(c);
    plant();
    assert.ok(later(['--cache', '-f', 'json', '.']).stdout.includes(MARK), 'answered by the stamp');
    // Other bytes of the same size, written at once: the change time moves, so a is read and audited again.
    const a = join(dir, 'a.claim.yaml');
    const before = readFileSync(a, 'utf8');
    const after = before.replace('units: 9', 'units: 8');
    assert.equal(after.length, before.length);
    writeFileSync(a, after);
    const rerun = later(['--cache', '-f', 'json', '.']);
    assert.deepEqual(rerun, uncached(['-f', 'json', '.']));
    assert.ok(!rerun.stdout.includes(MARK));
    assert.notDeepEqual(rerun.stdout, fresh.stdout, 'the edit changed the findings');
  });

  it('a stamp vouches only for a file that had not changed for a second before it was read (a same-tick rewrite keeps its times)', () => {
    const a = join(dir, 'a.claim.yaml');
    const now = BigInt(Date.now()) * 1_000_000n;
    assert.equal(fileStamp(a, now)?.stable, false, 'just written');
    assert.equal(fileStamp(a, now + 2_000_000_000n)?.stable, true, 'two seconds later');
    assert.equal(fileStamp(join(dir, 'missing.claim.yaml'), now), undefined);
    assert.equal(fileStamp(dir, now), undefined, 'a folder has no stamp');
  });

  it('a changed file is audited again (and only its entry is replaced)', () => {
    claimlint(['--cache', '.'], dir);
    plant();
    writeFileSync(join(dir, 'a.claim.yaml'), file(1).replace('units: 9', 'units: 8'));
    const r = claimlint(['--cache', '-f', 'json', '.'], dir);
    assert.deepEqual(r, uncached(['-f', 'json', '.']));
    assert.ok(!r.stdout.includes(MARK));
    assert.ok(!readFileSync(cachePath(), 'utf8').includes(MARK), 'the stale entry was replaced');
  });

  it('a changed config is audited again', () => {
    claimlint(['--cache', '.'], dir);
    plant();
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules:\n  timed-units-total: warning\n');
    const r = claimlint(['--cache', '-f', 'json', '.'], dir);
    assert.deepEqual(r, uncached(['-f', 'json', '.']));
    assert.ok(!r.stdout.includes(MARK));
    assert.match(r.stdout, /"severity":\s*"warning"/);
  });

  it('a changed data pack is audited again: a re-imported pack, and a table edited behind the manifest\'s back', () => {
    cpSync(CMS_DIR, join(dir, 'cms'), { recursive: true });
    writeFileSync(join(dir, 'visit.claim.yaml'), PACK_ONLY_CLAIM);
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [packs/p]\n');
    // First the pack without the NCCI file: no ncci-pair-denied finding (only the pack knows that pair).
    const withoutNcci = CMS_PACK_FILES.filter((f) => !/ccipra/.test(f)).map((f) => join('cms', f));
    assert.equal(claimlint(['data', 'import', ...withoutNcci, '-o', 'packs/p'], dir).code, 0);
    const first = claimlint(['--cache', '-f', 'json', '.'], dir);
    assert.deepEqual(first, uncached(['-f', 'json', '.']));
    assert.ok(!first.stdout.includes('ncci-pair-denied'));
    assert.deepEqual(claimlint(['--cache', '-f', 'json', '.'], dir), first, 'a hit');
    const c = readCache();
    for (const e of Object.values(c.entries)) for (const f of e.findings) f.message = MARK;
    writeSigned(c);
    assert.ok(claimlint(['--cache', '-f', 'json', '.'], dir).stdout.includes(MARK), 'the planted entry is used while the pack is unchanged');

    // The same pack folder re-imported with the NCCI file: audited again, the new finding is there.
    assert.equal(claimlint(['data', 'import', ...CMS_PACK_FILES.map((f) => join('cms', f)), '-o', 'packs/p', '--force'], dir).code, 0);
    const reimported = claimlint(['--cache', '-f', 'json', '.'], dir);
    assert.deepEqual(reimported, uncached(['-f', 'json', '.']));
    assert.ok(!reimported.stdout.includes(MARK));
    assert.ok(reimported.stdout.includes('ncci-pair-denied'), reimported.stdout);

    // A table changed without its manifest: the pack is refused (exit 2), cached or not.
    const mue = readdirSync(join(dir, 'packs', 'p')).find((f) => f.startsWith('mue-'))!;
    writeFileSync(join(dir, 'packs', 'p', mue), readFileSync(join(dir, 'packs', 'p', mue), 'utf8').replace('"maxUnits":3', '"maxUnits":4'));
    const tampered = claimlint(['--cache', '-f', 'json', '.'], dir);
    assert.equal(tampered.code, 2);
    assert.match(tampered.stderr, /data pack .*sha256 differs/);
    assert.deepEqual(tampered, uncached(['-f', 'json', '.']));
  });

  it('a hit answers the config from the cache: its warnings are said again, and the cache is keyed by the effective config', () => {
    // A config with a warning (an unknown rule id) and a severity change.
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules:\n  timed-units-total: warning\n  no-such-rule: error\n');
    const fresh = uncached(['-f', 'json', '.']);
    assert.match(fresh.stderr, /warning: .*no-such-rule/);
    claimlint(['--cache', '-f', 'json', '.'], dir);
    assert.equal(Object.keys(readCache().configs).length, 1, 'the config file remembered');
    assert.deepEqual(claimlint(['--cache', '-f', 'json', '.'], dir), fresh);
    // --config names another file: another effective config, so not the cached findings.
    plant();
    writeFileSync(join(dir, 'other.yaml'), 'rules:\n  timed-units-total: info\n');
    const other = claimlint(['--cache', '-c', 'other.yaml', '-f', 'json', '.'], dir);
    assert.deepEqual(other, uncached(['-c', 'other.yaml', '-f', 'json', '.']));
    assert.ok(!other.stdout.includes(MARK));
    // A remembered config whose shape is wrong is not used (read again from the file).
    const c = readCache();
    for (const k of Object.keys(c.configs)) c.configs[k] = { load: { ok: true, path: 1 } };
    writeSigned(c);
    assert.deepEqual(claimlint(['--cache', '-c', 'other.yaml', '-f', 'json', '.'], dir), other);
  });

  it('a hit prints the same in every format, with --quiet, and with a file that cannot be audited beside it', function () {
    this.timeout(60000); // 18 runs of the binary: over 20 s when the machine is loaded (seen at load 20 on 2 cores)
    writeFileSync(join(dir, 'broken.claim.yaml'), 'claims:\n  - id: [\n');
    writeFileSync(join(dir, 'bad.claim.yaml'), Buffer.from([0x63, 0x6c, 0x61, 0x69, 0x6d, 0x3a, 0xff, 0x0a]));
    for (const args of [['-f', 'json'], ['-f', 'sarif'], ['-f', 'junit'], [], ['--quiet'], ['-f', 'json', 'a.claim.yaml', 'missing.claim.yaml']]) {
      const paths = args.some((a) => a.endsWith('.yaml')) ? [] : ['.'];
      const fresh = uncached([...args, ...paths]);
      rmSync(cachePath(), { force: true });
      assert.deepEqual(claimlint(['--cache', ...args, ...paths], dir), fresh, `first, ${args.join(' ')}`);
      assert.deepEqual(claimlint(['--cache', ...args, ...paths], dir), fresh, `cached, ${args.join(' ')}`);
    }
  });

  it('a cache written by another claimlint version is not used', () => {
    claimlint(['--cache', '.'], dir);
    plant();
    const c = readCache();
    c.claimlint = '0.0.1+old';
    writeSigned(c);
    const r = claimlint(['--cache', '-f', 'json', '.'], dir);
    assert.deepEqual(r, uncached(['-f', 'json', '.']));
    assert.ok(!r.stdout.includes(MARK));
    assert.notEqual(readCache().claimlint, '0.0.1+old', 'rewritten by this version');
  });

  it('a corrupt or malformed cache is ignored without a crash and rewritten', () => {
    const fresh = uncached(['-f', 'json', '.']);
    for (const junk of ['{"format":"claimlint-cache", trunc', '\u0000\u0001binary', '[]', JSON.stringify({ format: 'claimlint-cache', version: 1, claimlint: 'x', entries: { a: { findings: 'no' } } })]) {
      writeFileSync(cachePath(), junk);
      const r = claimlint(['--cache', '-f', 'json', '.'], dir);
      assert.deepEqual(r, fresh, junk);
      assert.equal(readCache().format, 'claimlint-cache');
    }
    // An entry of the current version with a finding of the wrong shape is not used either.
    claimlint(['--cache', '.'], dir);
    const c = readCache();
    const key = Object.keys(c.entries)[0];
    c.entries[key].findings[0].range = null;
    writeSigned(c);
    assert.deepEqual(claimlint(['--cache', '-f', 'json', '.'], dir), fresh);
  });

  it('--cache-location: a folder holds .claimlintcache; a place outside the current folder is refused', () => {
    mkdirSync(join(dir, 'tmp'));
    const r = claimlint(['--cache', '--cache-location', 'tmp/', '.'], dir);
    assert.equal(r.code, 1);
    assert.ok(existsSync(join(dir, 'tmp', '.claimlintcache')));
    assert.ok(!existsSync(cachePath()));
    const named = claimlint(['--cache', '--cache-location', 'tmp/mine.json', '.'], dir);
    assert.equal(named.code, 1);
    assert.ok(existsSync(join(dir, 'tmp', 'mine.json')));

    const outside = makeTmpDir('outside');
    try {
      for (const where of [join(outside, 'c'), '../x.cache']) {
        const bad = claimlint(['--cache', '--cache-location', where, '.'], dir);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /inside the current folder/);
      }
      // A symlinked folder that leads outside is outside too.
      symlinkSync(outside, join(dir, 'link'));
      const viaLink = claimlint(['--cache', '--cache-location', 'link/c', '.'], dir);
      assert.equal(viaLink.code, 2);
      assert.deepEqual(readdirSync(outside), []);
    } finally {
      removeTmpDir(outside);
    }
  });

  it('never writes through a symlinked cache file', () => {
    const target = join(dir, 'elsewhere.json');
    writeFileSync(target, 'untouched');
    symlinkSync(target, cachePath());
    const r = claimlint(['--cache', '.'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /symlink; the cache is not written through it/);
    assert.equal(readFileSync(target, 'utf8'), 'untouched');
  });

  it('--fix with --cache: a cached file with fixable findings is still fixed, and the rerun is cached', () => {
    claimlint(['--cache', '.'], dir);
    const r = claimlint(['--cache', '--fix', '.'], dir);
    assert.equal(r.stderr, '');
    assert.ok(!readFileSync(join(dir, 'a.claim.yaml'), 'utf8').includes('units: 9'), 'fixed although its findings were cached');
    const after = uncached(['.']);
    assert.equal(r.code, after.code);
    assert.deepEqual(claimlint(['--cache', '.'], dir), after);
  });
});
