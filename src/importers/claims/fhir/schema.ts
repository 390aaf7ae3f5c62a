/**
 * zod schemas of the FHIR R4 elements the importer reads (the rest of a resource passes
 * unchecked). Each schema is tied to its @types/fhir R4 type, so what zod lets through is
 * what the mapping code's FHIR types promise.
 */
import type * as R4 from 'fhir/r4';
import * as z from 'zod';
import { IMPORT_BOUNDS, tooLong } from '../bounds';

/** A schema whose output must fit the R4 type T (checked at compile time). */
const fits =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S): S =>
    schema;

const str = z.string();
/** A string claimlint writes or keys on (ids, codes, names, member ids): bounded (../bounds.ts). */
const short = z.string().max(IMPORT_BOUNDS.text, tooLong(IMPORT_BOUNDS.text));
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a FHIR date YYYY-MM-DD');
const positiveInt = z.number().int().positive();

export const coding = fits<R4.Coding>()(z.object({ system: short.optional(), code: short.optional(), display: str.optional() }));
export const codeableConcept = fits<R4.CodeableConcept>()(z.object({ coding: z.array(coding).optional(), text: str.optional() }));
export const identifier = fits<R4.Identifier>()(z.object({ system: short.optional(), value: short.optional(), type: codeableConcept.optional() }));
export const reference = fits<R4.Reference>()(z.object({ reference: short.optional(), identifier: identifier.optional(), display: short.optional() }));
const money = fits<R4.Money>()(z.object({ value: z.number().optional(), currency: str.optional() }));
const quantity = fits<R4.Quantity>()(z.object({ value: z.number().optional() }));
const period = fits<R4.Period>()(z.object({ start: date.optional(), end: date.optional() }));

const careTeam = fits<R4.ClaimCareTeam>()(
  z.object({ sequence: positiveInt, provider: reference, role: codeableConcept.optional(), qualification: codeableConcept.optional() }),
);
const diagnosis = fits<R4.ClaimDiagnosis>()(z.object({ sequence: positiveInt, diagnosisCodeableConcept: codeableConcept.optional(), diagnosisReference: reference.optional() }));
// sequence and focal are required in R4 but not read here (an absent focal is false): exports built from an EOB leave them out.
const insurance = fits<Partial<R4.ClaimInsurance>>()(z.object({ sequence: positiveInt.optional(), focal: z.boolean().optional(), coverage: reference }));
const item = fits<R4.ClaimItem>()(
  z.object({
    sequence: positiveInt,
    careTeamSequence: z.array(positiveInt).optional(),
    diagnosisSequence: z.array(positiveInt).optional(),
    productOrService: codeableConcept,
    modifier: z.array(codeableConcept).optional(),
    servicedDate: date.optional(),
    servicedPeriod: period.optional(),
    quantity: quantity.optional(),
    unitPrice: money.optional(),
    net: money.optional(),
  }),
);

/** Any resource: its type decides which schema applies. */
const anyResource = z.object({ resourceType: str, id: short.optional() }).loose();

export const claim = z.object({
  resourceType: z.literal('Claim'),
  id: short.optional(),
  identifier: z.array(identifier).optional(),
  contained: z.array(anyResource).optional(),
  patient: reference,
  billablePeriod: period.optional(),
  provider: reference,
  careTeam: z.array(careTeam).optional(),
  diagnosis: z.array(diagnosis).optional(),
  insurance: z.array(insurance).optional(),
  item: z.array(item).optional(),
});
// R4 requires insurance; exports often leave it out, and --payer-type then stands in. Its
// sequence and focal are checked against R4 as optional (above).
fits<Partial<Pick<R4.Claim, 'patient' | 'provider' | 'item' | 'diagnosis' | 'careTeam' | 'identifier' | 'billablePeriod'>> & { insurance?: Partial<R4.ClaimInsurance>[] }>()(claim);

export const patient = fits<Pick<R4.Patient, 'resourceType' | 'id' | 'identifier'>>()(
  z.object({ resourceType: z.literal('Patient'), id: short.optional(), identifier: z.array(identifier).optional() }),
);
export const practitioner = fits<Pick<R4.Practitioner, 'resourceType' | 'id' | 'identifier' | 'qualification'>>()(
  z.object({ resourceType: z.literal('Practitioner'), id: short.optional(), identifier: z.array(identifier).optional(), qualification: z.array(z.object({ code: codeableConcept })).optional() }),
);
export const practitionerRole = fits<Pick<R4.PractitionerRole, 'resourceType' | 'id' | 'identifier' | 'practitioner' | 'code' | 'specialty'>>()(
  z.object({
    resourceType: z.literal('PractitionerRole'),
    id: short.optional(),
    identifier: z.array(identifier).optional(),
    practitioner: reference.optional(),
    code: z.array(codeableConcept).optional(),
    specialty: z.array(codeableConcept).optional(),
  }),
);
export const organization = fits<Pick<R4.Organization, 'resourceType' | 'id' | 'identifier' | 'name'>>()(
  z.object({ resourceType: z.literal('Organization'), id: short.optional(), identifier: z.array(identifier).optional(), name: short.optional() }),
);
export const coverage = fits<Pick<R4.Coverage, 'resourceType' | 'id' | 'type' | 'subscriberId' | 'dependent' | 'payor' | 'identifier'>>()(
  z.object({
    resourceType: z.literal('Coverage'),
    id: short.optional(),
    identifier: z.array(identifier).optional(),
    type: codeableConcept.optional(),
    subscriberId: short.optional(),
    dependent: short.optional(),
    payor: z.array(reference),
  }),
);

export const bundle = z.object({
  resourceType: z.literal('Bundle'),
  type: str,
  entry: z.array(z.object({ fullUrl: str.optional(), resource: anyResource.optional() })).optional(),
});

export const RESOURCE_SCHEMAS = { Claim: claim, Patient: patient, Practitioner: practitioner, PractitionerRole: practitionerRole, Organization: organization, Coverage: coverage } as const;
export type KnownType = keyof typeof RESOURCE_SCHEMAS;
export type Parsed<K extends KnownType> = z.output<(typeof RESOURCE_SCHEMAS)[K]>;
export type AnyParsed = { [K in KnownType]: Parsed<K> }[KnownType];
export type FhirClaim = Parsed<'Claim'>;
export type CodeableConcept = z.output<typeof codeableConcept>;
export type Reference = z.output<typeof reference>;
export type Identifier = z.output<typeof identifier>;
