/**
 * `claimlint import` on the real FHIR files of ../shared/real-inputs/fhir (Da Vinci PAS,
 * CARIN Blue Button, Synthea), through the real binary. Only billed professional claims
 * (use "claim", type professional) are imported; the rest are left out, located and counted.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertNoneOf, importReal, realInput, scratch } from '../support/realInputs';

const fhir = (name: string) => realInput('fhir', name)!;
const json = (name: string) => JSON.parse(readFileSync(fhir(name), 'utf8')) as Record<string, unknown>;

/**
 * The CARIN Blue Button professional EOB as the Claim it adjudicated (same identifier,
 * patient, provider, diagnosis and item), bundled with the example's Coverage, Patient and
 * provider Organization, read from the files.
 */
function c4bbBundle(): { bundle: unknown; patient: Record<string, unknown>; coverage: Record<string, unknown> } {
  const eob = json('c4bb-explanation_of_benefit_professional_non_clinician_ex_1.json');
  const coverage = json('c4bb-coverage_ex_1.json');
  const patient = json('c4bb-patient_ex_1.json');
  const organization = json('c4bb-organization_ex_1.json');
  const claim = {
    resourceType: 'Claim',
    id: eob.id,
    identifier: eob.identifier,
    status: 'active',
    type: eob.type,
    use: eob.use,
    patient: eob.patient,
    billablePeriod: eob.billablePeriod,
    created: eob.created,
    insurer: eob.insurer,
    provider: eob.provider,
    priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
    diagnosis: eob.diagnosis,
    insurance: eob.insurance,
    item: (eob.item as Record<string, unknown>[]).map(({ adjudication: _, ...item }) => item),
  };
  const entry = (r: Record<string, unknown>) => ({ fullUrl: `https://example.org/fhir/${String(r.resourceType)}/${String(r.id)}`, resource: r });
  return { bundle: { resourceType: 'Bundle', type: 'collection', entry: [entry(claim), entry(coverage), entry(patient), entry(organization)] }, patient, coverage };
}

describe('claimlint import: real FHIR files (../shared/real-inputs/fhir)', function () {
  this.timeout(60_000);
  let s: ReturnType<typeof scratch>;
  before(function () {
    if (!realInput('fhir')) this.skip();
  });
  beforeEach(() => (s = scratch()));
  afterEach(() => s.done());

  it('the Da Vinci PAS bundle and Claim (use preauthorization) are left out, located; with nothing left the import stops (exit 2)', () => {
    const bundle = importReal(s.dir, [fhir('pas-conformant_pas_bundle_v110.json')]);
    assert.equal(bundle.code, 2);
    assert.match(bundle.stderr, /pas-conformant_pas_bundle_v110\.json: left out: Bundle\.entry\[0\]\.resource: use "preauthorization" \(a prior-authorization request\): claimlint imports billed claims \(use "claim"\); the Claim is left out\n/);
    assert.match(bundle.stderr, /no claims left to import \(1 left out, listed above\); nothing written/);
    assert.equal(bundle.yaml, '');
    const single = importReal(s.dir, [fhir('pas-pas_claim.json')]);
    assert.equal(single.code, 2);
    assert.match(single.stderr, /pas-pas_claim\.json: left out: Claim: use "preauthorization"/);
  });

  it('Synthea’s institutional Claim is left out before its SNOMED items and diagnosisReference are read (exit 2)', () => {
    const r = importReal(s.dir, [fhir('synthea-sample_complete_patient.first-encounter.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /left out: Bundle\.entry\[3\]\.resource: type "institutional": claimlint imports professional claims; the Claim is left out/);
    assert.ok(!/ICD-10|diagnosisCodeableConcept/.test(r.stderr), r.stderr);
  });

  it('the CARIN Blue Button professional claim imports with its values and none of the patient’s; beside the PAS bundle, the PAS Claim is listed in the header', () => {
    const { bundle, patient, coverage } = c4bbBundle();
    const file = s.write('c4bb-bundle.json', JSON.stringify(bundle, null, 2));
    const r = importReal(s.dir, [file]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.claims, [
      {
        id: 'AW123412341234123412341234123413',
        date_of_service: '2019-07-02',
        payer: { type: 'commercial' },
        patient: r.claims[0].patient,
        provider: { npi: '1112223330' },
        diagnoses: ['S06.0X1A'],
        lines: [{ code: '97110', units: 1 }],
      },
    ]);
    assert.match(r.claims[0].patient!.id, /^P-[0-9a-f]{16}$/);
    const address = (patient.address as { line: string[] }[]).flatMap((a) => a.line);
    const ids = [...(patient.identifier as { value: string }[]).map((i) => i.value), ...(coverage.identifier as { value: string }[]).map((i) => i.value), String(coverage.subscriberId)];
    assertNoneOf(['Member 01', String(patient.birthDate), ...address, 'PITTSBURGH', '5555555551', ...ids], r.yaml, r.stdout, r.stderr);

    const both = importReal(s.dir, [file, fhir('pas-conformant_pas_bundle_v110.json')]);
    assert.equal(both.code, 0, both.stderr);
    assert.equal(both.claims.length, 1);
    assert.ok(both.header.some((h) => h === '  pas-conformant_pas_bundle_v110.json: Bundle.entry[0].resource: use "preauthorization" (a prior-authorization request): claimlint imports billed claims (use "claim"); the Claim is left out'), both.header.join('\n'));
    assert.match(both.stdout, /1 claim written to .*; 1 left out/);
  });

  it('an empty .json file is an empty FHIR file, not "an empty CSV" (exit 2, nothing written)', () => {
    const r = importReal(s.dir, [s.write('export.json', '')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /export\.json: the file is empty \(no FHIR R4 content\); nothing written/);
    assert.ok(!/CSV/.test(r.stderr));
    const blank837 = importReal(s.dir, [s.write('batch.837', '\r\n')]);
    assert.match(blank837.stderr, /batch\.837: the file is empty \(no X12 837P content\); nothing written/);
  });

  it('the EOB, Coverage and Patient files alone are not Claims: refused by name', () => {
    const r = importReal(s.dir, [fhir('c4bb-explanation_of_benefit_professional_non_clinician_ex_1.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /resourceType: neither a Bundle nor a Claim; nothing written/);
  });
});
