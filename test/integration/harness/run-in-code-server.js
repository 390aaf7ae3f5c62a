#!/usr/bin/env node
'use strict';
/**
 * Runs an ordinary VS Code extension-test module (the `extensionTestsPath`
 * whose run() returns a Promise) inside a real VS Code: code-server's server
 * and extension host, with its web workbench loaded by headless Chromium.
 *
 *   const { runTests } = require('./run-in-code-server');
 *   const code = await runTests({ extensionDevelopmentPath, extensionTestsPath, workspaceFolder });
 *
 *   node test/integration/harness/run-in-code-server.js \
 *     --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--folder=DIR] \
 *     [--install-extension=X.vsix ...] [--timeout=MS] [--settings=FILE.json]
 *
 * Exit code: the suite's (0 passed, 1 failed), 124 on the overall timeout,
 * 2 when the harness itself could not run the suite.
 * Needs the runtime from scripts/vscode-runtime/install.sh.
 * CLAIMLINT_HARNESS_VERBOSE=1 also prints code-server and browser output.
 */
const fs = require('node:fs');
const path = require('node:path');
const { locateRuntime } = require('./runtime');
const { makeProfile, writeUserSettings, seedExtensions, removeProfile } = require('./profile');
const { serverEnv, installExtensions, startCodeServer } = require('./code-server');
const { launchBrowser, openWorkbench } = require('./workbench');
const { freePort, killProcessGroup } = require('./processes');

const EXIT_TIMEOUT = 124;
const EXIT_HARNESS_ERROR = 2;
const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/** Cleanups of runs in progress, for the signal / exit handlers below. */
const active = new Set();

/** vscode-remote URI for a path on the server, as the workbench's payload expects. */
function remoteUri(authority, absPath) {
  const p = path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${authority}${p}`;
}

function workbenchUrl(port, { folder, extensionDevelopmentPaths, extensionTestsPath }) {
  const authority = `127.0.0.1:${port}`;
  const payload = [
    ...extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remoteUri(authority, p)]),
    ['extensionTestsPath', remoteUri(authority, extensionTestsPath)],
  ];
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  else query.push('ew=true'); // empty window instead of "last opened"
  query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://${authority}/?${query.join('&')}`;
}

class HarnessTimeout extends Error {}

function untilDeadline(promise, deadline, what) {
  const ms = Math.max(0, deadline - Date.now());
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new HarnessTimeout(what)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * @param {object} options
 * @param {string|string[]} [options.extensionDevelopmentPath] folder(s) of the extension(s) under development.
 *   With extensionsToInstall and no dev path, a dummy one is used so the
 *   installed (packaged) extensions run as ordinary, production-mode extensions.
 * @param {string} options.extensionTestsPath module exporting run(): Promise<void>
 * @param {string} [options.workspaceFolder] folder to open
 * @param {object} [options.userSettings] merged over the quiet defaults (settings.js)
 * @param {string[]} [options.extensionsToInstall] .vsix files installed first with --install-extension
 * @param {string} [options.seedExtensionsDir] an extensions dir whose extensions are copied into the run's own
 * @param {Record<string,string>} [options.extensionTestsEnv] extra env for server + extension host
 * @param {number} [options.timeoutMs] overall deadline (default 5 min)
 * @param {(page: import('playwright-core').Page) => Promise<void>} [options.screenshot]
 *   called with the workbench page once it is loaded, while the tests run; awaited before teardown
 * @param {(line: string) => void} [options.log] where suite output goes (default stdout)
 * @param {boolean} [options.verbose]
 * @returns {Promise<number>} exit code
 */
async function runTests(options) {
  const started = Date.now();
  const timeoutMs = options.timeoutMs || DEFAULT_TIMEOUT_MS;
  const deadline = started + timeoutMs;
  const verbose = options.verbose ?? process.env.CLAIMLINT_HARNESS_VERBOSE === '1';
  const out = options.log || ((line) => process.stdout.write(line + '\n'));
  const say = (msg) => process.stderr.write(`[harness] ${msg}\n`);
  const debug = verbose ? (msg) => say(msg) : () => {};

  let dirs, server, browser;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    active.delete(cleanupRecord);
    if (browser) await browser.close().catch((e) => debug(`browser.close: ${e.message}`));
    if (server) await killProcessGroup(server.pgid);
    if (dirs) removeProfile(dirs);
  };
  // Synchronous last resort if the process exits mid-run (see installExitHooks).
  const cleanupRecord = {
    cleanup,
    sync: () => {
      if (server) try { process.kill(-server.pgid, 'SIGKILL'); } catch { /* gone */ }
      if (dirs) fs.rmSync(dirs.root, { recursive: true, force: true });
    },
  };
  active.add(cleanupRecord);

  try {
    const extensionTestsPath = required(options.extensionTestsPath, 'extensionTestsPath');
    const runtime = locateRuntime();
    dirs = makeProfile();
    debug(`temp root ${dirs.root}`);
    writeUserSettings(dirs, options.userSettings);
    const env = serverEnv(dirs, options.extensionTestsEnv);

    if (options.seedExtensionsDir) {
      const copied = seedExtensions(dirs, options.seedExtensionsDir);
      if (copied.length) say(`using extensions from ${options.seedExtensionsDir}: ${copied.join(', ')}`);
    }
    let devPaths = [].concat(options.extensionDevelopmentPath || []).map((p) => path.resolve(p));
    const vsix = options.extensionsToInstall || [];
    if (vsix.length) {
      const t = Date.now();
      const installed = await untilDeadline(
        installExtensions(runtime, dirs, vsix, { env, verbose }),
        deadline,
        'installing extensions',
      );
      say(`installed ${installed.map((p) => path.basename(p)).join(', ')} in ${Date.now() - t} ms`);
    }
    if (!devPaths.length) {
      // VS Code only runs extensionTestsPath in an extension-development
      // window ("Cannot load test runner" otherwise). An empty folder is
      // accepted as the development "extension" and contributes nothing.
      const dummy = path.join(dirs.root, 'no-dev-extension');
      fs.mkdirSync(dummy);
      devPaths = [dummy];
    }

    const port = await freePort();
    server = await untilDeadline(
      startCodeServer(runtime, dirs, port, {
        env,
        verbose,
        healthTimeoutMs: Math.min(30000, Math.max(1000, deadline - Date.now())),
      }),
      deadline,
      'starting code-server',
    );
    debug(`code-server up on 127.0.0.1:${port} after ${Date.now() - started} ms (pgid ${server.pgid})`);
    const serverDied = server.exited.then(({ code, signal }) => {
      throw new Error(`code-server exited (${code ?? signal}) before the tests finished:\n${server.tail}`);
    });
    serverDied.catch(() => {}); // only observed through the race below

    browser = await untilDeadline(launchBrowser(runtime.chromium, dirs.tmp), deadline, 'launching Chromium');
    const url = workbenchUrl(port, {
      folder: options.workspaceFolder,
      extensionDevelopmentPaths: devPaths,
      extensionTestsPath: path.resolve(extensionTestsPath),
    });
    const wb = await untilDeadline(
      openWorkbench({ browser, url, onLog: (level, msg) => out(msg), screenshot: options.screenshot, debug }),
      deadline,
      'loading the workbench',
    );
    const code = await untilDeadline(Promise.race([wb.exitCode, serverDied]), deadline, 'waiting for the tests');
    await untilDeadline(wb.screenshotDone, deadline, 'the screenshot callback');
    say(`extension tests exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } catch (e) {
    if (e instanceof HarnessTimeout) {
      say(`TIMEOUT: overall limit of ${timeoutMs} ms reached while ${e.message}; the suite never reported an exit code.`);
      if (server) say(`code-server output (tail):\n${server.tail}`);
      return EXIT_TIMEOUT;
    }
    say(`ERROR: ${e.stack || e.message}`);
    return EXIT_HARNESS_ERROR;
  } finally {
    await cleanup();
  }
}

function required(value, name) {
  if (!value) throw new Error(`${name} is required`);
  return value;
}

let hooksInstalled = false;
/** For CLI use: Ctrl-C / SIGTERM / unexpected exit still tear everything down. */
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, async () => {
      process.stderr.write(`[harness] ${sig}: cleaning up\n`);
      await Promise.allSettled([...active].map((r) => r.cleanup()));
      process.exit(code);
    });
  }
  process.on('exit', () => [...active].forEach((r) => r.sync()));
}

/**
 * `--key=value`, `--key value` (only for keys in `valueKeys`), boolean
 * `--flag`; repeated keys collect into arrays; positional args under `_`.
 */
function parseArgs(argv, valueKeys = []) {
  const args = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      args._.push(a);
      continue;
    }
    let [key, value] = a.slice(2).split(/=(.*)/s);
    if (value === undefined) value = valueKeys.includes(key) && i + 1 < argv.length ? argv[++i] : 'true';
    (args[key] = args[key] || []).push(value);
  }
  return args;
}

async function main(argv) {
  const a = parseArgs(argv, ['extensionDevelopmentPath', 'extensionTestsPath', 'folder', 'install-extension', 'timeout', 'settings']);
  const last = (k) => (a[k] ? a[k][a[k].length - 1] : undefined);
  installExitHooks();
  return runTests({
    extensionDevelopmentPath: a.extensionDevelopmentPath,
    extensionTestsPath: last('extensionTestsPath'),
    workspaceFolder: last('folder') || a._[0],
    extensionsToInstall: a['install-extension'],
    userSettings: last('settings') ? JSON.parse(fs.readFileSync(last('settings'), 'utf8')) : undefined,
    timeoutMs: last('timeout') ? Number(last('timeout')) : undefined,
  });
}

module.exports = { runTests, parseArgs, installExitHooks, workbenchUrl, EXIT_TIMEOUT, EXIT_HARNESS_ERROR };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`[harness] ${e.stack || e}\n`);
      process.exit(EXIT_HARNESS_ERROR);
    },
  );
}
