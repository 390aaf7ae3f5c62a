/**
 * Checks `rules` of a .claimlintrc file or the claimlint.rules setting against the rule
 * registry: an unknown rule id, options on a rule that has none, and options its zod
 * schema refuses each become a problem (key path and message, with "did you mean …?" for
 * a near miss), and that entry or option is left out, so the rest of the config applies.
 * Also the JSON Schema of `rules` (one property per rule id) for package.json and
 * schema/claimlintrc.schema.json.
 */
import * as z from 'zod';
import { ALL_RULES, RULES_BY_ID } from '../rules';
import { nearMiss } from '../unknownText';
import { issueText, valueAt } from './problems';
import type { Rule } from '../types';

export interface RuleSettingProblem {
  /** Key path from the config's top level, e.g. ['rules', 'kx-modifier-missing', 'options', 'payerTypes']. */
  path: string[];
  message: string;
}

type RuleSettingValue = string | { severity?: string; options?: Record<string, unknown> };

/** The entries the registry accepts, and what was left out and why. */
export function checkRuleSettings<T extends RuleSettingValue>(rules: Record<string, T> | undefined): { rules: Record<string, T>; problems: RuleSettingProblem[] } {
  const kept: Record<string, T> = {};
  const problems: RuleSettingProblem[] = [];
  for (const [id, setting] of Object.entries(rules ?? {})) {
    const rule = RULES_BY_ID.get(id);
    if (!rule) {
      const near = nearMiss(id, RULES_BY_ID.keys());
      problems.push({ path: ['rules', id], message: `unknown rule id${near ? `; did you mean ${near}?` : ''} (the setting is ignored)` });
      continue;
    }
    if (typeof setting === 'string' || setting.options === undefined) {
      kept[id] = setting;
      continue;
    }
    const { options, problems: found } = checkOptions(rule, setting.options);
    problems.push(...found);
    kept[id] = { ...(setting as object), options } as T;
  }
  return { rules: kept, problems };
}

function checkOptions(rule: Rule, options: Record<string, unknown>): { options: Record<string, unknown>; problems: RuleSettingProblem[] } {
  const at = (...rest: (string | number | symbol)[]) => ['rules', rule.id, 'options', ...rest.map(String)];
  if (!rule.options) {
    return Object.keys(options).length
      ? { options: {}, problems: [{ path: at(), message: `${rule.id} has no options (they are ignored)` }] }
      : { options: {}, problems: [] };
  }
  const parsed = rule.options.safeParse(options);
  if (parsed.success) return { options, problems: [] };
  const known = Object.keys(rule.options.shape);
  const dropped = new Set<string>();
  const problems: RuleSettingProblem[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        dropped.add(key);
        const near = nearMiss(key, known);
        problems.push({ path: at(key), message: `unknown option of ${rule.id}${near ? `; did you mean ${near}?` : ''} (known: ${known.join(', ')})` });
      }
      continue;
    }
    const top = String(issue.path[0]);
    dropped.add(top);
    problems.push({ path: at(...issue.path), message: `${issueText(issue, valueAt(options, issue.path.map(String)))} (the option is ignored; the default applies)` });
  }
  return { options: Object.fromEntries(Object.entries(options).filter(([k]) => !dropped.has(k))), problems };
}

const SEVERITY_ENUM = ['off', 'info', 'warning', 'error'];

/** JSON Schema (draft-7) of one rule's setting: a severity, or { severity, options } when the rule has options. */
export function ruleSettingJsonSchema(rule: Rule): Record<string, unknown> {
  const description = `${rule.description.replace(/\.$/, '')}. Default: ${rule.defaultSeverity}.`;
  const severity = { type: 'string', enum: SEVERITY_ENUM };
  if (!rule.options) return { ...severity, description };
  const { $schema: _s, ...options } = z.toJSONSchema(rule.options, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return {
    description,
    anyOf: [
      severity,
      { type: 'object', properties: { severity, options }, additionalProperties: false },
    ],
  };
}

/** JSON Schema of `rules`: one property per rule id, nothing else. */
export function rulesJsonSchema(): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(ALL_RULES.map((r) => [r.id, ruleSettingJsonSchema(r)])),
    additionalProperties: false,
  };
}
