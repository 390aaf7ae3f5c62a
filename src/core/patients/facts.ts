/**
 * A file's claims as the patient index reads them, taken from the pipeline's Analysis —
 * the same parsed, validated claims every per-claim rule saw; nothing is parsed again.
 * Each claim is priced with the one pricing function (billing/kx.ts claimAllowed: fee
 * schedule, MPPR, CQ/CO rate, charge cap, the configured locality) and its fields placed
 * in the file, so a worker or a cache can carry the result as plain data.
 */
import type { Analysis, PlacedUnit } from '../pipeline/analysis';
import { claimContext, locate } from '../pipeline/auditClaim';
import type { ValidatedClaim } from '../pipeline/validate';
import type { ParsedClaim, ParsedUnit } from '../pipeline/unit';
import type { Claim } from '../model/claim';
import type { ResolvedConfig } from '../config/schema';
import type { ReferenceData } from '../data/reference';
import type { LineIndex } from '../parse/lines';
import { prefixPath } from '../parse/sourceMap';
import { directiveLines } from '../directives';
import { claimAllowed, kxPicture } from '../billing/kx';
import { claimDisciplineOf, lineDisciplineOf } from '../billing/discipline';
import { poolLines } from '../billing/disciplinePools';
import { kxThreshold } from '../data';
import type { FactLine, FilePatientClaims, PatientClaim, Place } from './types';

/** The claim fields the cross-claim rules point at (a line's fields are added per line). */
const CLAIM_PATHS = [
  '',
  'id',
  'date_of_service',
  'patient',
  'patient.ytd_allowed',
  'patient.ytd_allowed.pt_slp',
  'patient.ytd_allowed.ot',
  'plan_of_care',
  'plan_of_care.start_date',
  'plan_of_care.certified_date',
  'plan_of_care.cert_through',
  'plan_of_care.treatment_days_since_progress_report',
  'visit',
  'visit.progress_report',
];
const LINE_FIELDS = ['', '.code', '.units', '.minutes', '.modifiers'];

const NO_RANGE: Place['range'] = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The claims of an analysed file, for PatientIndex.setFile. */
export function fileClaims(analysis: Analysis, file: string, label = file): FilePatientClaims {
  const claims: PatientClaim[] = [];
  let index = 0;
  for (const u of analysis.units) {
    for (const c of u.unit.claims) {
      const facts = claimFacts(c, u, index, file, analysis.config, analysis.data, analysis.lines, label);
      if (facts) claims.push(facts);
      index++;
    }
  }
  return { file, label, claimCount: index, claims, directives: directiveLines(analysis.lines) };
}

/** One claim's facts, or undefined when it cannot be read (YAML errors, schema failure). */
export function claimFacts(
  parsed: ParsedClaim,
  unit: Pick<PlacedUnit, 'unit' | 'base' | 'prefix' | 'document'>,
  index: number,
  file: string,
  config: ResolvedConfig,
  data: ReferenceData,
  /** Without it (a unit read apart from its file), places get no range: placeUnitFacts adds them. */
  lines: LineIndex | undefined,
  label = file,
): PatientClaim | undefined {
  if (!parsed.sound || parsed.rawFailed) return undefined;
  const validated = parsed.validated();
  if (!validated.claim) return undefined;
  const text = unit.unit.text;
  const ctx = claimContext(validated as ValidatedClaim & { claim: Claim }, parsed.src, text, config, data);
  const claim = ctx.claim;
  const allowed = claimAllowed(ctx);
  const bucketOf = new Map<number, FactLine['bucket']>();
  for (const b of kxPicture(ctx)?.buckets ?? []) for (const l of b.lines) bucketOf.set(l.index, b.bucket);
  const poolOf = new Map<number, FactLine['pool']>();
  for (const p of poolLines(ctx.lines, claim)) for (const l of p.lines) poolOf.set(l.index, p.discipline);
  const factLines: FactLine[] = ctx.lines.map((l, i) => ({
    index: l.index,
    code: l.line.code.trim().toUpperCase(),
    units: l.line.units,
    minutes: l.line.minutes,
    modifiers: l.line.modifiers ?? [],
    kind: l.info?.kind,
    evaluation: !!l.info?.evaluation,
    perArea: !!l.info?.perArea,
    discipline: lineDisciplineOf(l.line, claim),
    pool: poolOf.get(l.index),
    bucket: bucketOf.get(l.index),
    allowed: bucketOf.has(l.index) ? allowed[i] : 0,
  }));
  const base = unit.base;
  const claimPrefix = parsed.prefix;
  const places: Record<string, Place> = {};
  const put = (path: string): void => {
    const rel = locate(parsed.src, text, path, 'value');
    const span = { start: rel.start + base, end: rel.end + base };
    places[path] = { span, range: lines ? { start: lines.position(span.start), end: lines.position(span.end) } : NO_RANGE };
  };
  for (const p of CLAIM_PATHS) put(p);
  for (const l of ctx.lines) {
    for (const f of LINE_FIELDS) put(`lines[${l.index}]${f}`);
    (l.line.modifiers ?? []).forEach((_, j) => put(`lines[${l.index}].modifiers[${j}]`));
  }
  const kx = kxThreshold(claim.date_of_service);
  const poc = claim.plan_of_care;
  return {
    file,
    fileLabel: label,
    index,
    document: unit.document,
    prefix: prefixPath(unit.prefix, claimPrefix),
    id: claim.id,
    patient: claim.patient?.id,
    date: claim.date_of_service,
    payerType: claim.payer.type,
    unitRule: ctx.unitRule,
    complete: validated.complete,
    discipline: claimDisciplineOf(claim),
    ytd: claim.patient?.ytd_allowed ? { ...claim.patient.ytd_allowed } : undefined,
    plan: poc
      ? {
          discipline: poc.discipline,
          start_date: poc.start_date,
          certified_date: poc.certified_date,
          cert_through: poc.cert_through,
          treatment_days_since_progress_report: poc.treatment_days_since_progress_report,
        }
      : undefined,
    progressReport: claim.visit?.progress_report === true,
    lines: factLines,
    kx: kx ? { pt_slp: kx.pt_slp, ot: kx.ot, reviewThreshold: kx.reviewThreshold } : undefined,
    places,
  };
}

/**
 * One unit's claims' facts read apart from its file (a worker's batch, or the CLI's audit of
 * a big file unit by unit): spans relative to the unit, no ranges, indexes counted from 0 in
 * the unit; placeUnitFacts puts them in the file. Plain data (structured-clone safe).
 */
export function unitFacts(unit: ParsedUnit, config: ResolvedConfig, data: ReferenceData): PatientClaim[] {
  const out: PatientClaim[] = [];
  unit.claims.forEach((c, index) => {
    const facts = claimFacts(c, { unit, base: 0, prefix: '', document: 0 }, index, '', config, data, undefined);
    if (facts) out.push(facts);
  });
  return out;
}

/** A unit's facts (unitFacts) placed in its file: what fileClaims gives for the same claims. */
export interface UnitFactsAt {
  facts: readonly PatientClaim[];
  /** The unit's offset, path prefix and YAML document in the file, and the file index of its first claim. */
  base: number;
  prefix: string;
  document: number;
  firstIndex: number;
}

/** The file's claims from its units' facts (in file order): identical to fileClaims of the file's analysis. */
export function fileClaimsOfUnits(units: readonly UnitFactsAt[], claimCount: number, lines: LineIndex, file: string, label = file): FilePatientClaims {
  const claims: PatientClaim[] = [];
  for (const u of units) {
    for (const f of u.facts) {
      const places: Record<string, Place> = {};
      for (const [path, p] of Object.entries(f.places)) {
        const span = { start: p.span.start + u.base, end: p.span.end + u.base };
        places[path] = { span, range: { start: lines.position(span.start), end: lines.position(span.end) } };
      }
      claims.push({ ...f, file, fileLabel: label, index: f.index + u.firstIndex, document: u.document, prefix: prefixPath(u.prefix, f.prefix), places });
    }
  }
  return { file, label, claimCount, claims, directives: directiveLines(lines) };
}
