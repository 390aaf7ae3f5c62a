#!/usr/bin/env node
// Writes package.json's contributes.configuration from the settings zod schema
// (src/core/config/settings.ts): each key K becomes the setting `claimlint.K` with its
// type, default, description, enum/pattern and item schema; claimlint.rules gets one
// property per rule id of the rule registry (src/core/config/ruleSettings.ts). The rest of package.json is
// kept as it is (2-space JSON). test/unit/manifest.test.ts regenerates it in memory and
// fails on drift. `--check` reports drift, writes nothing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, loadTs, toJsonText } = require('./lib/load-ts');

const SECTION = 'claimlint';
const PACKAGE_JSON = path.join(ROOT, 'package.json');

/** JSON Schema of the settings object, as zod renders it (input side: defaults shown). */
function settingsJsonSchema() {
  const { z, settingsSchema, rulesJsonSchema } = loadTs(
    "export { z } from 'zod';\nexport { settingsSchema } from './src/core/config/settings';\nexport { rulesJsonSchema } from './src/core/config/ruleSettings';",
  );
  const schema = z.toJSONSchema(settingsSchema, { io: 'input', target: 'draft-7' });
  // claimlint.rules: one property per rule id from the rule registry (a severity, or
  // { severity, options } with the rule's own option schema), so settings.json completes
  // rule ids and VS Code underlines an unknown one.
  const { type, default: dflt, description } = schema.properties.rules;
  schema.properties.rules = { type, default: dflt, ...rulesJsonSchema(), description };
  return schema;
}

/**
 * Rewrites a zod-generated JSON Schema node into the subset VS Code's settings editor
 * understands: records with enum keys become fixed `properties` (so the settings UI shows
 * one row per key), `propertyNames: {type: string}` is dropped (always true for settings),
 * and `$schema` is removed.
 */
function toSettingSchema(node) {
  if (Array.isArray(node)) return node.map(toSettingSchema);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || key === 'propertyNames') continue;
    out[key] = key === 'default' || key === 'enum' || key === 'const' ? value : toSettingSchema(value);
  }
  const names = node.propertyNames;
  if (names && Array.isArray(names.enum) && node.additionalProperties && typeof node.additionalProperties === 'object') {
    const valueSchema = toSettingSchema(node.additionalProperties);
    out.properties = Object.fromEntries(names.enum.map((k) => [k, valueSchema]));
    out.additionalProperties = false;
  }
  return out;
}

/** Words under each value of a rule's dropdown. */
function ruleDropdownDescriptions(values, defaultSeverity) {
  const words = {
    default: `As claimlint.rules or .claimlintrc.yaml say; else the rule's default (${defaultSeverity}).`,
    off: 'Not reported.',
    info: 'Reported as information.',
    warning: 'Reported as a warning.',
    error: 'Reported as an error (the command line exits 1).',
  };
  return values.map((v) => {
    if (!words[v]) throw new Error(`no words for the rule dropdown value "${v}"`);
    return words[v];
  });
}

/**
 * claimlint.rule: one setting per rule id, `claimlint.rule.<id>`, a dropdown in the Settings
 * UI (VS Code nests dotted keys, so the server reads them back as `rule: { <id>: … }`).
 */
function perRuleSettings(prop, firstOrder) {
  const { defaultSeverities } = loadTs("export { ALL_RULES } from './src/core/rules';\nimport { ALL_RULES } from './src/core/rules';\nexport const defaultSeverities = Object.fromEntries(ALL_RULES.map((r) => [r.id, r.defaultSeverity]));");
  const out = {};
  Object.entries(prop.properties || {}).forEach(([id, rule], i) => {
    if (!rule.description) throw new Error(`claimlint.rule.${id} has no .describe() text`);
    out[`${SECTION}.rule.${id}`] = {
      type: 'string',
      enum: rule.enum,
      enumDescriptions: ruleDropdownDescriptions(rule.enum, defaultSeverities[id]),
      default: rule.default,
      description: rule.description,
      scope: 'resource',
      order: firstOrder + i,
    };
  });
  return out;
}

/** contributes.configuration for the settings JSON Schema. */
function configurationContribution(schema) {
  const properties = {};
  const keys = Object.keys(schema.properties || {});
  Object.entries(schema.properties || {}).forEach(([key, prop], order) => {
    if (key === 'rule') {
      // After every other setting, in the registry's order.
      Object.assign(properties, perRuleSettings(toSettingSchema(prop), keys.length));
      return;
    }
    const { description, ...rest } = toSettingSchema(prop);
    if (!description) throw new Error(`settings key "${key}" has no .describe() text`);
    properties[`${SECTION}.${key}`] = {
      type: rest.type,
      ...rest,
      description,
      // Every claimlint setting may differ per workspace folder; the server asks for
      // settings with the document's uri as scope.
      scope: 'resource',
      order,
    };
  });
  return { title: 'claimlint', properties };
}

/** package.json with contributes.configuration regenerated (key order of the rest kept). */
function withConfiguration(pkg, configuration) {
  const contributes = { ...(pkg.contributes || {}) };
  contributes.configuration = configuration;
  return { ...pkg, contributes };
}

function main() {
  const check = process.argv.includes('--check');
  const current = fs.readFileSync(PACKAGE_JSON, 'utf8');
  const next = toJsonText(withConfiguration(JSON.parse(current), configurationContribution(settingsJsonSchema())));
  if (current === next) {
    if (!check) console.log('package.json contributes.configuration is up to date');
    return;
  }
  if (check) {
    console.error('package.json contributes.configuration is out of date (run npm run gen)');
    process.exit(1);
  }
  fs.writeFileSync(PACKAGE_JSON, next);
  console.log('wrote package.json contributes.configuration');
}

if (require.main === module) main();

module.exports = { SECTION, settingsJsonSchema, toSettingSchema, configurationContribution, withConfiguration };
