/**
 * A file's claims as the patient index reads them, taken from the pipeline's Analysis —
 * the same parsed, validated claims every per-claim rule saw; nothing is parsed again.
 * Each claim the KX accrual counts (./accrues.ts) is priced with the one pricing function
 * (billing/kx.ts claimAllowed: fee schedule, MPPR, CQ/CO rate, charge cap, the configured
 * locality), and every claim's fields placed in the file, so a worker or a cache can carry
 * the result as plain data.
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
import type { FactLine, FilePatientClaims, PatientClaim } from './types';
import { compactPlaces, placedSpans, shiftPlaces } from './places';
import { accruesFor } from './accrues';


/**
 * Each parsed claim's facts, kept while the claim's text is unchanged (the pipeline's cache
 * keeps its ParsedClaim across edits): after a one-claim edit of a big open file only the
 * edited claim is read again, and a claim the edit moved gets a copy with its places shifted.
 */
interface Memo {
  /** What the facts were read for: the file, its label, config and data (one string per call), the claim's index, document and path prefix. */
  context: string;
  index: number;
  document: number;
  prefix: string;
  base: number;
  line: number;
  character: number;
  facts: PatientClaim | undefined;
}
const memo = new WeakMap<FactSource, Memo>();

/** What the facts read of a parsed claim: no yaml nodes (the index's quick scanner, quickClaims.ts, has none). */
export type FactSource = Pick<ParsedClaim, 'sound' | 'rawFailed' | 'validated' | 'src' | 'prefix'>;

/** A unit placed in its file, as the facts read it. */
export interface FactUnit extends Pick<PlacedUnit, 'base' | 'prefix' | 'document'> {
  unit: { text: string; claims: readonly FactSource[] };
}

/** What fileClaims reads of an Analysis. */
export type FactAnalysis = Pick<Analysis, 'lines' | 'configKey' | 'data' | 'config'> & { units: readonly FactUnit[] };

/** The claims of an analysed file, for PatientIndex.setFile. Untouched claims keep their objects from the file's previous analysis. */
export function fileClaims(analysis: FactAnalysis, file: string, label = file): FilePatientClaims {
  const claims: PatientClaim[] = [];
  const context = `${file}\u0000${label}\u0000${analysis.configKey}\u0000${analysis.data.key}`;
  let index = 0;
  for (const u of analysis.units) {
    const at = analysis.lines.position(u.base);
    for (const c of u.unit.claims) {
      const hit = memo.get(c);
      let facts: PatientClaim | undefined;
      if (hit && hit.context === context && hit.index === index && hit.document === u.document && hit.prefix === u.prefix && hit.character === at.character) {
        if (hit.base === u.base && hit.line === at.line) facts = hit.facts;
        else {
          facts = hit.facts && shifted(hit.facts, u.base - hit.base, at.line - hit.line);
          memo.set(c, { ...hit, base: u.base, line: at.line, facts });
        }
      } else {
        facts = claimFacts(c, u, index, file, analysis.config, analysis.data, analysis.lines, label);
        memo.set(c, { context, index, document: u.document, prefix: u.prefix, base: u.base, line: at.line, character: at.character, facts });
      }
      if (facts) claims.push(facts);
      index++;
    }
  }
  return { file, label, claimCount: index, claims, directives: directiveLines(analysis.lines).map((d) => ({ line: d.line, text: detached(d.text) })) };
}

/**
 * Take `record` — this analysis's file made into claims elsewhere (fileClaimsOfUnits of the
 * workers' facts for the same text and config: equal to fileClaims of this analysis) — as
 * its claims' facts: fileClaims of the analysis then returns the record's claim objects, so a
 * patient index holding the record sees nothing changed and recomputes no patient. Nothing is
 * taken when the record counts other claims.
 */
export function adoptFileClaims(analysis: Analysis, record: FilePatientClaims): boolean {
  const claims = analysis.units.reduce((n, u) => n + u.unit.claims.length, 0);
  if (claims !== record.claimCount) return false;
  const byIndex = new Map(record.claims.map((c) => [c.index, c]));
  const context = `${record.file}\u0000${record.label}\u0000${analysis.configKey}\u0000${analysis.data.key}`;
  let index = 0;
  for (const u of analysis.units) {
    const at = analysis.lines.position(u.base);
    for (const c of u.unit.claims) {
      memo.set(c, { context, index, document: u.document, prefix: u.prefix, base: u.base, line: at.line, character: at.character, facts: byIndex.get(index) });
      index++;
    }
  }
  return true;
}

/**
 * A copy of a string taken from the file's text: V8 keeps a substring of 13 characters or
 * more as a view into the whole text, so one claim id would keep its file's text alive in an
 * index that is meant to hold a few hundred bytes per claim.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function detachedOpt(s: string | undefined): string | undefined {
  return s === undefined ? undefined : detached(s);
}

/** A claim's facts moved by `offset` characters and `lines` lines (its own text unchanged). */
function shifted(c: PatientClaim, offset: number, lines: number): PatientClaim {
  return { ...c, ...shiftPlaces(c, offset, lines) };
}

/** One claim's facts, or undefined when it cannot be read (YAML errors, schema failure). */
export function claimFacts(
  parsed: FactSource,
  unit: FactUnit,
  index: number,
  file: string,
  config: ResolvedConfig,
  data: ReferenceData,
  /** Without it (a unit read apart from its file), the spans are the unit's own and no lines are given: fileClaimsOfUnits places them in the file. */
  lines: LineIndex | undefined,
  label = file,
): PatientClaim | undefined {
  if (!parsed.sound || parsed.rawFailed) return undefined;
  const validated = parsed.validated();
  if (!validated.claim) return undefined;
  const text = unit.unit.text;
  const ctx = claimContext(validated as ValidatedClaim & { claim: Claim }, parsed.src, text, config, data);
  const claim = ctx.claim;
  // Priced only when the KX accrual counts the claim: pricing was about two-fifths of the facts' time,
  // and no check reads the amounts of a claim it does not count (./accrues.ts).
  const picture = accruesFor(config, claim.payer.type) ? kxPicture(ctx) : undefined;
  const allowed = picture ? claimAllowed(ctx) : [];
  const bucketOf = new Map<number, FactLine['bucket']>();
  for (const b of picture?.buckets ?? []) for (const l of b.lines) bucketOf.set(l.index, b.bucket);
  const poolOf = new Map<number, FactLine['pool']>();
  for (const p of poolLines(ctx.lines, claim)) for (const l of p.lines) poolOf.set(l.index, p.discipline);
  const factLines: FactLine[] = ctx.lines.map((l, i) => ({
    index: l.index,
    code: detached(l.line.code.trim().toUpperCase()),
    units: l.line.units,
    minutes: l.line.minutes,
    modifiers: (l.line.modifiers ?? []).map(detached),
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
  const places = compactPlaces(
    { lines: factLines },
    (path) => {
      const rel = locate(parsed.src, text, path, 'value');
      return { start: rel.start + base, end: rel.end + base };
    },
    lines,
  );
  const kx = kxThreshold(claim.date_of_service);
  const poc = claim.plan_of_care;
  return {
    file,
    fileLabel: label,
    index,
    document: unit.document,
    prefix: prefixPath(unit.prefix, claimPrefix),
    id: detachedOpt(claim.id),
    patient: detachedOpt(claim.patient?.id),
    date: detached(claim.date_of_service),
    payerType: claim.payer.type,
    unitRule: ctx.unitRule,
    complete: validated.complete,
    discipline: claimDisciplineOf(claim),
    ytd: claim.patient?.ytd_allowed ? { ...claim.patient.ytd_allowed } : undefined,
    plan: poc
      ? {
          discipline: poc.discipline,
          start_date: detachedOpt(poc.start_date),
          certified_date: detachedOpt(poc.certified_date),
          cert_through: detachedOpt(poc.cert_through),
          treatment_days_since_progress_report: poc.treatment_days_since_progress_report,
        }
      : undefined,
    progressReport: claim.visit?.progress_report === true,
    lines: factLines,
    kx: kx ? { pt_slp: kx.pt_slp, ot: kx.ot, reviewThreshold: kx.reviewThreshold } : undefined,
    ...places,
  };
}

/**
 * One unit's claims' facts read apart from its file (a worker's batch, or the CLI's audit of
 * a big file unit by unit): spans relative to the unit, no ranges, indexes counted from 0 in
 * the unit, no lines (compactPlaces); fileClaimsOfUnits puts them in the file. Plain data
 * (structured-clone safe).
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

/** Where a claim's facts lie in the file. */
export type FactPlaces = Pick<PatientClaim, 'spans' | 'firstLine' | 'lineStarts'>;

/** A unit's claim's facts (unitFacts) placed in the file at the unit's offset `base`: their spans and lines there. */
export function placeFacts(f: PatientClaim, base: number, lines: LineIndex): FactPlaces {
  return placedSpans(f.spans.map((x) => x + base), lines);
}

/**
 * The file's claims from its units' facts (in file order): identical to fileClaims of the
 * file's analysis. `placed` gives places made earlier (placeFacts, as the units came in).
 */
export function fileClaimsOfUnits(
  units: readonly UnitFactsAt[],
  claimCount: number,
  lines: LineIndex,
  file: string,
  label = file,
  placed?: (f: PatientClaim, base: number) => FactPlaces | undefined,
): FilePatientClaims {
  const claims: PatientClaim[] = [];
  for (const u of units) {
    for (const f of u.facts) {
      const places = placed?.(f, u.base) ?? placeFacts(f, u.base, lines);
      claims.push({ ...f, file, fileLabel: label, index: f.index + u.firstIndex, document: u.document, prefix: prefixPath(u.prefix, f.prefix), ...places });
    }
  }
  return { file, label, claimCount, claims, directives: directiveLines(lines).map((d) => ({ line: d.line, text: detached(d.text) })) };
}
