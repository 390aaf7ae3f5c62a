#!/usr/bin/env node
// Build-time, not shipped: derives the built-in fee, conversion-factor and GPCI tables from
// CMS's own files, read in place from the shared folder beside the project (CLAIMLINT_SHARED,
// else ../shared, else /work/shared; see tools/cmsdata/derive.ts), writes them with their
// manifest fragment (cms-tables.json) into src/core/data/builtin, then regenerates the
// built-in pack's manifest and index (npm run data:builtin). Nothing from CMS's files but the
// derived figures and each file's name, release and sha256 is written.
// test/unit/cmsData.test.ts checks that running this changes nothing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { ROOT, loadTs } = require('../../scripts/lib/load-ts');

function sharedDir() {
  for (const base of [process.env.CLAIMLINT_SHARED, path.resolve(ROOT, '..', 'shared'), '/work/shared']) {
    if (base && fs.existsSync(path.join(base, 'cms'))) return base;
  }
  return undefined;
}

const shared = sharedDir();
if (!shared) {
  console.error('cmsdata: CMS\'s files were not found (set CLAIMLINT_SHARED to the folder holding cms/ and real-inputs/cms/)');
  process.exit(1);
}
const { deriveCmsTables, fragmentText, CMS_FRAGMENT } = loadTs("export * from './tools/cmsdata/derive';");
const { BUILTIN_PACK_DIR } = loadTs("export { BUILTIN_PACK_DIR } from './src/datapacks/build/builtin';");
const sha256 = (d) => createHash('sha256').update(d).digest('hex');
let derived;
try {
  derived = deriveCmsTables((p) => new Uint8Array(fs.readFileSync(path.join(shared, p))), sha256);
} catch (err) {
  console.error(`cmsdata: ${err.message}`);
  process.exit(1);
}
const outDir = path.join(ROOT, BUILTIN_PACK_DIR);
const fragmentPath = path.join(outDir, CMS_FRAGMENT);
// Tables an earlier run wrote that this one does not: removed by data:builtin once the fragment no longer names them.
const write = (file, text) => {
  const p = path.join(outDir, file);
  if (fs.existsSync(p) && fs.readFileSync(p, 'utf8') === text) return 0;
  fs.writeFileSync(p, text);
  console.log(`wrote ${BUILTIN_PACK_DIR}/${file} (${Buffer.byteLength(text)} bytes)`);
  return 1;
};
let changed = 0;
for (const [file, text] of derived.files) changed += write(file, text);
changed += write(CMS_FRAGMENT, fragmentText(derived.tables));
console.log(`cmsdata: ${derived.tables.length} tables from CMS's files in ${shared}, ${changed ? `${changed} changed` : 'nothing changed'}`);
void fragmentPath;
require('../../scripts/gen-builtin-pack').regenerate();
