/**
 * Audits one claim: schema validation, then every enabled rule. Input is one parsed claim
 * (node, source map, data) and the text it was parsed from; output is findings with spans in that text and
 * paths relative to the claim, so the result can be cached by the claim's text alone.
 */
import { BUILTIN_DATA, type ReferenceData } from '../data/reference';
import { nearestEntry, type SourceMap } from '../parse/sourceMap';
import type { ParsedClaim } from './unit';
import { FixBuilder } from '../fixes/builder';
import type { ResolvedConfig } from '../config/schema';
import { ALL_RULES, RULES_BY_ID } from '../rules';
import type { ClaimContext, Finding, IndexedLine, Report, RuleContext, Severity, Span } from '../types';
import { appliesToPayer, optionsOf } from '../rules/applies';
import type { Claim, UnitRule } from '../model/claim';
import type { ValidatedClaim } from './validate';
import { own } from '../own';

/** A finding before it is placed in the file: path relative to the claim. */
export type ClaimFinding = Omit<Finding, 'document' | 'path'> & { path: string };

export function severityFor(config: ResolvedConfig, ruleId: string): Severity | 'off' {
  return own(config.rules, ruleId)?.severity ?? RULES_BY_ID.get(ruleId)?.defaultSeverity ?? 'error';
}

/**
 * The claim's usable lines as the rules see them: each with its index in the written lines
 * list and its catalogue entry on the date of service (the built-in tables overlaid by the
 * data packs). The audit report reads the same lines (src/report/facts).
 */
export function indexLines(claim: Claim, lineIndex: readonly number[], data: ReferenceData = BUILTIN_DATA): IndexedLine[] {
  return claim.lines.map((line, i) => {
    const info = data.codeInfo(line.code, claim.date_of_service);
    const listed = info ? undefined : data.listedCode(line.code, claim.date_of_service);
    return listed ? { index: lineIndex[i], line, listed } : { index: lineIndex[i], line, info };
  });
}

export function auditClaim(parsed: ParsedClaim, text: string, config: ResolvedConfig, data: ReferenceData = BUILTIN_DATA): ClaimFinding[] {
  const src = parsed.src;
  const out: ClaimFinding[] = [];
  if (parsed.rawFailed) {
    const severity = severityFor(config, 'yaml-syntax');
    if (severity === 'off') return out;
    const message = 'YAML syntax error: an alias refers to an anchor that is not defined before it.';
    return [{ rule: 'yaml-syntax', severity, message, path: '', span: locate(src, text, '', 'value'), fixes: [] }];
  }
  const validated = parsed.validated();

  const schemaSeverity = severityFor(config, 'claim-schema');
  if (schemaSeverity !== 'off') {
    for (const issue of validated.issues) {
      const span = issue.keyPath ? src.get(issue.keyPath)?.key : undefined;
      out.push({
        rule: 'claim-schema',
        severity: schemaSeverity,
        message: issue.message,
        path: issue.path,
        span: span ?? locate(src, text, issue.path, 'value'),
        fixes: [],
      });
    }
  }
  const claim = validated.claim;
  if (!claim) return out;

  const ctx = claimContext(validated as ValidatedClaim & { claim: Claim }, src, text, config, data);

  for (const { rule, severity, options } of rulesFor(config, claim.payer.type)) {
    ctx.options = options;
    const report = (r: Report): void => {
      if (coveredBySchemaIssue(validated.invalid, r.path)) return;
      const entry = src.get(r.path);
      out.push({
        rule: rule.id,
        severity,
        message: r.message,
        path: r.path,
        span: r.at === 'key' && entry?.key ? entry.key : locate(src, text, r.path, r.at ?? 'value'),
        fixes: r.fixes ?? [],
      });
    };
    try {
      rule.check?.(ctx as RuleContext, report);
    } catch (err) {
      // A rule bug must not take the audit down; say where, without claim values.
      out.push({
        rule: 'internal-error',
        severity: 'warning',
        message: `Rule ${rule.id} failed on this claim (${err instanceof Error ? err.name : 'error'}); please report it.`,
        path: '',
        span: locate(src, text, '', 'value'),
        fixes: [],
      });
    }
  }
  return out;
}

interface PlannedRule {
  rule: (typeof ALL_RULES)[number];
  severity: Severity;
  options: object;
}

/** The rules that run on a claim, in order, with their severity and options: worked out once per config and payer type, not per claim. */
const plans = new WeakMap<ResolvedConfig, Map<string, PlannedRule[]>>();

function rulesFor(config: ResolvedConfig, payerType: Claim['payer']['type']): PlannedRule[] {
  let byPayer = plans.get(config);
  if (!byPayer) plans.set(config, (byPayer = new Map()));
  let plan = byPayer.get(payerType);
  if (!plan) {
    plan = [];
    for (const rule of ALL_RULES) {
      if (!rule.check) continue;
      const severity = severityFor(config, rule.id);
      if (severity === 'off' || !appliesToPayer(rule, config, payerType)) continue;
      plan.push({ rule, severity, options: optionsOf(rule, config) });
    }
    byPayer.set(payerType, plan);
  }
  return plan;
}

/** The context every rule reads: the validated claim, its lines with their catalogue entries, the config and the data. */
export function claimContext(validated: ValidatedClaim & { claim: Claim }, src: SourceMap, text: string, config: ResolvedConfig, data: ReferenceData = BUILTIN_DATA): ClaimContext {
  const { claim } = validated;
  const date = claim.date_of_service;
  return {
    claim,
    lines: indexLines(claim, validated.lineIndex, data),
    complete: validated.complete,
    date,
    unitRule: unitRuleFor(claim, config),
    config,
    data,
    src,
    fix: new FixBuilder(text, src),
  };
}

export function unitRuleFor(claim: { payer: { type: string; name?: string; unit_rule?: UnitRule } }, config: ResolvedConfig): UnitRule {
  const p = claim.payer;
  return (
    p.unit_rule ??
    (p.name !== undefined ? own(config.unitRule.byPayerName, p.name) : undefined) ??
    config.unitRule.byPayerType[p.type as keyof ResolvedConfig['unitRule']['byPayerType']] ??
    DEFAULT_UNIT_RULE[p.type as keyof typeof DEFAULT_UNIT_RULE] ??
    'per-code'
  );
}

/**
 * The unit rule when neither the claim nor the config chooses one (billing-rules §13.4):
 * federally funded plans follow the CMS total-time rule (Raintree, SimplePractice; most
 * Medicare Advantage plans follow it); commercial payers use the per-code rule of eights.
 */
export const DEFAULT_UNIT_RULE: Readonly<Record<'medicare' | 'medicare-advantage' | 'medicaid' | 'commercial', UnitRule>> = {
  medicare: 'cms',
  'medicare-advantage': 'cms',
  medicaid: 'cms',
  commercial: 'per-code',
};

function coveredBySchemaIssue(invalid: Set<string>, path: string): boolean {
  for (const p of invalid) if (path === p || path.startsWith(p + '.') || path.startsWith(p + '[')) return true;
  return false;
}

/**
 * Span to underline for a path: its value, or its key, or for a missing field the key of
 * the nearest parent that exists; a multi-line value is cut to its first line.
 */
export function locate(src: SourceMap, text: string, path: string, at: 'key' | 'value'): Span {
  const found = nearestEntry(src, path);
  if (!found) return { start: 0, end: 0 };
  const { entry } = found;
  const exact = found.path === path;
  if (entry.key && (at === 'key' || !exact)) return entry.key;
  const { start, end } = entry.value;
  const nl = text.indexOf('\n', start);
  return { start, end: nl >= 0 && nl < end ? nl : end };
}
