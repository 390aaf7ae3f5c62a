/**
 * The audit summary an auditor hands over, computed from the audit's findings and the
 * claims' facts: claims and lines audited, error rates, timed units billed against
 * supported, the money at stake, and findings by rule, category, rendering NPI and
 * discipline. Pure; the HTML report and the editor's Audit Summary both draw this.
 */
import type { Position, RuleCategory, Severity } from '../../core';
import type { ReportClaim } from '../facts/claims';

/** What the report needs of a finding: a LocatedFinding's fields and its rule's category (reportFindings makes them). */
export interface ReportFinding {
  rule: string;
  /** The rule's category ('other' for a rule id the engine does not know): see reportFindings. */
  category: RuleCategory | 'other';
  severity: Severity;
  message: string;
  document: number;
  path: string;
  range: { start: Position; end: Position };
}

export interface FileAudit {
  /** As shown to the user (relative path). */
  path: string;
  claims: ReportClaim[];
  findings: ReportFinding[];
}

export interface ClaimRow {
  file: string;
  claim: ReportClaim;
  findings: ReportFinding[];
  errors: number;
  warnings: number;
  infos: number;
  /** Worst severity of its findings, or undefined when it has none. */
  worst?: Severity;
  /** Timed units billed and supported (undefined when they cannot be counted). */
  billedUnits?: number;
  supportedUnits?: number;
  /** Estimated national amount billed minus supported: > 0 overpaid, < 0 underpaid. */
  amountDelta?: number;
}

export interface Count {
  key: string;
  findings: number;
  errors: number;
}

export interface AuditFigures {
  files: number;
  claims: number;
  lines: number;
  claimsWithErrors: number;
  /** claimsWithErrors / claims, 0 when there are no claims. */
  claimErrorRate: number;
  linesWithErrors: number;
  lineErrorRate: number;
  findings: { error: number; warning: number; info: number };
  /** Findings outside any claim (a file that does not parse, a key that is not a claim). */
  fileLevelFindings: number;
  timedUnits: {
    billed: number;
    supported: number;
    /** Units billed beyond what the minutes support, summed per pool. */
    over: number;
    under: number;
    /** Claims whose timed units could not be counted (schema errors, missing minutes). */
    claimsNotCounted: number;
  };
  money: {
    overpayment: number;
    underpayment: number;
    /** overpayment − underpayment. */
    net: number;
    /** Units left out because their code has no amount for the date. */
    unpricedUnits: number;
    /** In words: national and unadjusted, or the localities whose GPCIs adjusted the amounts. */
    basis: string;
    /** Localities ("01112-05 (SAN FRANCISCO)") whose GPCIs priced at least one claim; empty: all national. */
    localities: string[];
    /** Claims priced at national, unadjusted amounts (no locality configured, or no GPCIs for it). */
    nationalClaims: number;
  };
  byRule: (Count & { category: RuleCategory | 'other' })[];
  byCategory: Count[];
  byNpi: Count[];
  byDiscipline: Count[];
  rows: ClaimRow[];
}

export const MONEY_BASIS =
  'National Medicare amounts for each date of service, unadjusted for locality, with the multiple procedure payment reduction and the 85% CQ/CO rate; from timed-unit differences only.';

/** The money basis when at least one claim was priced with a locality's GPCIs. */
export function localityBasis(localities: readonly string[], nationalClaims: number): string {
  const where = localities.length === 1 ? `locality ${localities[0]}` : `localities ${localities.join(', ')}`;
  const national = nationalClaims
    ? `; ${nationalClaims} claim${nationalClaims === 1 ? '' : 's'} at national, unadjusted amounts (no locality configured, or no GPCIs for ${nationalClaims === 1 ? 'its' : 'their'} locality and date)`
    : '';
  return `Medicare amounts for each date of service, adjusted for ${where} by the GPCIs of the data packs in force${national}, with the multiple procedure payment reduction and the 85% CQ/CO rate; from timed-unit differences only.`;
}

export const CATEGORY_ORDER: readonly RuleCategory[] = ['units', 'modifiers', 'coding', 'documentation', 'plan-of-care', 'syntax'];

/** Does a finding's path lie inside the claim at `claimPath`? */
export function within(path: string, claimPath: string): boolean {
  return path === claimPath || path.startsWith(claimPath + '.') || path.startsWith(claimPath + '[');
}

/** The service line (from 0) a claim-relative finding path points into, if any. */
export function lineOf(path: string, claimPath: string): number | undefined {
  const m = /^\.lines\[(\d+)\]/.exec(path.slice(claimPath.length));
  return m ? Number(m[1]) : undefined;
}

export function computeFigures(files: readonly FileAudit[]): AuditFigures {
  const f: AuditFigures = {
    files: files.length,
    claims: 0,
    lines: 0,
    claimsWithErrors: 0,
    claimErrorRate: 0,
    linesWithErrors: 0,
    lineErrorRate: 0,
    findings: { error: 0, warning: 0, info: 0 },
    fileLevelFindings: 0,
    timedUnits: { billed: 0, supported: 0, over: 0, under: 0, claimsNotCounted: 0 },
    money: { overpayment: 0, underpayment: 0, net: 0, unpricedUnits: 0, basis: MONEY_BASIS, localities: [], nationalClaims: 0 },
    byRule: [],
    byCategory: [],
    byNpi: [],
    byDiscipline: [],
    rows: [],
  };
  const byRule = new Map<string, Count>();
  const byCategory = new Map<string, Count>(CATEGORY_ORDER.map((c) => [c, { key: c, findings: 0, errors: 0 }]));
  const byNpi = new Map<string, Count>();
  const byDiscipline = new Map<string, Count>();
  const localities = new Set<string>();
  const bump = (m: Map<string, Count>, key: string, sev: Severity) => {
    let c = m.get(key);
    if (!c) m.set(key, (c = { key, findings: 0, errors: 0 }));
    c.findings++;
    if (sev === 'error') c.errors++;
  };

  for (const file of files) {
    const owner = new Map<ReportFinding, ReportClaim>();
    for (const finding of file.findings) {
      f.findings[finding.severity]++;
      bump(byRule, finding.rule, finding.severity);
      bump(byCategory, finding.category, finding.severity);
      const claim = file.claims.find((c) => c.document === finding.document && within(finding.path, c.path));
      if (claim) owner.set(finding, claim);
      else f.fileLevelFindings++;
    }
    for (const claim of file.claims) {
      const findings = file.findings.filter((x) => owner.get(x) === claim);
      const row = claimRow(file.path, claim, findings);
      f.rows.push(row);
      f.claims++;
      f.lines += claim.lineCount;
      if (row.errors) f.claimsWithErrors++;
      const errorLines = new Set<number>();
      for (const x of findings) {
        const line = lineOf(x.path, claim.path);
        if (x.severity === 'error' && line !== undefined && line < claim.lineCount) errorLines.add(line);
        bump(byNpi, claim.npi ?? '(none)', x.severity);
        bump(byDiscipline, findingDiscipline(claim, line), x.severity);
      }
      f.linesWithErrors += errorLines.size;
      if (!claim.timed) {
        f.timedUnits.claimsNotCounted++;
        continue;
      }
      for (const pool of pools(claim)) {
        f.timedUnits.billed += pool.billed;
        f.timedUnits.supported += pool.supported;
        f.timedUnits.over += Math.max(0, pool.billed - pool.supported);
        f.timedUnits.under += Math.max(0, pool.supported - pool.billed);
      }
      // Priced when the claims were collected, with the packs and locality of the claim's file.
      const money = claim.money;
      if (money) {
        if (money.locality) localities.add(money.locality);
        else f.money.nationalClaims++;
        row.amountDelta = money.delta;
        if (money.delta > 0) f.money.overpayment += money.delta;
        else f.money.underpayment -= money.delta;
        f.money.unpricedUnits += money.unpricedUnits;
      }
    }
  }
  f.claimErrorRate = f.claims ? f.claimsWithErrors / f.claims : 0;
  f.lineErrorRate = f.lines ? f.linesWithErrors / f.lines : 0;
  f.money.overpayment = cents(f.money.overpayment);
  f.money.underpayment = cents(f.money.underpayment);
  f.money.net = cents(f.money.overpayment - f.money.underpayment);
  f.money.localities = [...localities].sort();
  if (localities.size) f.money.basis = localityBasis(f.money.localities, f.money.nationalClaims);
  const categoryOf = new Map(files.flatMap((file) => file.findings.map((x) => [x.rule, x.category] as const)));
  f.byRule = sortCounts(byRule).map((c) => ({ ...c, category: categoryOf.get(c.key) ?? 'other' }));
  f.byCategory = [...byCategory.values()].filter((c) => c.findings > 0 || c.key !== 'syntax');
  f.byNpi = sortCounts(byNpi);
  f.byDiscipline = sortCounts(byDiscipline);
  return f;
}

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

function sortCounts(m: Map<string, Count>): Count[] {
  return [...m.values()].sort((a, b) => b.findings - a.findings || b.errors - a.errors || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function claimRow(file: string, claim: ReportClaim, findings: ReportFinding[]): ClaimRow {
  const count = (s: Severity) => findings.filter((x) => x.severity === s).length;
  const row: ClaimRow = { file, claim, findings, errors: count('error'), warnings: count('warning'), infos: count('info') };
  row.worst = row.errors ? 'error' : row.warnings ? 'warning' : row.infos ? 'info' : undefined;
  if (claim.timed) {
    row.billedUnits = claim.timed.reduce((s, c) => s + c.billed, 0);
    row.supportedUnits = claim.timed.reduce((s, c) => s + c.supported, 0);
  }
  return row;
}

/** A finding on a line belongs to the line's discipline as the rules see it (its pool, its GP/GO/GN); else the claim's. */
function findingDiscipline(claim: ReportClaim, line: number | undefined): string {
  const l = line === undefined ? undefined : claim.lines.find((x) => x.index === line);
  return l?.discipline ?? claim.discipline ?? '(none)';
}

function pools(claim: ReportClaim): { billed: number; supported: number }[] {
  const by = new Map<string, { billed: number; supported: number }>();
  for (const c of claim.timed ?? []) {
    const p = by.get(c.discipline) ?? { billed: 0, supported: 0 };
    p.billed += c.billed;
    p.supported += c.supported;
    by.set(c.discipline, p);
  }
  return [...by.values()];
}
