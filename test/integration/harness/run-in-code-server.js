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
 * 2 when the harness itself could not run the suite, 130/143 when interrupted.
 * Needs the runtime from scripts/vscode-runtime/install.sh.
 * CLAIMLINT_HARNESS_VERBOSE=1 also prints code-server and browser output.
 */
const fs = require('node:fs');
const path = require('node:path');
const { locateRuntime } = require('./runtime');
const { makeProfile, writeUserSettings, seedExtensions, removeProfile } = require('./profile');
const { serverEnv, installExtensions, launchCodeServer, waitUntilHealthy } = require('./code-server');
const { launchBrowser, openWorkbench } = require('./workbench');
const { freePort, killProcessGroup } = require('./processes');
const { createLogRelay } = require('./log-relay');

const EXIT_TIMEOUT = 124;
const EXIT_HARNESS_ERROR = 2;
const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

class HarnessTimeout extends Error {}
class Interrupted extends Error {}

/** Runs in progress, for the signal and exit handlers (installExitHooks). */
const activeRuns = new Set();
let interruptedBy = null;

/**
 * Everything one run starts, so that teardown finds it whatever stage the run
 * reached, and so that something finishing *after* teardown began (a browser
 * launch that outlived a timeout) is torn down too.
 */
class RunResources {
  constructor(debug) {
    this.debug = debug;
    this.dirs = null;
    this.groups = new Set(); // process-group ids (code-server and its installs)
    this.browser = null;
    this.closing = null; // the teardown promise, once started
    activeRuns.add(this);
  }
  get closed() {
    return this.closing !== null;
  }
  trackGroup(proc) {
    this.groups.add(proc.pgid);
    if (this.closed) killProcessGroup(proc.pgid);
  }
  trackBrowser(browser) {
    if (this.closed) browser.close().catch(() => {});
    else this.browser = browser;
    return browser;
  }
  /** Idempotent: every caller waits for the same teardown. */
  close() {
    this.closing ??= (async () => {
      if (this.browser) await this.browser.close().catch((e) => this.debug(`browser.close: ${e.message}`));
      await Promise.all([...this.groups].map((g) => killProcessGroup(g)));
      if (this.dirs) removeProfile(this.dirs);
      this.debug('torn down: browser closed, process groups ended, temp dirs removed');
      activeRuns.delete(this);
    })();
    return this.closing;
  }
  /** Last resort from process.on('exit'): synchronous only. */
  closeSync() {
    for (const g of this.groups) {
      try {
        process.kill(-g, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    if (this.dirs) fs.rmSync(this.dirs.root, { recursive: true, force: true });
  }
}

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

function untilDeadline(promise, deadline, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new HarnessTimeout(what)), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * @param {object} options
 * @param {string|string[]} [options.extensionDevelopmentPath] folder(s) of the extension(s) under development.
 *   Without one, an empty folder is used: VS Code runs extensionTestsPath only
 *   in an extension-development window, and installed (packaged) extensions
 *   then run as ordinary production-mode extensions.
 * @param {string} options.extensionTestsPath module exporting run(): Promise<void>
 * @param {string} [options.workspaceFolder] folder to open (default: empty window)
 * @param {object} [options.userSettings] merged over the quiet defaults (settings.js)
 * @param {string[]} [options.extensionsToInstall] .vsix files installed first with --install-extension
 * @param {string} [options.seedExtensionsDir] an extensions dir whose extensions are copied into the run's own
 * @param {Record<string,string>} [options.extensionTestsEnv] extra env for the server and extension host
 * @param {number} [options.timeoutMs] overall deadline (default 5 min)
 * @param {(page: import('playwright-core').Page) => Promise<void>} [options.screenshot]
 *   called with the workbench page once it has loaded, while the tests run; awaited before teardown
 * @param {(line: string) => void} [options.log] where suite output goes (default stdout)
 * @param {boolean} [options.verbose]
 * @returns {Promise<number>} exit code
 */
async function runTests(options) {
  installExitHooks();
  const started = Date.now();
  const timeoutMs = options.timeoutMs || DEFAULT_TIMEOUT_MS;
  const deadline = started + timeoutMs;
  const verbose = options.verbose ?? process.env.CLAIMLINT_HARNESS_VERBOSE === '1';
  const out = options.log || ((line) => process.stdout.write(line + '\n'));
  const say = (msg) => process.stderr.write(`[harness] ${msg}\n`);
  const debug = verbose ? (msg) => say(`+${((Date.now() - started) / 1000).toFixed(1)}s ${msg}`) : () => {};
  const res = new RunResources(debug);
  const step = (promise, what) => {
    if (res.closed) throw new Interrupted(what);
    return untilDeadline(promise, deadline, what);
  };

  try {
    if (!options.extensionTestsPath) throw new Error('extensionTestsPath is required');
    const runtime = locateRuntime();
    const dirs = (res.dirs = makeProfile());
    debug(`temp root ${dirs.root}`);
    writeUserSettings(dirs, options.userSettings);
    const env = serverEnv(dirs, options.extensionTestsEnv);

    if (options.seedExtensionsDir) {
      const copied = seedExtensions(dirs, options.seedExtensionsDir);
      if (copied.length) say(`using extensions from ${options.seedExtensionsDir}: ${copied.join(', ')}`);
    }
    const vsix = options.extensionsToInstall || [];
    if (vsix.length) {
      const t = Date.now();
      const installed = await step(
        installExtensions(runtime, dirs, vsix, { env, verbose, onSpawn: (p) => res.trackGroup(p) }),
        'installing extensions',
      );
      say(`installed ${installed.map((p) => path.basename(p)).join(', ')} in ${Date.now() - t} ms`);
    }
    let devPaths = [].concat(options.extensionDevelopmentPath || []).map((p) => path.resolve(p));
    if (!devPaths.length) {
      devPaths = [path.join(dirs.root, 'no-dev-extension')];
      fs.mkdirSync(devPaths[0]);
    }

    const port = await freePort();
    const server = launchCodeServer(runtime, dirs, port, { env, verbose });
    res.trackGroup(server);
    await step(waitUntilHealthy(server, port, Math.min(30000, Math.max(1000, deadline - Date.now()))), 'starting code-server');
    debug(`code-server up on 127.0.0.1:${port} (pgid ${server.pgid})`);
    const serverDied = server.exited.then(({ code, signal }) => {
      throw new Error(`code-server exited (${code ?? signal}) before the tests finished:\n${server.tail}`);
    });
    serverDied.catch(() => {}); // observed through the race below

    const browser = await step(launchBrowser(runtime.chromium, dirs.tmp).then((b) => res.trackBrowser(b)), 'launching Chromium');
    debug(`Chromium ${browser.version()} launched`);
    const url = workbenchUrl(port, {
      folder: options.workspaceFolder,
      extensionDevelopmentPaths: devPaths,
      extensionTestsPath: path.resolve(options.extensionTestsPath),
    });
    const wb = await step(
      openWorkbench({ browser, url, onLog: createLogRelay({ out, verbose }), screenshot: options.screenshot, debug }),
      'loading the workbench',
    );
    debug(`workbench loaded: ${url}`);
    const code = await step(Promise.race([wb.exitCode, serverDied]), 'waiting for the tests');
    await step(wb.screenshotDone, 'running the screenshot callback');
    say(`extension tests exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } catch (e) {
    if (interruptedBy || e instanceof Interrupted) {
      say(`interrupted${interruptedBy ? ` by ${interruptedBy}` : ''}`);
      return EXIT_HARNESS_ERROR;
    }
    if (e instanceof HarnessTimeout) {
      say(`TIMEOUT: the overall limit of ${timeoutMs} ms was reached while ${e.message}; the suite never reported an exit code.`);
      return EXIT_TIMEOUT;
    }
    say(`ERROR: ${e.stack || e.message}`);
    return EXIT_HARNESS_ERROR;
  } finally {
    await res.close();
  }
}

let hooksInstalled = false;
/**
 * Ctrl-C / SIGTERM / SIGHUP tear down every run in progress, then exit
 * 130/143/129; a plain process exit mid-run still kills the server group.
 * (Chromium is Playwright's: it kills it on exit itself.)
 */
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, async () => {
      if (interruptedBy) return; // teardown already under way
      interruptedBy = sig;
      process.stderr.write(`[harness] ${sig}: cleaning up\n`);
      await Promise.allSettled([...activeRuns].map((r) => r.close()));
      process.exit(code);
    });
  }
  process.on('exit', () => [...activeRuns].forEach((r) => r.closeSync()));
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
