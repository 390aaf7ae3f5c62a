/**
 * The workspace index's records made by the worker pool (src/node/auditPool.ts records: real
 * worker threads, several files a message, this thread helping) equal each file's record
 * from its full analysis, in the order given — for files the quick scanner takes and files
 * it leaves to the yaml path, mixed, and a file bigger than one message.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core';
import { AuditPool } from '../../src/node/auditPool';
import { recordOfAnalysis } from '../../src/node/fileRecord';
import { claimFile } from '../bench/generate';
import { EXAMPLES, FIXTURES } from '../support/paths';

function yamlTexts(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlTexts(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

describe('workspace index records from the worker pool', function () {
  this.timeout(120000);
  const config = resolveConfig();

  it('equal each file\'s full analysis, in order', async () => {
    const pool = new AuditPool(2);
    try {
      const texts = [...yamlTexts(join(FIXTURES, 'rules')), ...yamlTexts(join(FIXTURES, 'patients')), ...yamlTexts(EXAMPLES), claimFile(60), claimFile(3)];
      const jobs = texts.map((text, i) => ({ text, config, key: `file:///${i}.claim.yaml`, label: `${i}.claim.yaml` }));
      const got = await pool.records(jobs, { help: true, data: () => undefined });
      assert.deepEqual(got, jobs.map((j) => recordOfAnalysis(j.text, config, undefined, j.key, j.label)));
    } finally {
      await pool.close();
    }
  });
});
