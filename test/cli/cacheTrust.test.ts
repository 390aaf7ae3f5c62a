/**
 * An edited or foreign --cache never makes a finding disappear (issue 20 item 12), and
 * --cache-location never replaces a file that is not a cache (item 11). The cache is signed
 * per user, machine and folder (src/cli/cache/mac.ts). The real CLI binary.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheMacKey, signCacheText } from '../../src/cli/cache/mac';
import { runCli } from '../support/cli';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { strokeVisitText } from '../support/claimSamples';

const file = (n: number) => `claims:\n${strokeVisitText(n, { units: 9 })}${strokeVisitText(n + 1)}`;
const MARK = 'PLANTED-BY-THE-TEST';

interface CacheJson {
  mac?: string;
  entries: Record<string, { findings: { message: string }[] }>;
}

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
  const readCache = (d = dir) => JSON.parse(readFileSync(cachePath(d), 'utf8')) as CacheJson;
  const emptied = (c: CacheJson) => {
    delete c.mac;
    for (const e of Object.values(c.entries)) e.findings = [];
    return JSON.stringify(c);
  };

  it('entries edited to findings: [] are ignored: the findings are reported and the run fails', () => {
    const fresh = runCli(['-f', 'json', '.'], dir);
    assert.equal(fresh.code, 1);
    assert.deepEqual(runCli(['--cache', '-f', 'json', '.'], dir), fresh);
    const c = readCache();
    assert.match(c.mac ?? '', /^[0-9a-f]{64}$/, 'the cache is signed');
    // The edit keeps the old signature (what a hand edit does) or drops it.
    writeFileSync(cachePath(), `{"mac":"${c.mac}",${emptied(c).slice(1)}`);
    assert.deepEqual(runCli(['--cache', '-f', 'json', '.'], dir), fresh, 'an edited cache is not trusted');
    writeFileSync(cachePath(), emptied(readCache()));
    assert.deepEqual(runCli(['--cache', '-f', 'json', '.'], dir), fresh, 'an unsigned cache is not trusted');
  });

  it('a cache signed for another user or machine, or copied with its folder, is not trusted', () => {
    const fresh = runCli(['-f', 'json', '.'], dir);
    runCli(['--cache', '.'], dir);
    // Signed with another home folder: another user's (or machine's) key.
    writeFileSync(cachePath(), signCacheText(emptied(readCache()), cacheMacKey(cachePath(), '/home/somebody-else')));
    assert.deepEqual(runCli(['--cache', '-f', 'json', '.'], dir), fresh, 'a foreign signature is not trusted');

    // The genuine signature of this folder is trusted (a planted marker comes back) ...
    runCli(['--cache', '.'], dir);
    const c = readCache();
    delete c.mac;
    for (const e of Object.values(c.entries)) for (const f of e.findings) f.message = MARK;
    writeFileSync(cachePath(), signCacheText(JSON.stringify(c), cacheMacKey(cachePath())));
    assert.ok(runCli(['--cache', '.'], dir).stdout.includes(MARK), 'its own cache is used');
    // ... but not in a copy of the folder (a clone, a CI checkout of a committed cache).
    cpSync(dir, other, { recursive: true });
    const copied = runCli(['--cache', '.'], other);
    assert.ok(!copied.stdout.includes(MARK), 'a copied cache is not used');
    assert.equal(copied.code, 1);
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
