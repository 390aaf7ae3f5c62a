/** FHIR R4 test inputs: the same visit written as each kind of Bundle and as a single Claim. */
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const NUCC = 'http://nucc.org/provider-taxonomy';
const CPT = 'http://www.ama-assn.org/go/cpt';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const SOPT = 'urn:oid:2.16.840.1.113883.3.221.5';

export const MEMBER = '1EG4TE5MK73';

export function claimResource(refs: { patient: string; provider: string; practitioner: string; coverage?: string }, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Claim',
    id: 'c1',
    identifier: [{ system: 'https://ehr.example/claims', value: 'CLM-F1' }],
    status: 'active',
    use: 'claim',
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
    patient: { reference: refs.patient },
    created: '2026-03-06',
    provider: { reference: refs.provider },
    priority: { coding: [{ code: 'normal' }] },
    careTeam: [{ sequence: 1, provider: { reference: refs.practitioner }, role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claimcareteamrole', code: 'primary' }] } }],
    // Out of order on purpose: the list is written in sequence order.
    diagnosis: [
      { sequence: 2, diagnosisCodeableConcept: { coding: [{ system: ICD10, code: 'R26.2' }] } },
      { sequence: 1, diagnosisCodeableConcept: { coding: [{ system: ICD10, code: 'M25661' }] } },
    ],
    ...(refs.coverage ? { insurance: [{ sequence: 1, focal: true, coverage: { reference: refs.coverage } }] } : {}),
    item: [
      { sequence: 1, careTeamSequence: [1], diagnosisSequence: [1, 2], productOrService: { coding: [{ system: CPT, code: '97110' }] }, modifier: [{ coding: [{ system: CPT, code: 'GP' }] }], servicedDate: '2026-03-02', quantity: { value: 2 }, net: { value: 80, currency: 'USD' } },
      { sequence: 2, diagnosisSequence: [1], productOrService: { coding: [{ system: CPT, code: '97140' }] }, modifier: [{ coding: [{ code: 'GP' }] }, { coding: [{ code: '59' }] }], servicedDate: '2026-03-02', quantity: { value: 1 }, unitPrice: { value: 40 } },
      { sequence: 3, diagnosisSequence: [2], productOrService: { coding: [{ system: CPT, code: '97530' }] }, modifier: [{ coding: [{ code: 'GP' }] }], servicedPeriod: { start: '2026-03-05', end: '2026-03-05' }, quantity: { value: 3 }, net: { value: 120 } },
    ],
    total: { value: 240, currency: 'USD' },
    ...extra,
  };
}

export const patient = (id?: string) => ({ resourceType: 'Patient', ...(id ? { id } : {}), identifier: [{ system: 'https://ehr.example/mrn', value: 'MRN-55' }], name: [{ family: 'Doe', given: ['Jane'] }], birthDate: '1948-01-17' });
export const practitioner = (id?: string, taxonomy = '225100000X') => ({ resourceType: 'Practitioner', ...(id ? { id } : {}), identifier: [{ system: NPI, value: '1234567893' }], qualification: [{ code: { coding: [{ system: NUCC, code: taxonomy }] } }] });
export const organization = (id: string | undefined, name: string, npi?: string) => ({ resourceType: 'Organization', ...(id ? { id } : {}), name, ...(npi ? { identifier: [{ system: NPI, value: npi }] } : {}) });
export const coverage = (id: string | undefined, payor: string, type?: string) => ({
  resourceType: 'Coverage',
  ...(id ? { id } : {}),
  status: 'active',
  ...(type ? { type: { coding: [{ system: SOPT, code: type }] } } : {}),
  subscriberId: MEMBER,
  beneficiary: { reference: 'Patient/p1' },
  payor: [{ reference: payor }],
});

/** A collection Bundle with urn:uuid: full URLs. */
export function collection() {
  const u = (n: string) => `urn:uuid:0000000${n}-aaaa-4bbb-8ccc-000000000000`;
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: u('1'), resource: patient() },
      { fullUrl: u('2'), resource: practitioner() },
      { fullUrl: u('3'), resource: organization(undefined, 'Riverside Therapy', '1679576722') },
      { fullUrl: u('4'), resource: organization(undefined, 'Medicare Part B') },
      { fullUrl: u('5'), resource: coverage(undefined, u('4'), '121') },
      { fullUrl: u('6'), resource: claimResource({ patient: u('1'), provider: u('3'), practitioner: u('2'), coverage: u('5') }) },
    ],
  };
}

/** A transaction Bundle with absolute full URLs and relative references; a PractitionerRole for the OT. */
export function transaction() {
  const base = 'https://ehr.example/fhir/';
  const e = (resource: { resourceType: string; id?: string }) => ({ fullUrl: `${base}${resource.resourceType}/${resource.id}`, resource, request: { method: 'POST', url: resource.resourceType } });
  const role = { resourceType: 'PractitionerRole', id: 'role1', practitioner: { reference: 'Practitioner/pr1' }, code: [{ coding: [{ system: NUCC, code: '225X00000X' }] }] };
  const claim = claimResource({ patient: 'Patient/p1', provider: 'Organization/org1', practitioner: 'PractitionerRole/role1', coverage: 'Coverage/cov1' }, { id: 'c2' });
  for (const item of claim.item) item.modifier = [{ coding: [{ code: 'GO' }] }];
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      e(patient('p1')),
      e(practitioner('pr1', '')),
      e(role),
      e(organization('org1', 'Riverside Therapy', '1679576722')),
      e(organization('payer1', 'Sunrise Medicare Advantage')),
      e({ ...coverage('cov1', `${base}Organization/payer1`), id: 'cov1' }),
      e(claim),
    ],
  };
}

/** A searchset Bundle whose Claim holds its Coverage and Practitioner contained. */
export function searchset() {
  const claim = claimResource({ patient: 'Patient/p1', provider: 'Organization/org1', practitioner: '#pr', coverage: '#cov' }, {
    id: 'c3',
    contained: [practitioner('pr', '235Z00000X'), coverage('cov', '#payer', '2'), organization('payer', 'State Medicaid')],
  });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 1,
    entry: [
      { fullUrl: 'https://ehr.example/fhir/Claim/c3', resource: claim, search: { mode: 'match' } },
      { fullUrl: 'https://ehr.example/fhir/Patient/p1', resource: patient('p1'), search: { mode: 'include' } },
      { fullUrl: 'https://ehr.example/fhir/Organization/org1', resource: organization('org1', 'Riverside Therapy', '1679576722'), search: { mode: 'include' } },
    ],
  };
}
