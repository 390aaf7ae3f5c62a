/**
 * Every field `claimlint import` writes has a length limit and every number a range (issue 20
 * item 8): a huge payer name, id or CSV cell, units of 1e20 and a charge of $1e21 stop the
 * import with exit 2, naming the place and never the value. The real CLI binary.
 */
import assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collection } from '../support/fhir';
import { runCli } from '../support/cli';
import { billingProvider, interchange, line, subscriber } from '../support/x12';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const LONG = 'Q'.repeat(5000);
const file837 = (payer: string, charge: string, units: string) =>
  interchange(1, [[[...billingProvider(1, '1679576722'), ...subscriber(2, 1, 'MB', '1EG4TE5MK73', payer), 'CLM*P-1*80***11:B:1*Y*A*Y*Y', 'HI*ABK:M1711', ...line(1, '97110', ['GP'], charge, units, '1', '20260302')]]]);
const HEADER = 'claim_id,date_of_service,payer_type,code,units,charge,minutes\n';

describe('claimlint import: bounded fields (spawned binary)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('import-bounds');
  });
  afterEach(() => removeTmpDir(dir));

  const refused = (name: string, text: string, where: RegExp) => {
    writeFileSync(join(dir, name), text);
    const r = runCli(['import', name, '-o', 'out.claim.yaml'], dir);
    assert.equal(r.code, 2, `${name}: ${r.stderr}`);
    assert.match(r.stderr, where);
    assert.ok(!r.stderr.includes('QQQ') && !r.stderr.includes('00000000'), 'the value is never quoted');
    assert.deepEqual(readdirSync(dir), [name], 'nothing written');
    rmSync(join(dir, name));
  };

  it('837: a payer name past 80 characters, 1e20 units, a $1e21 charge, a pointer past 12', () => {
    assert.equal((writeFileSync(join(dir, 'ok.837'), file837('MEDICARE', '80', '999')), runCli(['import', 'ok.837'], dir).code), 0, '999 units and $80 are fine');
    rmSync(join(dir, 'ok.837'));
    refused('a.837', file837(LONG, '80', '2'), /a\.837: segment \d+ \(NM1\), element NM103: longer than 80 characters, claimlint's limit/);
    refused('b.837', file837('MEDICARE', '80', '100000000000000000000'), /b\.837: segment \d+ \(SV1\), element SV104: more than 999 units on one line/);
    refused('c.837', file837('MEDICARE', '1000000000000000000000', '2'), /c\.837: segment \d+ \(SV1\), element SV102: more than \$100,000 on one line/);
    refused('d.837', file837('MEDICARE', '80', '2').replace('UN*2***1', 'UN*2***13'), /d\.837: segment \d+ \(SV1\), element SV107-1: a diagnosis pointer is not a number from 1 to 12/);
  });

  it('FHIR: a long Claim.id or payor name, 1e23 units, a $1e21 charge', () => {
    const c = collection();
    const claim = () => c.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Claim')!.resource as Record<string, unknown> & { item: Record<string, unknown>[] };
    const json = (f: () => void) => {
      const saved = JSON.stringify(c);
      f();
      const out = JSON.stringify(c);
      Object.assign(c, JSON.parse(saved));
      return out;
    };
    refused('a.json', json(() => (claim().id = LONG)), /a\.json: Bundle\.entry\[\d+\]\.resource\.id: longer than 200 characters/);
    refused('b.json', json(() => (claim().item[0].quantity = { value: 1e23 })), /b\.json: Bundle\.entry\[\d+\]\.resource\.item\[0\]\.quantity\.value: more than 999 units/);
    refused('c.json', json(() => (claim().item[0].net = { value: 1e21 })), /c\.json: Bundle\.entry\[\d+\]\.resource\.item\[0\]\.net\.value: more than \$100,000/);
  });

  it('CSV: a long cell, 1e20 units, a $1e21 charge, 100,000 minutes', () => {
    refused('a.csv', `${HEADER}${LONG},2026-03-02,medicare,97110,2,80,30\n`, /a\.csv: row 2, column claim_id: longer than 200 characters/);
    refused('b.csv', `${HEADER}C-1,2026-03-02,medicare,97110,100000000000000000000,80,30\n`, /b\.csv: row 2, column units: more than 999 units/);
    refused('c.csv', `${HEADER}C-1,2026-03-02,medicare,97110,2,"$1,000,000,000,000,000,000,000",30\n`, /c\.csv: row 2, column charge: more than \$100,000/);
    refused('d.csv', `${HEADER}C-1,2026-03-02,medicare,97110,2,80,100000\n`, /d\.csv: row 2, column minutes: more than 1440 minutes/);
  });
});
