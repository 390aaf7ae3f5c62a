/**
 * Configuration shared by the CLI (.claimlintrc.yaml, --config) and the editor (settings
 * merged over the nearest .claimlintrc.yaml). One zod schema validates both.
 */
import * as z from 'zod';
import { payerTypes, unitRules } from '../model/claim';
import type { Severity } from '../types';
import { bareRecord, own } from '../own';

export const severitySetting = z.enum(['off', 'error', 'warning', 'info']);

export const ruleSetting = z.union([
  severitySetting,
  z.strictObject({
    severity: severitySetting.optional(),
    /** Rule-specific options (word lists, thresholds); each rule documents its own. */
    options: z.record(z.string(), z.unknown()).optional(),
  }),
]);

export const configSchema = z.strictObject({
  root: z
    .boolean()
    .optional()
    .describe('Marks this folder as the project root (as in ESLint): the config lookup never goes above it. It also stops at a repository root (a folder holding .git) and, in the editor, at the workspace folder.'),
  rules: z
    .record(z.string(), ruleSetting)
    .optional()
    .describe('Per-rule severity ("off", "error", "warning", "info") or { severity, options }.'),
  unitRule: z
    .strictObject({
      byPayerType: z.partialRecord(z.enum(payerTypes), z.enum(unitRules)).optional(),
      byPayerName: z.record(z.string(), z.enum(unitRules)).optional(),
    })
    .optional()
    .describe('Unit-counting method per payer type or payer name, when a claim does not set payer.unit_rule.'),
  files: z
    .array(z.string())
    .optional()
    .describe('Extra glob patterns of claim files, besides *.claim.yaml and *.claim.yml.'),
  defaultDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('Date whose reference data is used where a claim has no valid date_of_service (hover, completion).'),
  data: z
    .array(z.string().min(1))
    .max(20)
    .optional()
    .describe('Data pack folders made by `claimlint data import`, relative to this file; later packs overlay earlier ones by effective date.'),
  locality: z
    .string()
    .regex(/^\d{5}-\d{1,2}$/)
    .optional()
    .describe('Medicare payment locality as "MAC-locality" (e.g. "01112-05"): with a data pack holding GPCIs, amounts are locality amounts instead of national ones.'),
});

export type Config = z.infer<typeof configSchema>;
export type SeveritySetting = z.infer<typeof severitySetting>;

export interface ResolvedRuleSetting {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Record<string, { severity?: Severity | 'off'; options?: Record<string, unknown> }>;
  unitRule: { byPayerType: Partial<Record<(typeof payerTypes)[number], (typeof unitRules)[number]>>; byPayerName: Record<string, (typeof unitRules)[number]> };
  files: string[];
  defaultDate?: string;
  /** Data pack folders as absolute paths (the adapter resolves them against the config file). */
  data?: string[];
  locality?: string;
}

export function resolveConfig(...layers: (Config | undefined)[]): ResolvedConfig {
  const out: ResolvedConfig = { rules: bareRecord(), unitRule: { byPayerType: {}, byPayerName: bareRecord() }, files: [] };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, setting] of Object.entries(layer.rules ?? {})) {
      const prev = own(out.rules, id) ?? {};
      out.rules[id] =
        typeof setting === 'string'
          ? { ...prev, severity: setting }
          : { severity: setting.severity ?? prev.severity, options: { ...prev.options, ...setting.options } };
    }
    for (const [type, rule] of Object.entries(layer.unitRule?.byPayerType ?? {})) {
      if ((payerTypes as readonly string[]).includes(type)) out.unitRule.byPayerType[type as (typeof payerTypes)[number]] = rule;
    }
    for (const [name, rule] of Object.entries(layer.unitRule?.byPayerName ?? {})) out.unitRule.byPayerName[name] = rule;
    if (layer.files) out.files = [...new Set([...out.files, ...layer.files])];
    if (layer.defaultDate) out.defaultDate = layer.defaultDate;
    if (layer.data) out.data = [...new Set([...(out.data ?? []), ...layer.data])];
    if (layer.locality) out.locality = layer.locality;
  }
  return out;
}

export { configKey } from './key';
