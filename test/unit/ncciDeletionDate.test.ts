/**
 * Issue 22 item 6: the NCCI PTP "deletion date" is the last day an edit applies, as CMS's own
 * practitioner file writes it (effective dates on a quarter's first day, deletion dates on a
 * quarter's last day; an edit whose deletion date equals its effective date has indicator 9
 * and never applies) [S81]. Checked on CMS's real file in ../shared and on an audit.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importPack } from '../../src/datapacks/build';
import { ncciLayout } from '../../src/datapacks/build/layouts/ncci';
import { readRows } from '../../src/datapacks/build/rows';
import { loadPack } from '../../src/core/data/packLoad';
import { ReferenceData } from '../../src/core/data/reference';
import { audit } from '../../src/core/engine';
import { resolveConfig } from '../../src/core/config/schema';
import { sharedDir } from '../support/sharedFiles';
import { singleClaimYaml } from '../support/claims';

const sha256 = (d: Uint8Array | string) => createHash('sha256').update(d).digest('hex');
const quarterStart = /-(01|04|07|10)-01$/;
const quarterEnd = /-(03-31|06-30|09-30|12-31)$/;

describe('NCCI PTP deletion date: the last day the edit applies (issue 22)', () => {
  it('CMS\'s own file (ccipra-v322r0-f1): deletion dates read as written, each a quarter\'s last day', function () {
    const p = sharedDir('real-inputs', 'cms', 'ccipra-v322r0-f1.excerpt.txt');
    if (!p) this.skip();
    const bytes = new Uint8Array(readFileSync(p!));
    const { rows } = ncciLayout.parse('ccipra-v322r0-f1.excerpt.txt', readRows('ccipra-v322r0-f1.excerpt.txt', bytes), () => true);
    assert.equal(rows.length, 154);
    // The file's first row: 0001A 0591T 20220101 20231231 1 — in force through 2023-12-31.
    assert.deepEqual([rows[0].column1, rows[0].column2, rows[0].from, rows[0].to], ['0001A', '0591T', '2022-01-01', '2023-12-31']);
    const deleted = rows.filter((r) => r.to !== undefined);
    assert.equal(deleted.length, 88);
    for (const r of rows) assert.match(r.from, quarterStart, `${r.column1}/${r.column2}: effective on a quarter's first day`);
    for (const r of deleted) {
      if (r.to === r.from) assert.equal(r.modifierIndicator, 9, `${r.column1}/${r.column2}: deleted on its effective date means never in effect`);
      else assert.match(r.to!, quarterEnd, `${r.column1}/${r.column2}: deleted on a quarter's last day`);
    }
    assert.equal(deleted.filter((r) => r.to === r.from).length, 6);
  });

  it('an edit applies on its deletion date and not the day after; an indicator-9 edit never applies', () => {
    const ptp = [
      'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale',
      '97530\t97116\t\t20200101\t20260215\t0\tMisuse of column two code with column one code',
      '97530\t97112\t\t20260101\t20260101\t9\tMutually exclusive procedures',
      '',
    ].join('\r\n');
    const files = importPack([{ name: 'ccipra-v320r0-f1.txt', bytes: Buffer.from(ptp, 'latin1') }], { packName: 'q1', createdBy: 'test', sha256 }).files;
    const data = new ReferenceData([loadPack('/packs/q1', (n) => files.get(n), sha256)]);
    assert.equal(data.findNcciPair('97530', '97116', '2026-02-15')?.to, '2026-02-15');
    assert.equal(data.findNcciPair('97530', '97116', '2026-02-16'), undefined);
    const claim = (date: string) =>
      singleClaimYaml({
        id: 'D-1',
        date,
        plan: { start: '2026-01-05', certified: '2026-01-06', through: '2026-03-30' },
        lines: ['97530', '97116', '97112'].map((code) => ({ code, units: 1, minutes: 15 })),
      });
    const denied = (date: string) => audit(claim(date), { data, config: resolveConfig() }).findings.filter((f) => f.rule === 'ncci-pair-denied');
    const onTheDate = denied('2026-02-15');
    assert.equal(onTheDate.length, 1, 'on the deletion date the edit still denies 97116');
    assert.match(onTheDate[0].message, /97116/);
    assert.doesNotMatch(onTheDate[0].message, /97112/, 'the indicator-9 pair never applies');
    assert.deepEqual(denied('2026-02-16'), [], 'the day after the deletion date it does not');
  });
});
