/** The FHIR R4 importer (src/importers/claims/fhir). */
import assert from 'node:assert/strict';
import { audit } from '../../src/core/engine';
import { detectFormat, ImportError, importText, toClaimYaml, type ImportedClaim } from '../../src/importers/claims';
import { payerTypeOfCoverage } from '../../src/importers/claims/fhir/importFhir';
import { claimResource, collection, MEMBER, organization, practitioner, searchset, transaction } from '../support/fhir';

const HASH = { patientId: { mode: 'hash' as const } };

function run(input: unknown, options: Parameters<typeof importText>[2] = HASH): ImportedClaim[] {
  const text = JSON.stringify(input, null, 2);
  assert.equal(detectFormat(text), 'fhir');
  const claims = importText(text, 'fhir', options).claims;
  const findings = audit(toClaimYaml(claims, [])).findings.filter((f) => f.rule === 'claim-schema' || f.rule === 'yaml-syntax');
  assert.deepEqual(findings, []);
  return claims;
}

function failure(input: unknown, options: Parameters<typeof importText>[2] = HASH): ImportError {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  try {
    importText(text, 'fhir', options);
  } catch (err) {
    assert.ok(err instanceof ImportError, String(err));
    for (const v of [MEMBER, 'Doe', 'MRN-55', '1234567893']) assert.ok(!err.message.includes(v), err.message);
    return err;
  }
  assert.fail('expected an ImportError');
}

describe('import FHIR R4', () => {
  it('a collection Bundle (urn:uuid: references): items, diagnoses in sequence order, NPI, taxonomy, Coverage', () => {
    const claims = run(collection());
    assert.deepEqual(
      claims.map((c) => [c.id, c.date_of_service]),
      [
        ['CLM-F1-2026-03-02', '2026-03-02'],
        ['CLM-F1-2026-03-05', '2026-03-05'],
      ],
    );
    const [a, b] = claims;
    assert.deepEqual(a.payer, { type: 'medicare', name: 'Medicare Part B' });
    assert.deepEqual(a.provider, { npi: '1234567893', discipline: 'PT' });
    assert.deepEqual(a.diagnoses, ['M25.661', 'R26.2']);
    assert.deepEqual(a.lines, [
      { code: '97110', modifiers: ['GP'], units: 2, charge: 80, diagnosis_pointers: [1, 2] },
      { code: '97140', modifiers: ['GP', '59'], units: 1, charge: 40, diagnosis_pointers: [1] },
    ]);
    assert.deepEqual(b.lines, [{ code: '97530', modifiers: ['GP'], units: 3, charge: 120, diagnosis_pointers: [2] }]);
    assert.match(a.patient!.id, /^P-[0-9a-f]{16}$/);
    assert.equal(b.patient!.id, a.patient!.id);
    assert.ok(!JSON.stringify(claims).includes(MEMBER));
  });

  it('a transaction Bundle (absolute full URLs, relative references, PractitionerRole)', () => {
    const [a] = run(transaction());
    assert.equal(a.id, 'CLM-F1-2026-03-02');
    // NPI from the role's practitioner, taxonomy from the role.
    assert.deepEqual(a.provider, { npi: '1234567893', discipline: 'OT' });
    // No payer typology code: the payor's name decides.
    assert.deepEqual(a.payer, { type: 'medicare-advantage', name: 'Sunrise Medicare Advantage' });
  });

  it('a searchset Bundle with contained Practitioner, Coverage and payor', () => {
    const [a] = run(searchset());
    assert.deepEqual(a.provider, { npi: '1234567893', discipline: 'SLP' });
    assert.deepEqual(a.payer, { type: 'medicaid', name: 'State Medicaid' });
    assert.equal(run(searchset(), { patientId: { mode: 'member' } })[0].patient!.id, MEMBER);
  });

  it('a single Claim: --payer-type stands in for a missing Coverage, the billing Organization NPI for a missing care team', () => {
    const claim = claimResource({ patient: '#pat', provider: '#org', practitioner: '#nobody' }, { contained: [organization('org', 'Riverside Therapy', '1679576722')] });
    assert.match(failure(claim).where, /^Claim\.insurance$/);
    const claims = run(claim, { ...HASH, payerType: 'commercial' });
    assert.deepEqual(claims[0].payer, { type: 'commercial' });
    // #nobody does not resolve: no NPI from the care team; the discipline from GP.
    assert.deepEqual(claims[0].provider, { discipline: 'PT' });
    // No Coverage, no Patient: the patient reference is the key.
    assert.match(claims[0].patient!.id, /^P-/);
    const teamless = { ...claim, careTeam: undefined };
    assert.deepEqual(run(teamless, { ...HASH, payerType: 'commercial' })[0].provider, { npi: '1679576722', discipline: 'PT' });
  });

  it('validates shape with paths like Bundle.entry[5].resource.item[1].quantity', () => {
    const b = collection();
    (b.entry[5].resource as { item: Record<string, unknown>[] }).item[1].quantity = '1';
    assert.equal(failure(b).where, 'Bundle.entry[5].resource.item[1].quantity');
    const c = collection();
    (c.entry[5].resource as { item: Record<string, unknown>[] }).item[0].quantity = { value: 1.5 };
    assert.equal(failure(c).where, 'Bundle.entry[5].resource.item[0].quantity.value');
    const d = collection();
    (d.entry[1].resource as Record<string, unknown>).identifier = [{ system: 'http://hl7.org/fhir/sid/us-npi', value: 1234567893 }];
    assert.equal(failure(d).where, 'Bundle.entry[1].resource.identifier[0].value');
    const e = collection();
    delete (e.entry[5].resource as Record<string, unknown>).patient;
    assert.equal(failure(e).where, 'Bundle.entry[5].resource.patient');
    const f = collection();
    (f.entry[5].resource as { item: { diagnosisSequence?: number[] }[] }).item[2].diagnosisSequence = [7];
    assert.equal(failure(f).where, 'Bundle.entry[5].resource.item[2].diagnosisSequence[0]');
    const g = collection();
    (g.entry[5].resource as { item: Record<string, unknown>[] }).item[0].productOrService = { text: 'therapeutic exercise' };
    assert.equal(failure(g).where, 'Bundle.entry[5].resource.item[0].productOrService');
  });

  it('reports invalid JSON by line and column, and non-claims', () => {
    const e = failure('{\n  "resourceType": "Bundle",\n  "entry": [ { "x": 1, } ]\n}');
    assert.match(e.message, /^line 3, column \d+: not valid JSON$/);
    assert.match(failure({ resourceType: 'Patient' }).message, /neither a Bundle nor a Claim/);
    assert.equal(run({ resourceType: 'Bundle', type: 'searchset', entry: [] }).length, 0);
  });

  it('payer type from the payer typology or the payor name', () => {
    const sopt = (code: string) => ({ coding: [{ system: 'urn:oid:2.16.840.1.113883.3.221.5', code }] });
    assert.equal(payerTypeOfCoverage(sopt('1'), undefined), 'medicare');
    assert.equal(payerTypeOfCoverage(sopt('121'), undefined), 'medicare');
    assert.equal(payerTypeOfCoverage(sopt('111'), 'Medicare'), 'medicare-advantage');
    assert.equal(payerTypeOfCoverage(sopt('21'), undefined), 'medicaid');
    assert.equal(payerTypeOfCoverage(sopt('5'), 'Medicare'), 'commercial');
    assert.equal(payerTypeOfCoverage(undefined, 'Acme Health'), 'commercial');
    assert.equal(payerTypeOfCoverage({ text: 'Medi-Cal' }, undefined), 'medicaid');
    assert.equal(payerTypeOfCoverage(undefined, undefined), undefined);
    assert.ok(practitioner());
  });

  describe('only billed professional claims (issue 24 item 3)', () => {
    const bundleWith = (...extra: Record<string, unknown>[]) => {
      const b = collection();
      const claim = b.entry[5].resource as Record<string, unknown>;
      for (const [i, e] of extra.entries()) b.entry.push({ fullUrl: `urn:uuid:extra-${i}`, resource: { ...claim, identifier: [{ value: `OTHER-${i}` }], ...e } as never });
      return b;
    };

    it('a prior-authorization request, a predetermination and an institutional Claim are left out, each with its path; the professional claim is kept', () => {
      const r = importText(JSON.stringify(bundleWith({ use: 'preauthorization' }, { use: 'predetermination' }, { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'institutional' }] } })), 'fhir', HASH);
      assert.deepEqual(r.claims.map((c) => c.id), ['CLM-F1-2026-03-02', 'CLM-F1-2026-03-05']);
      assert.deepEqual(r.skipped, [
        'Bundle.entry[6].resource: use "preauthorization" (a prior-authorization request): claimlint imports billed claims (use "claim"); the Claim is left out',
        'Bundle.entry[7].resource: use "predetermination" (a cost estimate): claimlint imports billed claims (use "claim"); the Claim is left out',
        'Bundle.entry[8].resource: type "institutional": claimlint imports professional claims; the Claim is left out',
      ]);
    });

    it('a Claim left out is not read further (its own problems do not stop the import); no use or type, or another code, is left out without quoting it', () => {
      const r = importText(JSON.stringify(bundleWith({ use: 'preauthorization', item: [{ quantity: 'two' }] }, { use: undefined }, { type: { coding: [{ code: 'Jane Doe' }] } }, { use: 'Jane Doe' })), 'fhir', HASH);
      assert.equal(r.claims.length, 2);
      assert.deepEqual(r.skipped.map((x) => x.replace(/^Bundle\.entry\[\d+\]\.resource: /, '')), [
        'use "preauthorization" (a prior-authorization request): claimlint imports billed claims (use "claim"); the Claim is left out',
        'no use: claimlint imports billed claims (use "claim"); the Claim is left out',
        'a type other than "professional": claimlint imports professional claims; the Claim is left out',
        'a use other than "claim": claimlint imports billed claims (use "claim"); the Claim is left out',
      ]);
      assert.ok(!r.skipped.join(' ').includes('Jane'));
    });

    it('a single Claim that is a prior-authorization request gives no claims and one located entry', () => {
      const claim = claimResource({ patient: '#p', provider: '#o', practitioner: '#pr' }, { use: 'preauthorization' });
      const r = importText(JSON.stringify(claim), 'fhir', HASH);
      assert.deepEqual(r.claims, []);
      assert.deepEqual(r.skipped, ['Claim: use "preauthorization" (a prior-authorization request): claimlint imports billed claims (use "claim"); the Claim is left out']);
    });

    it('an ExplanationOfBenefit in a Bundle is listed as left out (it is the adjudication, not the billed claim)', () => {
      const b = collection();
      b.entry.push({ fullUrl: 'urn:uuid:eob', resource: { resourceType: 'ExplanationOfBenefit', use: 'claim' } as never });
      const r = importText(JSON.stringify(b), 'fhir', HASH);
      assert.equal(r.claims.length, 2);
      assert.deepEqual(r.skipped, ["Bundle.entry[6].resource: an ExplanationOfBenefit (the payer's adjudication): claimlint imports Claim resources; left out"]);
    });

    it('insurance without sequence or focal (as an EOB writes it) is read: the first Coverage', () => {
      const b = collection();
      (b.entry[5].resource as { insurance: unknown[] }).insurance = [{ coverage: { reference: b.entry[4].fullUrl } }];
      assert.deepEqual(run(b)[0].payer, { type: 'medicare', name: 'Medicare Part B' });
    });
  });

  it('an empty file is called empty, in its own format (it was "an empty CSV"); JSON of any shape is FHIR (issue 24 item 5)', () => {
    assert.equal(detectFormat('', 'export.json'), 'fhir');
    assert.equal(detectFormat('  \n', 'batch.837'), '837p');
    assert.equal(detectFormat('', 'visits.csv'), 'csv');
    assert.equal(detectFormat('[{"a": 1}]', 'x.txt'), 'fhir');
    assert.equal(failure('').message, 'the file is empty (no FHIR R4 content)');
    assert.equal(failure('\uFEFF \n').message, 'the file is empty (no FHIR R4 content)');
    assert.equal(failure('[]').message, 'not a FHIR resource (no resourceType)');
  });
});
