/**
 * Editor settings (the `claimlint.*` section). This zod schema is the single source of
 * package.json's contributes.configuration (scripts/gen-contributes.js writes it; a test
 * fails when they drift). Settings layer over the nearest .claimlintrc.yaml.
 */
import * as z from 'zod';
import { payerTypes, unitRules } from '../model/claim';
import { ALL_RULES } from '../rules';
import { ruleSetting, type Config } from './schema';

/** The values of one rule's dropdown (claimlint.rule.<id>); "default" leaves the severity to claimlint.rules, .claimlintrc.yaml or the rule. */
export const RULE_DROPDOWN = ['default', 'off', 'info', 'warning', 'error'] as const;

/**
 * claimlint.rule.<id>: one dropdown per rule in the Settings UI (a billing person never
 * types JSON to silence a rule). Each entry's description is the rule's own.
 */
const perRuleSchema = z.object(
  Object.fromEntries(
    ALL_RULES.map((r) => [
      r.id,
      z
        .enum(RULE_DROPDOWN)
        .default('default')
        .describe(`${r.description.replace(/\.$/, '')}. Default: ${r.defaultSeverity}.`),
    ]),
  ),
);

export const settingsSchema = z.object({
  enable: z.boolean().default(true).describe('Audit claim files in this workspace.'),
  rules: z
    .record(z.string(), ruleSetting)
    .default({})
    .describe('Per rule id: "off", "info", "warning" or "error", or { "severity": …, "options": { … } } for a rule with options. These win over .claimlintrc.yaml.'),
  files: z
    .array(z.string())
    .default([])
    .describe('Extra glob patterns of claim files, besides **/*.claim.yaml and **/*.claim.yml.'),
  unitRuleByPayerType: z
    .partialRecord(z.enum(payerTypes), z.enum(unitRules))
    .default({})
    .describe('Unit-counting method per payer type ("cms" pools timed minutes; "per-code" is the rule of eights) when a claim does not set payer.unit_rule.'),
  defaultDate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/)
    .default('')
    .describe('Date (YYYY-MM-DD) whose reference data is used where a claim has no valid date_of_service; empty means today.'),
  dataPacks: z
    .array(z.string())
    .default([])
    .describe('Data pack folders made by `claimlint data import` (absolute, or relative to the workspace folder). They come after the packs of .claimlintrc.yaml; later packs overlay earlier ones by effective date.'),
  rule: perRuleSchema
    .default(Object.fromEntries(ALL_RULES.map((r) => [r.id, 'default' as const])))
    .describe('One severity per rule: a dropdown per rule in the Settings UI (claimlint.rule.<rule id>). Wins over claimlint.rules and .claimlintrc.yaml unless "default".'),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

/**
 * Settings as a config layer (applied after the config file, so they win). A rule's
 * dropdown (claimlint.rule.<id>) other than "default" sets its severity over claimlint.rules,
 * keeping the options the object form gives it.
 */
export function settingsToConfig(s: Settings): Config {
  const rules: NonNullable<Config['rules']> = { ...s.rules };
  for (const [id, severity] of Object.entries(s.rule ?? {})) {
    if (severity === 'default' || severity === undefined) continue;
    const prev = Object.hasOwn(rules, id) ? rules[id] : undefined;
    rules[id] = prev && typeof prev === 'object' ? { ...prev, severity } : severity;
  }
  return {
    rules,
    unitRule: { byPayerType: s.unitRuleByPayerType },
    files: s.files,
    defaultDate: s.defaultDate || undefined,
    data: s.dataPacks.length ? s.dataPacks : undefined,
  };
}
