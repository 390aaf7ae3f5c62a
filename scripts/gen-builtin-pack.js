#!/usr/bin/env node
// `npm run data:builtin`: regenerates the built-in data pack (src/core/data/builtin) from the
// source tables in data/source with the same importer as `claimlint data import`
// (src/datapacks/build/builtin.ts), and lists in its manifest the tables derived from CMS's own
// files that tools/cmsdata/generate.js wrote (cms-tables.json names them). Files of the pack
// folder that neither makes are removed. test/unit/builtinPack.test.ts checks that running
// this changes nothing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { ROOT, loadTs } = require('./lib/load-ts');

const { buildBuiltinPack, parseCmsFragment, CMS_FRAGMENT, BUILTIN_SOURCE_DIR, BUILTIN_PACK_DIR } = loadTs("export * from './src/datapacks/build/builtin';");

/** Regenerates the pack folder; returns the number of files changed. */
function regenerate() {
  const srcDir = path.join(ROOT, BUILTIN_SOURCE_DIR);
  const outDir = path.join(ROOT, BUILTIN_PACK_DIR);
  const sources = fs
    .readdirSync(srcDir)
    .filter((f) => /\.(txt|csv|xlsx)$/i.test(f))
    .map((f) => ({ name: `${BUILTIN_SOURCE_DIR}/${f}`, bytes: new Uint8Array(fs.readFileSync(path.join(srcDir, f))) }));
  const sha256 = (d) => createHash('sha256').update(d).digest('hex');
  const fragmentPath = path.join(outDir, CMS_FRAGMENT);
  const cmsTables = parseCmsFragment(fs.existsSync(fragmentPath) ? fs.readFileSync(fragmentPath, 'utf8') : undefined);
  const files = buildBuiltinPack(sources, sha256, cmsTables);
  const keep = new Set([...files.keys(), CMS_FRAGMENT, ...cmsTables.map((t) => t.file)]);
  fs.mkdirSync(outDir, { recursive: true });
  let changed = 0;
  for (const f of fs.readdirSync(outDir)) {
    if (!keep.has(f)) {
      fs.rmSync(path.join(outDir, f));
      changed++;
      console.log(`removed ${BUILTIN_PACK_DIR}/${f}`);
    }
  }
  for (const [f, text] of files) {
    const p = path.join(outDir, f);
    if (fs.existsSync(p) && fs.readFileSync(p, 'utf8') === text) continue;
    fs.writeFileSync(p, text);
    changed++;
    console.log(`wrote ${BUILTIN_PACK_DIR}/${f} (${Buffer.byteLength(text)} bytes)`);
  }
  console.log(`data:builtin: ${sources.length} source tables, ${cmsTables.length} tables from CMS's files, ${files.size} pack files written, ${changed ? `${changed} changed` : 'nothing changed'}`);
  return changed;
}

module.exports = { regenerate };

if (require.main === module) {
  try {
    regenerate();
  } catch (err) {
    console.error(`data:builtin: ${err.message}`);
    process.exit(1);
  }
}
