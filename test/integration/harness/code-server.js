'use strict';
// Starting, feeding and stopping a code-server (VS Code server + web workbench)
// that lives entirely in throwaway directories.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { TailBuffer, killProcessGroup, waitForHttpOk } = require('./processes');

/**
 * Environment for every code-server process. TMPDIR and XDG_RUNTIME_DIR keep
 * the server's temp files and its vscode-ipc-*.sock sockets (VS Code puts them
 * in XDG_RUNTIME_DIR when set, else TMPDIR) inside our own dir; the other XDG
 * dirs stop code-server writing ~/.config/code-server and
 * ~/.local/share/code-server/coder-logs into the real home.
 */
function serverEnv(dirs, extraEnv) {
  const env = { ...process.env, ...(extraEnv || {}) };
  // Variables a parent VS Code sets: they would make the server believe it is
  // part of another VS Code instance.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$)/.test(k) && !(extraEnv && k in extraEnv)) delete env[k];
  }
  Object.assign(env, {
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs.xdg,
    XDG_DATA_HOME: dirs.xdg,
    XDG_CACHE_HOME: dirs.xdg,
    XDG_STATE_HOME: dirs.xdg,
    XDG_RUNTIME_DIR: dirs.xdg,
    // No extension gallery: code-server falls back to open-vsx.org, which the
    // workbench would query (and fail to reach) for update checks.
    EXTENSIONS_GALLERY: '{}',
  });
  return env;
}

/** Arguments shared by every code-server invocation (install and serve). */
function profileArgs(dirs) {
  return ['--config', dirs.configFile, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/**
 * Spawns code-server in its own process group (detached => setsid), so the
 * whole tree (server, extension host, pty host, file watcher…) can be ended
 * with one kill(-pgid).
 */
function spawnCodeServer(runtime, args, env, { verbose, label }) {
  const child = spawn(runtime.node, [runtime.codeServer, ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const tail = new TailBuffer();
  const onData = (chunk) => {
    tail.push(chunk);
    if (verbose) process.stderr.write(String(chunk).replace(/^(?=.)/gm, `[${label}] `));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) => {
    child.on('error', (err) => {
      tail.push(`spawn error: ${err.message}`);
      resolve({ code: null, signal: null, error: err });
    });
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  let dead = false;
  exited.then(() => (dead = true));
  return { child, pgid: child.pid, tail, exited, isDead: () => dead };
}

/**
 * Installs .vsix files into the throwaway extensions dir with code-server's
 * own `--install-extension` (same code path as VS Code's CLI).
 * @returns {Promise<string[]>} folders of the extensions now in the extensions dir
 */
async function installExtensions(runtime, dirs, vsixPaths, { env, verbose, timeoutMs = 120000, onSpawn = () => {} }) {
  const args = [...profileArgs(dirs)];
  for (const vsix of vsixPaths) args.push('--install-extension', path.resolve(vsix));
  const proc = spawnCodeServer(runtime, args, env, { verbose, label: 'install-extension' });
  onSpawn(proc);
  const timer = setTimeout(() => killProcessGroup(proc.pgid, 0), timeoutMs);
  const { code, signal } = await proc.exited;
  clearTimeout(timer);
  await killProcessGroup(proc.pgid); // nothing should remain, but be sure
  if (code !== 0) {
    throw new Error(`installing ${vsixPaths.join(', ')} failed (exit ${code ?? signal}):\n${proc.tail}`);
  }
  return installedExtensionFolders(dirs.extensions);
}

function installedExtensionFolders(extensionsDir) {
  return fs
    .readdirSync(extensionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(extensionsDir, d.name, 'package.json')))
    .map((d) => path.join(extensionsDir, d.name));
}

/**
 * Spawns the server on 127.0.0.1:port. Returns at once (so the caller can
 * track the process group before anything else can fail); then await
 * waitUntilHealthy().
 */
function launchCodeServer(runtime, dirs, port, { env, verbose }) {
  const args = [
    ...profileArgs(dirs),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    // Without this the released workbench ignores the test payload in the URL.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  return spawnCodeServer(runtime, args, env, { verbose, label: 'code-server' });
}

/** Resolves once /healthz answers; rejects (with the server's output) if it dies or the time runs out. */
async function waitUntilHealthy(server, port, timeoutMs) {
  try {
    await waitForHttpOk(`http://127.0.0.1:${port}/healthz`, { timeoutMs, isDead: server.isDead, what: 'code-server' });
  } catch (e) {
    e.message += `\n--- code-server output (tail) ---\n${server.tail}`;
    throw e;
  }
}

module.exports = { serverEnv, installExtensions, launchCodeServer, waitUntilHealthy, installedExtensionFolders };
