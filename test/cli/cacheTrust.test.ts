/**
 * An edited or foreign --cache never makes a finding disappear (issue 20 item 12), and
 * --cache-location never replaces a file that is not a cache (item 11). The cache's head is
 * signed per user, machine and folder (src/cli/cache/mac.ts), and gives the SHA-256 of each
 * part after it (src/cli/cache/layout.ts): an edited part is not used either. The real CLI binary.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheMacKey } from '../../src/cli/cache/mac';
import { cacheBytes, encodeCacheView, readCacheView, writeCacheView, type CacheView } from '../support/cacheFile';
import { runCli } from '../support/cli';
import { aheadOfTime } from '../support/clock';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { strokeVisitText } from '../support/claimSamples';

const file = (n: number) => `claims:\n${strokeVisitText(n, { units: 9 })}${strokeVisitText(n + 1)}`;
const MARK = 'PLANTED-BY-THE-TEST';

describe('claimlint --cache: only its own, untouched cache is trusted (spawned binary)', function () {
  this.timeout(60_000);
  let dir: string;
  let other: string;
  beforeEach(() => {
    dir = makeTmpDir('cache-trust');
    other = makeTmpDir('cache-copy');
    writeFileSync(join(dir, 'a.claim.yaml'), file(1));
    writeFileSync(join(dir, 'b.claim.yaml'), file(7));
  });
  afterEach(() => {
    removeTmpDir(dir);
    removeTmpDir(other);
  });
  const cachePath = (d = dir) => join(d, '.claimlintcache');
  const readCache = (d = dir) => readCacheView(cachePath(d));
  /** The cache with every entry's findings emptied (and no remembered report). */
  const emptied = (c: CacheView) => {
    for (const e of Object.values(c.entries)) e.findings = [];
    delete c.report;
    return c;
  };

  it('entries edited to findings: [] are ignored: the findings are reported and the run fails', () => {
    const fresh = runCli(['-f', 'json', '.'], dir);
    assert.equal(fresh.code, 1);
    assert.deepEqual(runCli(['--cache', '-f', 'json', '.'], dir), fresh);
    const c = readCache();
    assert.match(c.mac ?? '', /^[0-9a-f]{64}$/, 'the cache is signed');
    // The edit keeps the old signature (what a hand edit does) or drops it.
    writeFileSync(cachePath(), encodeCacheView(emptied(c), (head) => `{"mac":"${c.mac}",${head.slice(1)}`));
    assert.deepEqual(runCli(['--cache', '-f', 'json', '.'], dir), fresh, 'an edited cache is not trusted');
    writeFileSync(cachePath(), encodeCacheView(emptied(readCache()), (head) => head));
    assert.deepEqual(runCli(['--cache', '-f', 'json', '.'], dir), fresh, 'an unsigned cache is not trusted');
  });

  it('a cache signed for another user or machine, or copied with its folder, is not trusted', () => {
    const fresh = runCli(['-f', 'json', '.'], dir);
    runCli(['--cache', '.'], dir);
    // Signed with another home folder: another user's (or machine's) key.
    writeCacheView(cachePath(), emptied(readCache()), cacheMacKey(cachePath(), '/home/somebody-else'));
    assert.deepEqual(runCli(['--cache', '-f', 'json', '.'], dir), fresh, 'a foreign signature is not trusted');

    // The genuine signature of this folder is trusted (a planted marker comes back) ...
    runCli(['--cache', '.'], dir);
    const c = readCache();
    for (const e of Object.values(c.entries)) for (const f of e.findings) f.message = MARK;
    delete c.report;
    writeCacheView(cachePath(), c);
    assert.ok(runCli(['--cache', '.'], dir).stdout.includes(MARK), 'its own cache is used');
    // ... but not in a copy of the folder (a clone, a CI checkout of a committed cache).
    cpSync(dir, other, { recursive: true });
    const copied = runCli(['--cache', '.'], other);
    assert.ok(!copied.stdout.includes(MARK), 'a copied cache is not used');
    assert.equal(copied.code, 1);
  });

  it('a part edited behind the signed head (a finding, the remembered report) is not used: the file is audited again, without a crash', () => {
    // Settled files (a clock ahead): the entries are hit by stamp, and their parts read only when used.
    const later = (args: string[]) => runCli(args, dir, { nodeArgs: aheadOfTime() });
    const fresh = runCli(['-f', 'json', '.'], dir);
    assert.deepEqual(later(['--cache', '-f', 'json', '.']), fresh);
    const { head, parts } = cacheBytes(cachePath());
    const refs = JSON.parse(head) as { report: { text: [number, number, string] }; entries: Record<string, { findings: [number, number, string] }> };
    const write = (p: Buffer) => writeFileSync(cachePath(), Buffer.concat([Buffer.from(head + '\n'), p]));
    /** `p` with the first `from` in the part at `start` (of `length` bytes) replaced by `to` (as long). */
    const replaced = (p: Buffer, [start, length]: [number, number, string], from: string, to: string) => {
      const at = p.indexOf(from, start);
      assert.ok(at >= start && at + from.length <= start + length, from);
      const copy = Buffer.from(p);
      copy.write(to, at);
      return copy;
    };
    // The remembered report's first error count, 1–9 errors made 0: not written, the findings are.
    const [reportAt, reportLength] = refs.report.text;
    const count = /"errorCount": [1-9]/.exec(parts.subarray(reportAt, reportAt + reportLength).toString())![0];
    write(replaced(parts, refs.report.text, count, count.replace(/\d$/, '0')));
    assert.deepEqual(later(['--cache', '-f', 'json', '.']), fresh, 'an edited report is not written');
    // A finding's severity, error to info (the report's digest no longer matching either): the file is audited again.
    const findings = Object.values(refs.entries)[0].findings;
    write(replaced(replaced(parts, refs.report.text, count, count.replace(/\d$/, '0')), findings, '"severity":"error"', '"severity":"info" '));
    const r = later(['--cache', '-f', 'json', '.']);
    assert.deepEqual(r, fresh, 'an edited finding is not used');
    assert.equal(r.code, 1);
    const again = readCacheView(cachePath());
    assert.ok(Object.values(again.entries).every((e) => e.findings.every((f: { severity: string }) => f.severity !== 'info')), 'the cache is written again whole');
    assert.deepEqual(later(['--cache', '-f', 'json', '.']), fresh, 'and used');
  });

  it('--cache-location never replaces a claim file, another file or a FIFO; a cache or an empty file is fine', () => {
    const before = readFileSync(join(dir, 'a.claim.yaml'), 'utf8');
    const refused = (where: string, message: RegExp) => {
      const r = runCli(['--cache', '--cache-location', where, '.'], dir);
      assert.equal(r.code, 2, `${where}: ${r.stderr}`);
      assert.match(r.stderr, message);
    };
    refused('a.claim.yaml', /--cache-location: a\.claim\.yaml exists and is not a claimlint cache file; it is never overwritten/);
    assert.equal(readFileSync(join(dir, 'a.claim.yaml'), 'utf8'), before);
    writeFileSync(join(dir, 'notes.txt'), 'my notes');
    refused('notes.txt', /notes\.txt exists and is not a claimlint cache file/);
    assert.equal(spawnSync('mkfifo', [join(dir, 'pipe')]).status, 0);
    refused('pipe', /pipe is a named pipe \(FIFO\), not a regular file/);
    writeFileSync(join(dir, 'empty.cache'), '');
    assert.equal(runCli(['--cache', '--cache-location', 'empty.cache', '.'], dir).code, 1);
    assert.match(readFileSync(join(dir, 'empty.cache'), 'utf8'), /^\{"mac":"[0-9a-f]{64}","format":"claimlint-cache"/);
    assert.equal(runCli(['--cache', '--cache-location', 'empty.cache', '.'], dir).code, 1, 'its own cache is reused');
  });
});
