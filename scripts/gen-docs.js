#!/usr/bin/env node
// Writes docs/rules/<id>.md for every rule and the README's rules table, from the rule
// metadata and fixtures. test/unit/docs.test.ts fails when the committed files drift.
const esbuild = require('esbuild');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-docs-'));
try {
  const out = path.join(tmp, 'docs.js');
  esbuild.buildSync({ entryPoints: [path.join(root, 'test/support/ruleDocsFiles.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  const { expectedDocs, readmeRulesTable, README_MARKERS } = require(out);
  fs.mkdirSync(path.join(root, 'docs/rules'), { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'docs/rules'))) if (f.endsWith('.md')) fs.rmSync(path.join(root, 'docs/rules', f));
  for (const [file, text] of expectedDocs(root)) fs.writeFileSync(path.join(root, file), text);
  const readmePath = path.join(root, 'README.md');
  if (fs.existsSync(readmePath)) {
    const readme = fs.readFileSync(readmePath, 'utf8');
    const [start, end] = README_MARKERS;
    const a = readme.indexOf(start);
    const b = readme.indexOf(end);
    if (a >= 0 && b > a) fs.writeFileSync(readmePath, readme.slice(0, a + start.length) + '\n' + readmeRulesTable(root) + '\n' + readme.slice(b));
  }
  console.log('docs/rules written');
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
