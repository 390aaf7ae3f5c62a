/**
 * The editor's import (IMPORT_CLAIMS_REQUEST): the language server converts the source's text
 * with the importer of `claimlint import` (patient.id hashed), so the extension host never
 * parses an 837. Over a real connection to the in-process server; the bundled server (with
 * its lazily loaded dist/importers.js) is checked in stdio.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { detectFormat, importComments, importText, toClaimYaml } from '../../src/importers/claims';
import { IMPORT_CLAIMS_REQUEST, MAX_IMPORT_TEXT_BYTES, type ImportClaimsResult } from '../../src/protocol';
import { TestClient } from './support/harness';
import { EXAMPLES } from '../support/paths';

const RIVERSIDE = readFileSync(join(EXAMPLES, 'import', 'riverside.837'), 'utf8');

describe('lsp: claim import as a server request', function () {
  this.timeout(20000);
  let client: TestClient;
  before(async () => (client = await TestClient.start()));
  after(() => client.dispose());

  const request = (params: unknown) => client.connection.sendRequest<ImportClaimsResult>(IMPORT_CLAIMS_REQUEST, params);

  it('converts an 837P exactly as `claimlint import` does (patient.id hashed), with its header comment', async () => {
    const result = await request({ name: 'riverside.837', text: RIVERSIDE });
    assert.ok(result.ok, JSON.stringify(result));
    const expected = importText(RIVERSIDE, '837p', { patientId: { mode: 'hash' } });
    assert.equal(detectFormat(RIVERSIDE), '837p');
    assert.equal(result.count, expected.claims.length);
    assert.ok(result.count > 0);
    assert.equal(result.yaml, toClaimYaml(expected.claims, importComments([{ name: 'riverside.837', format: '837p' }], 'hash')));
    assert.deepEqual(result.warnings, expected.warnings);
    assert.deepEqual(parseDocument(result.yaml).errors, []);
  });

  it('bad input is an answer, not an error: malformed, empty, not text, too big', async () => {
    const broken = await request({ name: 'broken.837', text: 'ISA*00*~' });
    assert.equal(broken.ok, false);
    const fhir = await request({ name: 'x.json', text: '{"resourceType": "Bundle", "entry": [' });
    assert.equal(fhir.ok, false);
    assert.ok(!fhir.ok && !fhir.message.includes('Bundle"'), 'the message quotes no input');
    const empty = await request({ name: 'empty.csv', text: '' });
    assert.ok(!empty.ok && empty.message.length > 0, JSON.stringify(empty));
    for (const params of [undefined, null, {}, { name: 'a' }, { name: 1, text: 'x' }, 'text']) {
      const r = await request(params);
      assert.deepEqual(r, { ok: false, message: 'the request named no file text' }, JSON.stringify(params));
    }
    const big = await request({ name: 'big.csv', text: 'x'.repeat(MAX_IMPORT_TEXT_BYTES + 1) });
    assert.equal(big.ok, false);
    assert.match(!big.ok ? big.message : '', /larger than \d+ MB/);
    // The server still answers afterwards.
    assert.ok((await request({ name: 'riverside.837', text: RIVERSIDE })).ok);
  });

  it('lists what it left out at the top of the file and in a warning; an empty .json is an empty FHIR file, not "an empty CSV" (issue 24 items 4, 5)', async () => {
    const withMinutes = RIVERSIDE.replace(/SV1\*HC:(\d+)[^*]*\*([\d.]+)\*UN\*/, 'SV1*HC:$1*$2*MJ*');
    assert.notEqual(withMinutes, RIVERSIDE);
    const r = await request({ name: 'riverside.837', text: withMinutes });
    assert.ok(r.ok, JSON.stringify(r));
    assert.match(r.yaml, /^# Left out: .*\n# {3}riverside\.837: segment \d+ \(SV1\), element SV103: service line 1 of the claim at segment \d+ \(CLM\) is billed in minutes/m);
    assert.ok(r.warnings.includes('1 left out (claimlint cannot represent them), listed at the top of the imported file'), r.warnings.join('\n'));
    const empty = await request({ name: 'export.json', text: '' });
    assert.deepEqual(empty, { ok: false, message: 'the file is empty (no FHIR R4 content)' });
  });
});
