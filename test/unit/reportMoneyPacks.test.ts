/**
 * The report's money uses the reference data in force and the configured locality, as
 * hovers and code lenses do (issue 14, locality: "… in hovers, lenses, KX accrual and the
 * report"), and says "national, unadjusted" only when no locality applies.
 *
 * The claim bills 97110 × 3 for 24 minutes: 2 units supported, so one MPPR-reduced unit is
 * over. Its amount, by the data priced with:
 * - built-in 2026 (work 0.45, PE 0.41, MP 0.01; CF 33.4009): (0.87 − 0.205) × 33.4009 = 22.2116 → $22.21
 * - the imported PPRRVU 2026 fixture (0.45, 0.40, 0.02), national: (0.87 − 0.20) × 33.4009 = 22.3786 → $22.38
 * - the same with locality 01112-05 (SAN FRANCISCO; GPCIs 1.1, 1.5, 0.5):
 *   (0.45 × 1.1 + 0.40 × 1.5 / 2 + 0.02 × 0.5) × 33.4009 = 0.805 × 33.4009 = 26.8877 → $26.89
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPack } from '../../src/datapacks/build';
import { loadPack } from '../../src/core/data/packLoad';
import { BUILTIN_DATA, ReferenceData } from '../../src/core/data/reference';
import { resolveConfig } from '../../src/core/config/schema';
import { analyze } from '../../src/core/pipeline/analyze';
import { collectClaims, computeFigures, MONEY_BASIS, type FileAudit } from '../../src/report';
import { buildHtmlReport } from '../../src/report/html';
import { FIXTURES } from '../support/paths';
import { singleClaimYaml } from '../support/claims';

const DIR = join(FIXTURES, 'cms');
const sha256 = (d: Uint8Array | string) => createHash('sha256').update(d).digest('hex');

function packData(): ReferenceData {
  const names = ['PPRRVU2026_Jan_nonQPP.csv', 'GPCI2026.csv', '26LOCCO.csv'];
  const files = importPack(names.map((n) => ({ name: n, bytes: readFileSync(join(DIR, n)) })), { packName: 'cms-2026', createdBy: 'test', sha256 }).files;
  return new ReferenceData([loadPack('/packs/cms-2026', (f) => files.get(f), sha256)]);
}

const CLAIM = (id: string) => singleClaimYaml({ id, date: '2026-03-14', plan: 'discipline', lines: [{ code: '97110', units: 3, minutes: 24 }] });

function file(path: string, text: string, data?: ReferenceData, locality?: string): FileAudit {
  const config = resolveConfig(locality ? { locality } : {});
  return { path, claims: collectClaims(analyze(text, { config, data })), findings: [] };
}

describe('report money: the packs in force and the configured locality', () => {
  it('built-in data, no locality: the national amount, and the basis says national and unadjusted', () => {
    const f = computeFigures([file('a.claim.yaml', CLAIM('A'))]);
    assert.equal(f.money.overpayment, 22.21);
    assert.equal(f.money.basis, MONEY_BASIS);
    assert.match(f.money.basis, /^National Medicare amounts .* unadjusted for locality/);
    assert.deepEqual(f.money.localities, []);
    assert.equal(f.money.nationalClaims, 1);
  });

  it('an imported PPRRVU pack prices the units with its RVUs (still national without a locality)', () => {
    const f = computeFigures([file('a.claim.yaml', CLAIM('A'), packData())]);
    assert.equal(f.money.overpayment, 22.38);
    assert.equal(f.money.basis, MONEY_BASIS);
  });

  it('with the configured locality and its GPCIs in a pack: the locality amount, and the basis names the locality', () => {
    const claims = collectClaims(analyze(CLAIM('A'), { config: resolveConfig({ locality: '01112-05' }), data: packData() }));
    assert.deepEqual(claims[0].money, { delta: 26.89, unpricedUnits: 0, locality: '01112-05 (SAN FRANCISCO)' });
    const f = computeFigures([{ path: 'a.claim.yaml', claims, findings: [] }]);
    assert.equal(f.money.overpayment, 26.89);
    assert.deepEqual(f.money.localities, ['01112-05 (SAN FRANCISCO)']);
    assert.equal(f.money.nationalClaims, 0);
    assert.match(f.money.basis, /adjusted for locality 01112-05 \(SAN FRANCISCO\) by the GPCIs of the data packs in force/);
    assert.doesNotMatch(f.money.basis, /national|unadjusted/i);
  });

  it('a locality with no GPCIs in the packs stays national, and says so', () => {
    const f = computeFigures([file('a.claim.yaml', CLAIM('A'), packData(), '99999-01')]);
    assert.equal(f.money.overpayment, 22.38);
    assert.equal(f.money.basis, MONEY_BASIS);
    assert.equal(computeFigures([file('a.claim.yaml', CLAIM('A'), BUILTIN_DATA, '99999-01')]).money.overpayment, 22.21, 'the built-in data has no GPCIs for that locality');
  });

  it('files with and without a locality: both counted, the basis names the locality and the national claims', () => {
    const f = computeFigures([file('sf/a.claim.yaml', CLAIM('A'), packData(), '01112-05'), file('b.claim.yaml', CLAIM('B'))]);
    assert.equal(f.money.overpayment, 49.1);
    assert.equal(f.money.nationalClaims, 1);
    assert.match(f.money.basis, /locality 01112-05 \(SAN FRANCISCO\) .*; 1 claim at national, unadjusted amounts/);
  });

  it('the HTML report tags the amounts with the locality, and "national, unadjusted" only without one', () => {
    const opts = { version: 't', generatedAt: '2026-01-01T00:00:00Z', includePatientIds: false };
    const local = buildHtmlReport([file('a.claim.yaml', CLAIM('A'), packData(), '01112-05')], opts);
    assert.match(local, />locality 01112-05 \(SAN FRANCISCO\)</);
    assert.doesNotMatch(local, /national, unadjusted|unadjusted for locality/);
    const national = buildHtmlReport([file('a.claim.yaml', CLAIM('A'))], opts);
    assert.match(national, />national, unadjusted</);
    assert.doesNotMatch(national, /locality 01112-05/);
  });
});
