/**
 * FHIR R4 → claims: a Bundle (collection, transaction, searchset, …) or a single Claim.
 * References to Patient, Practitioner, PractitionerRole, Organization and Coverage are
 * resolved inside the input: contained (#id), urn:uuid: and absolute full URLs, and
 * relative Type/id. One claim per Claim and date of service. docs/import.md has the table.
 */
import type { PayerType } from '../../../core';
import { disciplineOfModifiers, disciplineOfTaxonomy, icd10WithDot, isRealDate } from '../codes';
import { patientId, type PatientIdPolicy } from '../patientId';
import { chargeProblem, unitsProblem } from '../bounds';
import { ImportError, type ImportedClaim, type ImportedLine, type ImportResult, type ProviderDiscipline } from '../types';
import { bundle, RESOURCE_SCHEMAS, type AnyParsed, type CodeableConcept, type FhirClaim, type Identifier, type KnownType, type Parsed, type Reference } from './schema';

export interface ImportFhirOptions {
  patientId: PatientIdPolicy;
  payerType?: PayerType;
}

const NPI = 'http://hl7.org/fhir/sid/us-npi';
const NUCC = 'http://nucc.org/provider-taxonomy';
const PAYER_TYPOLOGY = 'urn:oid:2.16.840.1.113883.3.221.5';
const PROCEDURE_SYSTEMS = new Set([
  'http://www.ama-assn.org/go/cpt',
  'urn:oid:2.16.840.1.113883.6.12',
  'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  'urn:oid:2.16.840.1.113883.6.285',
]);
const ICD10 = new Set(['http://hl7.org/fhir/sid/icd-10-cm', 'urn:oid:2.16.840.1.113883.6.90']);

interface Located<T> {
  resource: T;
  path: string;
  fullUrl?: string;
}

/** "Bundle.entry[3].resource" + ["item", 1, "quantity"] → "Bundle.entry[3].resource.item[1].quantity". */
function joinPath(base: string, parts: readonly PropertyKey[]): string {
  return parts.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : `${p}.${String(k)}`), base);
}

/** Validates a resource of a known type; the error names the path, never the value. */
function validate<K extends KnownType>(type: K, value: unknown, path: string): Parsed<K> {
  // reportInput tells a missing value from a wrong one; the input itself is never printed.
  const r = RESOURCE_SCHEMAS[type].safeParse(value, { reportInput: true });
  if (r.success) return r.data as Parsed<K>;
  const issue = r.error.issues[0];
  const problem =
    issue.code === 'invalid_type' ? (issue.input === undefined ? 'required but missing' : `expected ${issue.expected === 'number' ? 'a number' : issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`) : issue.message.replace(/".*"/, 'this value');
  throw new ImportError(joinPath(path, issue.path), problem);
}

/** Line and column of a JSON.parse error, without the text around it. */
function jsonError(text: string, err: unknown): ImportError {
  const m = /position (\d+)/.exec(String((err as Error).message));
  if (!m) return new ImportError('', 'not valid JSON');
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return new ImportError(`line ${line}, column ${before.length - before.lastIndexOf('\n')}`, 'not valid JSON');
}

class Resolver {
  private readonly byUrl = new Map<string, Located<AnyParsed>>();
  private readonly byTypeId = new Map<string, Located<AnyParsed>>();

  add(r: Located<AnyParsed>): void {
    if (r.fullUrl) this.byUrl.set(r.fullUrl, r);
    if (r.resource.id) this.byTypeId.set(`${r.resource.resourceType}/${r.resource.id}`, r);
  }

  /** The resource a reference points to, looking in the claim's contained resources first. */
  resolve(ref: Reference | undefined, contained: Map<string, Located<AnyParsed>>): Located<AnyParsed> | undefined {
    const target = ref?.reference;
    if (!target) return undefined;
    if (target.startsWith('#')) return contained.get(target.slice(1));
    const exact = this.byUrl.get(target);
    if (exact) return exact;
    // Relative Type/id, or an absolute URL ending in Type/id (optionally /_history/n).
    const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(target);
    return m ? this.byTypeId.get(`${m[1]}/${m[2]}`) : undefined;
  }
}

function codes(cc: CodeableConcept | undefined, systems?: Set<string> | string): string[] {
  return (cc?.coding ?? [])
    .filter((c) => c.code && (systems === undefined || (typeof systems === 'string' ? c.system === systems : systems.has(c.system ?? ''))))
    .map((c) => c.code!.trim());
}

function npiOf(ids: Identifier[] | undefined): string | undefined {
  return ids?.find((i) => i.system === NPI && i.value)?.value;
}

interface ProviderInfo {
  npi?: string;
  taxonomy?: string;
}

export class FhirImporter {
  private readonly resolver = new Resolver();
  private readonly claims: Located<FhirClaim>[] = [];
  readonly warnings: string[] = [];
  /** Claims left out (ImportResult.skipped): located by their JSON path, never values. */
  readonly skipped: string[] = [];

  constructor(private readonly options: ImportFhirOptions) {}

  run(text: string): ImportedClaim[] {
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw jsonError(text, err);
    }
    const type = (json as { resourceType?: unknown } | null)?.resourceType;
    if (type === 'Bundle') this.readBundle(json);
    else if (type === 'Claim') this.addClaim(json, 'Claim');
    else throw new ImportError(typeof type === 'string' ? 'resourceType' : '', typeof type === 'string' ? 'neither a Bundle nor a Claim' : 'not a FHIR resource (no resourceType)');
    return this.claims.flatMap((c) => this.toClaims(c));
  }

  /**
   * A Claim is imported when it is a billed professional claim: `use` "claim" and `type`
   * professional. A prior-authorization request or predetermination (use), or an
   * institutional, oral, pharmacy or vision claim (type), is left out and listed, before
   * its contents are read.
   */
  private addClaim(json: unknown, path: string, fullUrl?: string): void {
    const why = notBilledProfessional(json as { use?: unknown; type?: unknown });
    if (why) {
      this.skipped.push(`${path}: ${why}; the Claim is left out`);
      return;
    }
    this.claims.push({ resource: validate('Claim', json, path), path, fullUrl });
  }

  private readBundle(json: unknown): void {
    const parsed = bundle.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ImportError(joinPath('Bundle', issue.path), issue.code === 'invalid_type' ? 'required but missing or of the wrong type' : issue.code === 'too_big' ? issue.message : 'not a valid Bundle');
    }
    for (const [i, entry] of (parsed.data.entry ?? []).entries()) {
      const resource = entry.resource;
      const path = `Bundle.entry[${i}].resource`;
      // An EOB is a claim as the payer adjudicated it, not the claim billed: listed, not read.
      if (resource?.resourceType === 'ExplanationOfBenefit') this.skipped.push(`${path}: an ExplanationOfBenefit (the payer's adjudication): claimlint imports Claim resources; left out`);
      if (!resource || !(resource.resourceType in RESOURCE_SCHEMAS)) continue;
      const type = resource.resourceType as KnownType;
      if (type === 'Claim') {
        this.addClaim(resource, path, entry.fullUrl);
        continue;
      }
      this.resolver.add({ resource: validate(type, resource, path), path, fullUrl: entry.fullUrl });
    }
  }

  private toClaims({ resource: claim, path }: Located<FhirClaim>): ImportedClaim[] {
    const contained = new Map<string, Located<AnyParsed>>();
    for (const [i, c] of (claim.contained ?? []).entries()) {
      if (!c.id || !(c.resourceType in RESOURCE_SCHEMAS)) continue;
      const cpath = `${path}.contained[${i}]`;
      contained.set(c.id, { resource: validate(c.resourceType as KnownType, c, cpath), path: cpath });
    }
    const resolve = (ref: Reference | undefined) => this.resolver.resolve(ref, contained);
    const id = claim.identifier?.find((i) => i.value)?.value ?? claim.id;
    if (!id) throw new ImportError(`${path}.identifier`, 'the claim has neither an identifier nor an id');
    const items = claim.item ?? [];
    if (!items.length) throw new ImportError(`${path}.item`, 'the claim has no items (service lines)');

    // Diagnoses in sequence order; an item's diagnosisSequence points at a position in it.
    const dx = [...(claim.diagnosis ?? []).entries()].sort((a, b) => a[1].sequence - b[1].sequence);
    const diagnoses: string[] = [];
    const position = new Map<number, number>();
    for (const [i, d] of dx) {
      const code = codes(d.diagnosisCodeableConcept, ICD10)[0] ?? codes(d.diagnosisCodeableConcept)[0];
      if (!code) throw new ImportError(`${path}.diagnosis[${i}].diagnosisCodeableConcept`, 'no ICD-10-CM coding');
      diagnoses.push(icd10WithDot(code));
      position.set(d.sequence, diagnoses.length);
    }

    const payer = this.payer(claim, path, resolve);
    const pid = patientId(this.memberKey(claim, resolve), this.options.patientId);
    const billing = this.provider(resolve(claim.provider), resolve, claim.provider);

    const groups = new Map<string, { date: string; provider: ProviderInfo; lines: ImportedLine[] }>();
    for (const [i, item] of items.entries()) {
      const ipath = `${path}.item[${i}]`;
      const date = (item.servicedDate ?? item.servicedPeriod?.start ?? claim.billablePeriod?.start)?.slice(0, 10);
      if (!date) throw new ImportError(`${ipath}.servicedDate`, 'no date of service (servicedDate, servicedPeriod or the claim’s billablePeriod)');
      if (!isRealDate(date)) throw new ImportError(`${ipath}.servicedDate`, 'not a real date');
      const provider = this.rendering(claim, item.careTeamSequence, resolve) ?? billing;
      const line = this.line(item, ipath, position);
      const key = `${date}|${provider.npi ?? ''}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { date, provider, lines: [] }));
      g.lines.push(line);
    }
    const perDate = new Map<string, number>();
    const out: ImportedClaim[] = [];
    for (const g of groups.values()) {
      let claimId = id;
      if (groups.size > 1) {
        claimId += `-${g.date}`;
        const n = (perDate.get(g.date) ?? 0) + 1;
        perDate.set(g.date, n);
        if (n > 1) claimId += `-${n}`;
      }
      const discipline: ProviderDiscipline | undefined = disciplineOfTaxonomy(g.provider.taxonomy) ?? disciplineOfModifiers(g.lines);
      const provider = { ...(g.provider.npi ? { npi: g.provider.npi } : {}), ...(discipline ? { discipline } : {}) };
      out.push({
        id: claimId,
        date_of_service: g.date,
        payer,
        ...(pid ? { patient: { id: pid } } : {}),
        ...(Object.keys(provider).length ? { provider } : {}),
        ...(diagnoses.length ? { diagnoses: [...diagnoses] } : {}),
        lines: g.lines,
      });
    }
    return out;
  }

  private line(item: NonNullable<FhirClaim['item']>[number], ipath: string, position: Map<number, number>): ImportedLine {
    const code = codes(item.productOrService, PROCEDURE_SYSTEMS)[0] ?? codes(item.productOrService).find((c) => /^(\d{4}[0-9A-Z]|[A-Z]\d{4})$/.test(c));
    if (!code) throw new ImportError(`${ipath}.productOrService`, 'no CPT/HCPCS coding');
    const modifiers = (item.modifier ?? []).map((m, j) => {
      const mod = codes(m)[0];
      if (!mod || !/^[A-Za-z0-9]{2}$/.test(mod)) throw new ImportError(`${ipath}.modifier[${j}]`, 'not a two-character modifier code');
      return mod.toUpperCase();
    });
    if (modifiers.length > 4) throw new ImportError(`${ipath}.modifier`, 'more than 4 modifiers');
    const units = item.quantity?.value ?? 1;
    const unitsBad = unitsProblem(units);
    if (unitsBad) throw new ImportError(`${ipath}.quantity.value`, unitsBad);
    const charge = item.net?.value ?? (item.unitPrice?.value !== undefined ? Math.round(item.unitPrice.value * units * 100) / 100 : undefined);
    const chargeBad = charge === undefined ? undefined : chargeProblem(charge);
    if (chargeBad) throw new ImportError(`${ipath}.${item.net ? 'net' : 'unitPrice'}.value`, chargeBad);
    const pointers = (item.diagnosisSequence ?? []).map((seq, j) => {
      const p = position.get(seq);
      if (p === undefined) throw new ImportError(`${ipath}.diagnosisSequence[${j}]`, 'points to no diagnosis of the claim');
      return p;
    });
    return {
      code,
      ...(modifiers.length ? { modifiers } : {}),
      units,
      ...(charge !== undefined ? { charge } : {}),
      ...(pointers.length ? { diagnosis_pointers: pointers } : {}),
    };
  }

  /** The item's care team member, else the claim's primary (or first) one. */
  private rendering(claim: FhirClaim, sequences: number[] | undefined, resolve: (r: Reference | undefined) => Located<AnyParsed> | undefined): ProviderInfo | undefined {
    const team = claim.careTeam ?? [];
    const member =
      team.find((t) => sequences?.includes(t.sequence)) ?? team.find((t) => codes(t.role).includes('primary')) ?? team[0];
    if (!member) return undefined;
    const info = this.provider(resolve(member.provider), resolve, member.provider);
    const taxonomy = codes(member.qualification, NUCC)[0];
    return { ...info, ...(taxonomy && !info.taxonomy ? { taxonomy } : {}) };
  }

  private provider(found: Located<AnyParsed> | undefined, resolve: (r: Reference | undefined) => Located<AnyParsed> | undefined, ref?: Reference): ProviderInfo {
    const r = found?.resource;
    if (!r) return { npi: ref?.identifier?.system === NPI ? ref.identifier.value : undefined };
    if (r.resourceType === 'Practitioner') {
      return { npi: npiOf(r.identifier), taxonomy: r.qualification?.flatMap((q) => codes(q.code, NUCC))[0] };
    }
    if (r.resourceType === 'PractitionerRole') {
      const practitioner = resolve(r.practitioner);
      const p: ProviderInfo = practitioner?.resource.resourceType === 'Practitioner' ? this.provider(practitioner, resolve) : {};
      const taxonomy = [...(r.code ?? []), ...(r.specialty ?? [])].flatMap((c) => codes(c, NUCC))[0];
      return { npi: npiOf(r.identifier) ?? p.npi, taxonomy: taxonomy ?? p.taxonomy };
    }
    if (r.resourceType === 'Organization') return { npi: npiOf(r.identifier) };
    return {};
  }

  private coverage(claim: FhirClaim, resolve: (r: Reference | undefined) => Located<AnyParsed> | undefined): { cov?: Parsed<'Coverage'>; index?: number } {
    const list = claim.insurance ?? [];
    const index = list.findIndex((i) => i.focal) >= 0 ? list.findIndex((i) => i.focal) : list.length ? 0 : -1;
    if (index < 0) return {};
    const found = resolve(list[index].coverage)?.resource;
    return { cov: found?.resourceType === 'Coverage' ? found : undefined, index };
  }

  private payer(claim: FhirClaim, path: string, resolve: (r: Reference | undefined) => Located<AnyParsed> | undefined): ImportedClaim['payer'] {
    const { cov, index } = this.coverage(claim, resolve);
    const payorRef = cov?.payor[0];
    const payorRes = resolve(payorRef)?.resource;
    const name = (payorRes?.resourceType === 'Organization' ? payorRes.name : undefined) ?? payorRef?.display;
    const type = this.options.payerType ?? payerTypeOfCoverage(cov?.type, name);
    if (!type) {
      throw new ImportError(index === undefined ? `${path}.insurance` : `${path}.insurance[${index}].coverage`, 'the payer type is unknown (no Coverage in the input); pass --payer-type');
    }
    return { type, ...(name ? { name } : {}) };
  }

  /** Coverage subscriber id (and dependant number), else the Patient's first identifier or its reference. */
  private memberKey(claim: FhirClaim, resolve: (r: Reference | undefined) => Located<AnyParsed> | undefined): string | undefined {
    const { cov } = this.coverage(claim, resolve);
    if (cov?.subscriberId) return cov.dependent ? `${cov.subscriberId}|${cov.dependent}` : cov.subscriberId;
    const p = resolve(claim.patient)?.resource;
    const ident = p?.resourceType === 'Patient' ? p.identifier?.find((i) => i.value) : claim.patient.identifier;
    if (ident?.value) return ident.system ? `${ident.system}|${ident.value}` : ident.value;
    return claim.patient.reference;
  }
}

const CLAIM_TYPE = 'http://terminology.hl7.org/CodeSystem/claim-type';
const OTHER_TYPES = ['institutional', 'oral', 'pharmacy', 'vision'];
const USE_WORDS: Record<string, string> = { preauthorization: 'a prior-authorization request', predetermination: 'a cost estimate' };

/**
 * Why a Claim is not a billed professional claim (use "claim", type professional in the
 * claim-type code system), in words naming the FHIR codes; undefined when it is one.
 */
export function notBilledProfessional(claim: { use?: unknown; type?: unknown }): string | undefined {
  const use = claim.use;
  if (use !== 'claim') {
    if (typeof use !== 'string') return 'no use: claimlint imports billed claims (use "claim")';
    // Only FHIR's own codes are named: a value outside them is not quoted.
    return `${USE_WORDS[use] ? `use "${use}" (${USE_WORDS[use]})` : 'a use other than "claim"'}: claimlint imports billed claims (use "claim")`;
  }
  const codings = ((claim.type as { coding?: unknown } | undefined)?.coding ?? []) as { system?: unknown; code?: unknown }[];
  const types = Array.isArray(codings) ? codings.filter((c) => c && (c.system === CLAIM_TYPE || c.system === undefined) && typeof c.code === 'string') : [];
  if (types.some((c) => c.code === 'professional')) return undefined;
  if (!types.length) return 'no claim type (type, http://terminology.hl7.org/CodeSystem/claim-type): claimlint imports professional claims';
  const code = String(types[0].code);
  return `${OTHER_TYPES.includes(code) ? `type "${code}"` : 'a type other than "professional"'}: claimlint imports professional claims`;
}

/**
 * payer.type from Coverage.type (Source of Payment Typology: 1/12x Medicare, 11x Medicare
 * managed care, 2x Medicaid, others commercial) or from the payor's name; undefined with
 * neither. A Coverage whose type and name say nothing more is commercial.
 */
export function payerTypeOfCoverage(type: CodeableConcept | undefined, payorName: string | undefined): PayerType | undefined {
  const sopt = codes(type, PAYER_TYPOLOGY)[0];
  if (sopt) {
    if (sopt.startsWith('11')) return 'medicare-advantage';
    if (sopt.startsWith('1')) return 'medicare';
    if (sopt.startsWith('2')) return 'medicaid';
    return 'commercial';
  }
  const words = [type?.text, ...(type?.coding ?? []).map((c) => c.display), payorName].filter(Boolean).join(' ');
  if (/medicare\s+advantage/i.test(words)) return 'medicare-advantage';
  if (/medicaid|medi-cal/i.test(words)) return 'medicaid';
  if (/medicare/i.test(words)) return 'medicare';
  if (type || payorName) return 'commercial';
  return undefined;
}

export function importFhir(text: string, options: ImportFhirOptions): ImportResult {
  const importer = new FhirImporter(options);
  const claims = importer.run(text);
  return { format: 'fhir', claims, header: [], warnings: importer.warnings, skipped: importer.skipped };
}
