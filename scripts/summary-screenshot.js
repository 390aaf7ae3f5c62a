#!/usr/bin/env node
'use strict';
/**
 * media/audit-summary.png, the README's picture of the Audit Summary view: runs the
 * end-to-end test that measures the view in the real workbench at 1280×800 and 1920×1080
 * (test/integration/suite/auditSummary.test.js, "fits the window"; it fails when the
 * Findings column is cut or chart text is under 11 px), then keeps its 1280×800 picture
 * of the claims table and stamps it (media/pictures.json).
 *
 *   npm run screenshots:summary
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-summary-shots-'));
try {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'test', 'integration', 'run.js'), '--grep=fits the window'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CLAIMLINT_E2E_SHOTS_DIR: shots },
  });
  if (r.status !== 0) throw new Error(`the Audit Summary test failed (exit ${r.status}): no picture written`);
  fs.copyFileSync(path.join(shots, 'audit-summary-1280x800-claims.png'), path.join(ROOT, 'media', 'audit-summary.png'));
  require('./lib/picture-stamps').writeStamp('audit-summary.png', 'npm run screenshots:summary');
  console.log('media/audit-summary.png written (stamp in media/pictures.json)');
} finally {
  fs.rmSync(shots, { recursive: true, force: true });
}
