'use strict';
/**
 * Freshness stamps of the README's pictures of the audit report (media/pictures.json): each
 * picture records the sha256 of the HTML report of examples/ it was taken from (the CLI's
 * `--format html`, at a fixed SOURCE_DATE_EPOCH, so the bytes only change when the report
 * does). The scripts that retake a picture write its stamp; the README freshness test
 * (test/cli/readmeFreshness.test.ts) recomputes the hash and fails on a stale picture.
 */
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const STAMPS = path.join(ROOT, 'media', 'pictures.json');
const EPOCH = '1790000000';

/** The HTML report of examples/ as the pictures show it (needs a build: dist/cli.js). */
function reportHtml(root = ROOT) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-stamp-'));
  try {
    const out = path.join(tmp, 'report.html');
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'claimlint.js'), '--format', 'html', '-o', out, 'examples'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
    });
    if (r.status !== 0 && r.status !== 1) throw new Error(`claimlint exited ${r.status}: ${r.stderr}`);
    return fs.readFileSync(out, 'utf8');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function reportStamp(root = ROOT) {
  return crypto.createHash('sha256').update(reportHtml(root)).digest('hex');
}

function readStamps() {
  return fs.existsSync(STAMPS) ? JSON.parse(fs.readFileSync(STAMPS, 'utf8')) : {};
}

/** Records that media/<picture> was just taken from the current report. */
function writeStamp(picture, how) {
  const stamps = readStamps();
  stamps[picture] = { reportSha256: reportStamp(), retake: how };
  const sorted = Object.fromEntries(Object.keys(stamps).sort().map((k) => [k, stamps[k]]));
  fs.writeFileSync(STAMPS, JSON.stringify(sorted, null, 2) + '\n');
}

module.exports = { EPOCH, STAMPS, reportHtml, reportStamp, readStamps, writeStamp };
