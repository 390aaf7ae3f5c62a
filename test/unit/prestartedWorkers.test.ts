/**
 * Workers started before the pool (the language server's launcher, src/server/launch.ts):
 * a pool of the same script takes them instead of starting its own, and they audit as its own
 * would; one that failed to start is never handed over; another script's pool starts its own.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit, resolveConfig } from '../../src/core';
import { AuditPool } from '../../src/node/auditPool';
import { prestartWorkers, takePrestarted } from '../../src/node/prestartedWorkers';
import { claimFile } from '../bench/generate';

/** The pool's own default script (the transpiled worker beside src/node/auditPool). */
const WORKER = join(__dirname, '..', '..', 'src', 'node', 'auditWorker.js');

describe('prestarted worker threads', function () {
  this.timeout(60000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'claimlint-prestart-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a pool of the same script takes them (no worker of its own) and they audit as its own would', async () => {
    prestartWorkers(WORKER, 2);
    const text = claimFile(12);
    // The pool's workers are the very ones started: none is left, and the pool works.
    const pool = new AuditPool(2, { script: WORKER });
    try {
      assert.equal(takePrestarted(WORKER), undefined, 'the pool took both');
      assert.deepEqual(await pool.auditFile(text, { config: resolveConfig() }), audit(text).findings);
    } finally {
      await pool.close();
    }
  });

  it('one that failed to start is not handed over; a pool of another script starts its own', async () => {
    const broken = join(dir, 'broken.js');
    writeFileSync(broken, 'throw new Error("no");\n');
    prestartWorkers(broken, 1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(takePrestarted(broken), undefined, 'the failed worker left the registry');
    prestartWorkers(WORKER, 1);
    const other = takePrestarted(join(dir, 'other.js'));
    assert.equal(other, undefined);
    const mine = takePrestarted(WORKER);
    assert.ok(mine, 'still there for its own script');
    await mine.terminate();
  });
});
