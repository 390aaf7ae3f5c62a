// Loads TypeScript modules of this repository without a prior build: esbuild bundles a
// small entry (TypeScript source re-exporting what the caller needs) into a throwaway
// folder under the OS temp dir, the bundle is required, and the folder is removed.
// Every dependency (zod, yaml) is bundled, so the exports share one zod instance.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');

/**
 * @param {string} source TypeScript entry, e.g. "export { settingsSchema } from './src/core/config/settings';"
 *   (paths relative to the repository root)
 * @returns {Record<string, any>} the entry's exports
 */
function loadTs(source) {
  const esbuild = require('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-gen-'));
  try {
    const outfile = path.join(dir, 'entry.js');
    esbuild.buildSync({
      stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'gen-entry.ts' },
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      outfile,
      logLevel: 'error',
    });
    const resolved = require.resolve(outfile);
    try {
      return require(resolved);
    } finally {
      delete require.cache[resolved];
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Stable 2-space JSON with a final newline (the format of every generated file). */
function toJsonText(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

module.exports = { ROOT, loadTs, toJsonText };
