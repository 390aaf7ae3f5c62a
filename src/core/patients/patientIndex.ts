/**
 * The patient index: claims of many files grouped by patient.id, in date order, and the
 * cross-claim rules run over each group. Incremental: replacing one file's claims
 * forgets the results of the groups it touched and names the files whose cross-claim
 * findings may have changed, so an editor republishes only those. Pure: plain data in,
 * plain data out; file keys are the caller's and are never read.
 */
import type { ResolvedConfig } from '../config/schema';
import { directivesOf, type Directives } from '../directives';
import { prefixPath } from '../parse/sourceMap';
import { ALL_RULES } from '../rules';
import { severityFor } from '../pipeline/auditClaim';
import { accrue, accrualText, type BucketAccrual, type ClaimYear } from './accrual';
import type { FilePatientClaims, PatientClaim, PatientContext, PatientFinding, PatientReport, Place } from './types';
import { appliesToPayer, optionsOf } from '../rules/applies';
import { placeOf } from './places';
import { accruesFor } from './accrues';

export { placeOf };

export type PatientScope = 'all' | 'file';

interface FileEntry {
  data: FilePatientClaims;
  config: ResolvedConfig;
  directives: Directives;
  groups: string[];
  /** The file's claims of each group, in file order: a group's claims without a scan of the whole file per group. */
  byGroup: Map<string, PatientClaim[]>;
}

/** What the code lens shows at a claim. */
export interface ClaimAccrual {
  claim: { file: string; index: number; claimId?: string; path: string; range: Place['range'] };
  year: string;
  buckets: BucketAccrual[];
  /** "$2,212.40 PT+SLP before this visit; KX from $2,480" (buckets joined by " · "). */
  text: string;
}

interface GroupResult {
  findings: Map<string, PatientFinding[]>;
  years: Map<PatientClaim, ClaimYear>;
}


export class PatientIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly groups = new Map<string, Set<string>>();
  private readonly results = new Map<string, GroupResult>();
  private readonly fileLevel = new Map<string, PatientFinding[]>();
  readonly scope: PatientScope;

  constructor(options: { scope?: PatientScope } = {}) {
    this.scope = options.scope ?? 'all';
  }

  /**
   * Replace a file's claims; returns the file keys whose cross-claim findings may have changed.
   * A patient group whose claims in this file are the same objects as before (fileClaims keeps
   * untouched claims), with the same config and directives, keeps its results and is not
   * named: after a one-claim edit only that patient's files are.
   */
  setFile(data: FilePatientClaims, config: ResolvedConfig): string[] {
    const old = this.files.get(data.file);
    const same = old !== undefined && old.config === config && sameDirectives(old.data.directives, data.directives);
    const before = same ? old.byGroup : new Map<string, PatientClaim[]>();
    const after = this.claimsByGroup(data);
    const kept = new Set([...after].filter(([g, claims]) => sameClaims(before.get(g), claims)).map(([g]) => g));
    const touched = this.detach(data.file, kept);
    const groups = [...after.keys()];
    this.files.set(data.file, { data, config, directives: directivesOf(data.directives), groups, byGroup: after });
    for (const g of groups) {
      let set = this.groups.get(g);
      if (!set) this.groups.set(g, (set = new Set()));
      set.add(data.file);
      if (kept.has(g)) continue;
      this.results.delete(g);
      for (const f of set) touched.add(f);
    }
    touched.add(data.file);
    return [...touched].sort();
  }

  /** The file's claims per patient group, in file order. */
  private claimsByGroup(data: FilePatientClaims): Map<string, PatientClaim[]> {
    const out = new Map<string, PatientClaim[]>();
    for (const c of data.claims) {
      if (c.patient === undefined) continue;
      const g = this.groupKey(c);
      const list = out.get(g);
      if (list) list.push(c);
      else out.set(g, [c]);
    }
    return out;
  }

  /** Forget a file; returns the file keys whose cross-claim findings may have changed. */
  removeFile(file: string): string[] {
    const touched = this.detach(file);
    this.files.delete(file);
    return [...touched].sort();
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  fileKeys(): string[] {
    return [...this.files.keys()];
  }

  /** The cross-claim findings in a file, located, in text order. */
  findings(file: string): PatientFinding[] {
    const entry = this.files.get(file);
    if (!entry) return [];
    const out: PatientFinding[] = [...this.fileFindings(file, entry)];
    for (const g of entry.groups) out.push(...(this.group(g).findings.get(file) ?? []));
    return out.sort(byPlace);
  }

  /** The accrued amounts at each claim of a file (the code lens). */
  accruals(file: string): ClaimAccrual[] {
    const entry = this.files.get(file);
    if (!entry) return [];
    const years = new Map<PatientClaim, ClaimYear>();
    for (const g of entry.groups) for (const [c, y] of this.group(g).years) if (c.file === file) years.set(c, y);
    // A claim alone: its own accrual (its stated baseline and its lines).
    for (const c of entry.data.claims) if (c.patient === undefined) for (const [k, y] of accrue([c], this.counts)) years.set(k, y);
    const out: ClaimAccrual[] = [];
    for (const c of entry.data.claims) {
      const y = years.get(c);
      if (!y) continue;
      const buckets = Object.values(y.buckets).filter((b) => b.billed);
      if (!buckets.length) continue;
      out.push({
        claim: { file, index: c.index, claimId: c.id, path: c.prefix, range: placeOf(c, '').range },
        year: y.year,
        buckets,
        text: buckets.map(accrualText).join(' · '),
      });
    }
    return out;
  }

  /** Every patient group's claims in date order (the report's per-patient view), in order of first appearance. */
  patientGroups(fileOrder: readonly string[] = [...this.files.keys()]): { claims: PatientClaim[]; years: Map<PatientClaim, ClaimYear> }[] {
    const seen = new Set<string>();
    const out: { claims: PatientClaim[]; years: Map<PatientClaim, ClaimYear> }[] = [];
    for (const f of fileOrder) {
      const entry = this.files.get(f);
      if (!entry) continue;
      for (const c of entry.data.claims) {
        if (c.patient === undefined) continue;
        const g = this.groupKey(c);
        if (seen.has(g)) continue;
        seen.add(g);
        out.push({ claims: this.claimsOf(g), years: this.group(g).years });
      }
    }
    return out;
  }

  /** The config of a claim's file. */
  readonly configOf = (c: PatientClaim): ResolvedConfig => this.files.get(c.file)!.config;

  /** Does the accrual count this claim (its payer is one the KX rules apply to)? */
  readonly counts = (c: PatientClaim): boolean => {
    const config = this.files.get(c.file)?.config;
    return !!config && accruesFor(config, c.payerType);
  };

  private groupKey(c: PatientClaim): string {
    return this.scope === 'file' ? `f\u0000${c.file}\u0000${c.patient}` : `p\u0000${c.patient}`;
  }

  /** Take a file out of its groups (except `kept`, whose claims stay the same); returns the files of the groups it left. */
  private detach(file: string, kept: ReadonlySet<string> = new Set()): Set<string> {
    const touched = new Set<string>();
    const old = this.files.get(file);
    this.fileLevel.delete(file);
    if (!old) return touched;
    touched.add(file);
    for (const g of old.groups) {
      if (kept.has(g)) continue;
      const set = this.groups.get(g);
      if (!set) continue;
      for (const f of set) touched.add(f);
      set.delete(file);
      if (!set.size) this.groups.delete(g);
      this.results.delete(g);
    }
    return touched;
  }

  private claimsOf(g: string): PatientClaim[] {
    const claims: PatientClaim[] = [];
    for (const f of this.groups.get(g) ?? []) for (const c of this.files.get(f)!.byGroup.get(g) ?? []) claims.push(c);
    return claims.sort(byDate);
  }

  private group(g: string): GroupResult {
    let r = this.results.get(g);
    if (r) return r;
    const claims = this.claimsOf(g);
    const findings = new Map<string, PatientFinding[]>();
    const years = accrue(claims, this.counts);
    this.run({ claims, fileLevel: false, configOf: this.configOf, claimCountOf: (f) => this.files.get(f)?.data.claimCount ?? 0, accrual: () => years }, findings);
    r = { findings, years };
    this.results.set(g, r);
    return r;
  }

  private fileFindings(file: string, entry: FileEntry): PatientFinding[] {
    let found = this.fileLevel.get(file);
    if (found) return found;
    const findings = new Map<string, PatientFinding[]>();
    const claims = [...entry.data.claims].sort(byDate);
    this.run({ claims, fileLevel: true, configOf: this.configOf, claimCountOf: () => entry.data.claimCount, accrual: () => new Map() }, findings);
    found = findings.get(file) ?? [];
    this.fileLevel.set(file, found);
    return found;
  }

  private run(ctx: PatientContext, into: Map<string, PatientFinding[]>): void {
    // One context and one report for all the rules of this group (a group is often one
    // patient's one claim: the per-rule copies were most of the cost of a 1,000-claim file's
    // groups); `rule` is the rule being run.
    let rule = PATIENT_RULES[0];
    const report = (r: PatientReport): void => {
      const entry = this.files.get(r.claim.file);
      if (!entry) return;
      const severity = severityFor(entry.config, rule.id);
      if (severity === 'off') return;
      const place = placeOf(r.claim, r.path);
      if (entry.directives.isDisabled(rule.id, place.range.start.line)) return;
      const f: PatientFinding = {
        rule: rule.id,
        severity,
        message: r.message,
        document: r.claim.document,
        path: prefixPath(r.claim.prefix, r.path),
        span: place.span,
        range: place.range,
        fixes: [],
        related: (r.related ?? []).map((x) => {
          const p = placeOf(x.claim, x.path);
          return { file: x.claim.file, claimId: x.claim.id, path: prefixPath(x.claim.prefix, x.path), span: p.span, range: p.range, message: x.message };
        }),
      };
      const list = into.get(r.claim.file);
      if (list) list.push(f);
      else into.set(r.claim.file, [f]);
    };
    const ruleCtx = { ...ctx, options: (c: PatientClaim) => optionsOf(rule, this.configOf(c)), applies: (c: PatientClaim) => appliesToPayer(rule, this.configOf(c), c.payerType) };
    for (const r of PATIENT_RULES) {
      rule = r;
      try {
        r.checkPatient!(ruleCtx, report);
      } catch (err) {
        // A rule bug must not take the audit down; say where, without claim values.
        const c = ctx.claims[0];
        if (c) report({ claim: c, path: '', message: `Rule ${r.id} failed on this patient's claims (${err instanceof Error ? err.name : 'error'}); please report it.` });
      }
    }
  }
}

/** The rules with a check across a patient's claims, in rule order. */
const PATIENT_RULES = ALL_RULES.filter((r) => r.checkPatient);

function sameClaims(a: readonly PatientClaim[] | undefined, b: readonly PatientClaim[]): boolean {
  return a !== undefined && a.length === b.length && a.every((c, i) => c === b[i]);
}

function sameDirectives(a: FilePatientClaims['directives'], b: FilePatientClaims['directives']): boolean {
  return a.length === b.length && a.every((d, i) => d.line === b[i].line && d.text === b[i].text);
}

export function byDate(a: PatientClaim, b: PatientClaim): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index;
}

function byPlace(a: PatientFinding, b: PatientFinding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}
