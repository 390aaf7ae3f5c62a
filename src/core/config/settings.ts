/**
 * Editor settings (the `claimlint.*` section). This zod schema is the single source of
 * package.json's contributes.configuration (scripts/gen-contributes.js writes it; a test
 * fails when they drift). Settings layer over the nearest .claimlintrc.yaml.
 */
import * as z from 'zod';
import { payerTypes, unitRules } from '../model/claim';
import { ruleSetting, type Config } from './schema';

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
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

/** Settings as a config layer (applied after the config file, so they win). */
export function settingsToConfig(s: Settings): Config {
  return {
    rules: s.rules,
    unitRule: { byPayerType: s.unitRuleByPayerType },
    files: s.files,
    defaultDate: s.defaultDate || undefined,
    data: s.dataPacks.length ? s.dataPacks : undefined,
  };
}
