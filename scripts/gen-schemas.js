#!/usr/bin/env node
// Writes the JSON Schemas that editors use for completion and validation:
//   schema/claim.schema.json        from claimFileJsonSchema()   (src/core/model/claim.ts)
//   schema/claimlintrc.schema.json  from configSchema (zod)      (src/core/config/schema.ts)
// package.json points yamlValidation/jsonValidation at them; both files are committed and
// test/unit/manifest.test.ts fails when they drift. `--check` reports drift, writes nothing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, loadTs, toJsonText } = require('./lib/load-ts');

const SCHEMA_DIR = path.join(ROOT, 'schema');

/** @returns {Record<string, object>} file name (under schema/) -> JSON Schema */
function generateSchemas() {
  const { z, configSchema, claimFileJsonSchema, rulesJsonSchema } = loadTs(
    [
      "export { z } from 'zod';",
      "export { configSchema } from './src/core/config/schema';",
      "export { rulesJsonSchema } from './src/core/config/ruleSettings';",
      "export { claimFileJsonSchema } from './src/core/model/claim';",
    ].join('\n'),
  );
  const rc = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-7' });
  // rules: one property per rule id (severity, or { severity, options } with the rule's options).
  rc.properties.rules = { ...rulesJsonSchema(), description: rc.properties.rules.description };
  const { $schema, ...rest } = rc;
  return {
    'claim.schema.json': claimFileJsonSchema(),
    'claimlintrc.schema.json': {
      $schema,
      $id: 'https://claimlint.dev/schema/claimlintrc.schema.json',
      title: 'claimlint configuration (.claimlintrc.yaml, .claimlintrc.yml, .claimlintrc.json)',
      description: 'Found by walking up from each claim file; the nearest file wins. Editor settings (claimlint.*) are applied over it.',
      ...rest,
    },
  };
}

function main() {
  const check = process.argv.includes('--check');
  const drifted = [];
  for (const [name, schema] of Object.entries(generateSchemas())) {
    const file = path.join(SCHEMA_DIR, name);
    const text = toJsonText(schema);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === text) continue;
    drifted.push(`schema/${name}`);
    if (!check) {
      fs.mkdirSync(SCHEMA_DIR, { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  if (check && drifted.length) {
    console.error(`out of date (run npm run gen): ${drifted.join(', ')}`);
    process.exit(1);
  }
  if (!check) console.log(drifted.length ? `wrote ${drifted.join(', ')}` : 'schema/ is up to date');
}

if (require.main === module) main();

module.exports = { generateSchemas, SCHEMA_DIR };
