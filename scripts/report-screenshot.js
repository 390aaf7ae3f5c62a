#!/usr/bin/env node
'use strict';
/**
 * media/report.png, the README's picture of the HTML audit report: builds, runs
 * `claimlint --format html` on examples/ (a fixed SOURCE_DATE_EPOCH, so the picture only
 * changes when the report does), opens it in headless Debian Chromium and captures the
 * summary, the charts and the first claims.
 *
 *   npm run screenshots:report
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '..');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js')], { stdio: 'inherit', cwd: ROOT });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-report-shot-'));
  try {
    const out = path.join(tmp, 'report.html');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'claimlint.js'), '--format', 'html', '-o', out, 'examples'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: require('./lib/picture-stamps').EPOCH },
    });
    if (r.status !== 0 && r.status !== 1) throw new Error(`claimlint exited ${r.status}: ${r.stderr}`);
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1500 }, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(out).href);
      await page.screenshot({ path: path.join(ROOT, 'media', 'report.png'), clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    } finally {
      await browser.close();
    }
    require('./lib/picture-stamps').writeStamp('report.png', 'npm run screenshots:report');
    console.log('media/report.png written (stamp in media/pictures.json)');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
