/**
 * The findings of one parsed unit under one config: its structural issues with their
 * severities, and every sound claim audited. Kept on the unit per config key (a few
 * configs at most), so an unchanged claim is never audited twice.
 */
import { auditClaim, severityFor, type ClaimFinding } from './auditClaim';
import type { ResolvedConfig } from '../config/schema';
import { prefixPath } from '../parse/sourceMap';
import type { ParsedUnit } from './unit';
import { BUILTIN_DATA, type ReferenceData } from '../data/reference';

export interface UnitResult {
  /** Paths and spans relative to the unit. */
  findings: ClaimFinding[];
  /** Index in unit.claims of the claim each finding belongs to; -1 for the unit's own. */
  owners: number[];
}

/** Configs remembered per unit: an editor session rarely has more than one or two. */
const MAX_CONFIGS = 4;

/** Bytes a finding keeps alive, roughly (message, path, span, fixes). */
const BYTES_PER_FINDING = 400;

/** The unit's result for a config: kept, or audited now (or `known`: the same result computed elsewhere, by a worker). */
export function unitResult(unit: ParsedUnit, config: ResolvedConfig, configKey: string, grew?: (bytes: number) => void, data: ReferenceData = BUILTIN_DATA, known?: UnitResult): UnitResult {
  const hit = unit.results.get(configKey) as UnitResult | undefined;
  if (hit) return hit;
  const result = known ?? auditUnit(unit, config, data);
  if (unit.results.size >= MAX_CONFIGS) unit.results.delete(unit.results.keys().next().value as string);
  unit.results.set(configKey, result);
  grew?.(result.findings.length * BYTES_PER_FINDING);
  return result;
}

function auditUnit(unit: ParsedUnit, config: ResolvedConfig, data: ReferenceData): UnitResult {
  const findings: ClaimFinding[] = [];
  const owners: number[] = [];
  // In a list item everything belongs to its claim, its syntax errors too.
  const own = unit.kind === 'item' && unit.claims.length ? 0 : -1;
  for (const step of unit.steps) {
    if ('issue' in step) {
      const severity = severityFor(config, step.issue.rule);
      if (severity === 'off') continue;
      findings.push({ ...step.issue, severity, fixes: [] });
      owners.push(own);
      continue;
    }
    const claim = unit.claims[step.claim];
    for (const f of auditClaim(claim, unit.text, config, data)) {
      findings.push(claim.prefix ? { ...f, path: prefixPath(claim.prefix, f.path) } : f);
      owners.push(step.claim);
    }
  }
  return { findings, owners };
}
