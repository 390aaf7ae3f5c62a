'use strict';
// The throwaway "profile" of one run: user-data-dir, extensions-dir, TMPDIR,
// XDG dirs and code-server's config file, all under one root removed at the end.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildUserSettings } = require('./settings');

/**
 * @param {{extensionsDir?: string}} [o] use an existing extensions dir instead
 *   of a throwaway one (for `code-cli.js --install-extension --extensions-dir`)
 */
function makeProfile(o = {}) {
  const base = process.env.CLAIMLINT_HARNESS_TMP || os.tmpdir();
  // Short root: Unix socket paths (vscode-ipc-*.sock under TMPDIR) are capped at 107 bytes.
  const root = fs.mkdtempSync(path.join(base, 'clvs-'));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: o.extensionsDir ? path.resolve(o.extensionsDir) : path.join(root, 'extensions'),
    tmp: path.join(root, 'tmp'),
    xdg: path.join(root, 'xdg'),
    configFile: path.join(root, 'config.yaml'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.tmp, dirs.xdg]) fs.mkdirSync(d, { recursive: true });
  // code-server insists on a config file; without one it writes a default
  // (with a generated password) into ~/.config/code-server.
  fs.writeFileSync(dirs.configFile, 'auth: none\ncert: false\n');
  return dirs;
}

function writeUserSettings(dirs, overrides) {
  const userDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(buildUserSettings(overrides), null, 2));
}

/** Copies already-installed extensions (e.g. a --extensions-dir prepared by the caller) into the run's own dir. */
function seedExtensions(dirs, fromDir) {
  if (!fromDir || !fs.existsSync(fromDir)) return [];
  const copied = [];
  for (const entry of fs.readdirSync(fromDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !fs.existsSync(path.join(fromDir, entry.name, 'package.json'))) continue;
    fs.cpSync(path.join(fromDir, entry.name), path.join(dirs.extensions, entry.name), { recursive: true });
    copied.push(entry.name);
  }
  return copied;
}

function removeProfile(dirs) {
  fs.rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
}

module.exports = { makeProfile, writeUserSettings, seedExtensions, removeProfile };
