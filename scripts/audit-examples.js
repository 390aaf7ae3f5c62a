#!/usr/bin/env node
// `npm run audit:examples`: builds, then audits examples/. Findings in the examples are
// expected (one file is full of mistakes), so exit 1 ("errors found") counts as success
// here; a crash or a usage error (exit 2) still fails.
const { execFileSync, spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { stdio: 'inherit', cwd: root });
const r = spawnSync(process.execPath, [path.join(root, 'bin/claimlint.js'), 'examples', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status === 0 || r.status === 1 ? 0 : r.status ?? 1);
