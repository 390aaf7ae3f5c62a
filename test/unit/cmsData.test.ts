/**
 * Issue 22, "CMS's own numbers, every year": the built-in fees, conversion factors and GPCIs
 * are derived from CMS's own PFS files (tools/cmsdata), read in place from ../shared.
 *
 * - Regenerating them from those files gives the committed tables byte for byte.
 * - The built-in national amounts of the therapy codes equal, for every year 2022–2026,
 *   (work + non-facility PE + MP) × CF computed here from CMS's file itself (csv-parse,
 *   columns found by their header words), not through the importer.
 * - Every period names the release that answers it; 2024 January 1 – March 8 is RVU24B's
 *   RVUs at 32.7442.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveCmsTables, fragmentText, CMS_FRAGMENT, RVU_PERIODS } from '../../tools/cmsdata/derive';
import { BUILTIN_PACK_DIR } from '../../src/datapacks/build/builtin';
import { BUILTIN_DATA } from '../../src/core/data/reference';
import { BUILTIN_LOADED } from '../../src/core/data/builtinPack';
import { roundCents } from '../../src/core/data/cents';
import { sharedDir } from '../support/sharedFiles';
import { ISSUE_CODES, readPprrvu } from '../support/cmsPprrvu';
import { audit } from '../../src/core/engine';
import { resolveConfig } from '../../src/core/config/schema';
import { ROOT } from '../support/paths';
import { claimYaml } from '../support/claims';

const OUT = join(ROOT, BUILTIN_PACK_DIR);
const sha256 = (d: Uint8Array | string) => createHash('sha256').update(d).digest('hex');

const CODES = ISSUE_CODES;

describe('built-in fees from CMS\'s own files (issue 22)', function () {
  const shared = sharedDir();

  it('regenerating the tables from CMS\'s files (node tools/cmsdata/generate.js) gives the committed files byte for byte', function () {
    if (!shared) this.skip();
    const derived = deriveCmsTables((p) => new Uint8Array(readFileSync(join(shared!, p))), sha256);
    for (const [file, text] of derived.files) assert.equal(readFileSync(join(OUT, file), 'utf8'), text, `${file} differs from CMS's files: run node tools/cmsdata/generate.js`);
    assert.equal(readFileSync(join(OUT, CMS_FRAGMENT), 'utf8'), fragmentText(derived.tables), `${CMS_FRAGMENT} differs`);
  });

  it('each table names CMS\'s file by its sha256, as ../shared records it', function () {
    if (!shared) this.skip();
    const sums = new Map<string, string>();
    for (const f of [join(shared!, 'cms', 'SOURCES.md'), join(shared!, 'real-inputs', 'SOURCES.md')]) {
      const prefix = f.includes('real-inputs') ? 'real-inputs/' : 'cms/';
      for (const m of readFileSync(f, 'utf8').matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)) sums.set(prefix + m[2], m[1]);
    }
    const fromCms = BUILTIN_LOADED.tables.filter((t) => t.meta.release !== 'curated');
    assert.equal(fromCms.length, 17, '8 RVU tables (one per release) and 9 conversion-factor periods');
    for (const t of fromCms) for (const i of t.meta.inputs) assert.equal(i.sha256, sums.get(i.name), `${t.meta.file}: ${i.name}`);
  });

  for (const period of RVU_PERIODS) {
    it(`${period.release} answers ${period.from} – ${period.to}: the built-in amounts equal CMS's file, code by code`, function () {
      if (!shared) this.skip();
      const rows = readPprrvu(join(shared!, period.file), CODES);
      for (const day of [period.from, period.to]) {
        for (const code of CODES) {
          const cms = rows.get(code);
          const fee = BUILTIN_DATA.feeFor(code, day);
          if (!cms) {
            assert.equal(fee, undefined, `${code} on ${day}: not in ${period.release}, so no fee`);
            assert.equal(BUILTIN_DATA.pfsStatus(code, day), undefined);
            continue;
          }
          const cf = period.cf?.nonQp ?? cms.cf;
          assert.ok(fee, `${code} on ${day}: priced`);
          assert.equal(fee.nationalAmount, roundCents((cms.work + cms.pe + cms.mp) * cf), `${code} on ${day} (${period.release}, CF ${cf})`);
          assert.deepEqual([fee.workRvu, fee.peRvu, fee.mpRvu, fee.multProc, fee.release], [cms.work, cms.pe, cms.mp, cms.multProc, period.release], `${code} on ${day}`);
          assert.equal(BUILTIN_DATA.pfsStatus(code, day)?.status, cms.status);
        }
      }
    });
  }

  it('the issue\'s figures: 97530 2025 $34.61, 97110 2025 $28.79, 97161 2026 $97.86, 97140 2026 $27.72; 2024 before March 9 at CF 32.7442', () => {
    assert.equal(BUILTIN_DATA.feeFor('97530', '2025-11-03')?.nationalAmount, 34.61);
    assert.equal(BUILTIN_DATA.feeFor('97110', '2025-11-03')?.nationalAmount, 28.79);
    assert.equal(BUILTIN_DATA.feeFor('97161', '2026-03-02')?.nationalAmount, 97.86);
    assert.equal(BUILTIN_DATA.feeFor('97140', '2026-03-02')?.nationalAmount, 27.72);
    const jan = BUILTIN_DATA.feeFor('97110', '2024-03-08')!;
    assert.equal(jan.conversionFactor, 32.7442);
    assert.equal(jan.nationalAmount, roundCents(0.88 * 32.7442));
    assert.equal(BUILTIN_DATA.feeFor('97110', '2024-03-09')?.conversionFactor, 33.2875);
    assert.equal(BUILTIN_DATA.feeFor('97550', '2026-03-02')?.multProc, '0', '97550: MULT PROC 0 in CMS\'s file');
    assert.equal(BUILTIN_DATA.feeFor('97760', '2026-03-02')?.multProc, '5');
    assert.equal(BUILTIN_DATA.pfsStatus('97010', '2026-03-02')?.status, 'B');
  });

  it('every day of 2022–2026 is answered by exactly one release, and the coverage starts on 2022-01-01', () => {
    const periods = BUILTIN_DATA.packs[0].tables.filter((t) => t.table === 'pfs-rvu');
    for (let i = 1; i < periods.length; i++) {
      const prev = new Date(periods[i - 1].to! + 'T00:00:00Z');
      prev.setUTCDate(prev.getUTCDate() + 1);
      assert.equal(periods[i].from, prev.toISOString().slice(0, 10), `${periods[i].release} starts the day after ${periods[i - 1].release} ends`);
    }
    assert.equal(periods[0].from, '2022-01-01');
    assert.equal(periods[periods.length - 1].to, '2026-12-31');
    assert.deepEqual(BUILTIN_DATA.coverage('pfs-rvu'), { from: '2022-01-01', to: '2026-12-31' });
    for (const p of periods) assert.ok(p.note && p.note.includes(p.release), `${p.release}: the note says which release answers`);
  });

  it('no CPT descriptor is copied from CMS\'s files: the tables hold codes, figures and indicators only', () => {
    for (const t of BUILTIN_LOADED.tables.filter((x) => x.meta.table === 'pfs-rvu' && x.meta.release !== 'curated')) {
      for (const r of t.rows) assert.deepEqual(Object.keys(r).sort(), ['code', 'mpRvu', 'multProc', 'peFacility', 'peNonFacility', 'status', 'workRvu']);
    }
  });
});

describe('a claim is priced from its own year\'s CMS file; a date before 2022 is outdated, never $0 (issue 22)', () => {
  /** A PT claim of one 15-minute line, its plan certified on the date through the year's end. */
  const claim = (date: string, code = '97110') => claimYaml({ id: 'A', date, lines: [{ code, units: 1, minutes: 15 }] });

  it('a 2023 claim: 97110 at RVU23A\'s 0.88 RVUs × 33.8872 = $29.82, and the source names the release', () => {
    const p = BUILTIN_DATA.priceClaimLines([{ code: '97110', units: 1, modifiers: ['GP'], info: BUILTIN_DATA.codeInfo('97110', '2023-05-10') }], '2023-05-10');
    assert.equal(p.total, 29.82);
    assert.match(p.lines[0].source ?? '', /CMS PFS RVU23A \(PPRRVU23_JAN\.trimmed\.csv\)/);
  });

  it('a 2021 claim gets reference-data-outdated naming the fee tables\' first date', () => {
    const f = audit(claim('2021-06-14'), { config: resolveConfig() }).findings.filter((x) => x.rule === 'reference-data-outdated');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /before the reference data \(Physician Fee Schedule RVUs \(PPRRVU\) and PFS conversion factor: covered from 2022-01-01\), so fee amounts could not be checked/);
    assert.deepEqual(audit(claim('2022-01-03'), { config: resolveConfig() }).findings.filter((x) => x.rule === 'reference-data-outdated'), []);
  });
});
