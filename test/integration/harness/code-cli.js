#!/usr/bin/env node
'use strict';
/**
 * A stand-in for the `code` executable, for runners that launch VS Code with
 * its command-line arguments, e.g. @vscode/test-electron:
 *
 *   runTests({ vscodeExecutablePath: '<repo>/test/integration/harness/code-cli.js',
 *              extensionDevelopmentPath, extensionTestsPath, launchArgs: [folder] })
 *
 * It runs the same extension tests through code-server (run-in-code-server.js)
 * and exits with the suite's code. Understood:
 *   --extensionDevelopmentPath=P (repeatable), --extensionTestsPath=P,
 *   first positional argument = folder to open,
 *   --extensions-dir=D  extensions already installed there are copied into the
 *                       run's throwaway extensions dir (test-electron always
 *                       passes .vscode-test/extensions; usually empty),
 *   --install-extension=X.vsix (repeatable) without --extensionTestsPath:
 *                       installs into --extensions-dir and exits, like `code`,
 *   --version           prints the VS Code version, like `code --version`.
 * Desktop-only switches (--no-sandbox, --disable-gpu-sandbox, --disable-updates,
 * --skip-welcome, --skip-release-notes, --disable-workspace-trust,
 * --user-data-dir, --disable-extensions, …) are accepted and ignored: every
 * run gets a fresh, quiet profile anyway.
 * The environment (test-electron's extensionTestsEnv) reaches the extension host.
 */
const fs = require('node:fs');
const path = require('node:path');
const { runTests, parseArgs, EXIT_HARNESS_ERROR } = require('./run-in-code-server');
const { locateRuntime } = require('./runtime');
const { makeProfile, removeProfile } = require('./profile');
const { serverEnv, installExtensions } = require('./code-server');

function codeServerPackage(runtime) {
  return JSON.parse(fs.readFileSync(path.join(path.dirname(runtime.codeServer), '..', '..', 'package.json'), 'utf8'));
}

async function printVersion() {
  const runtime = locateRuntime();
  // Same three lines as `code --version`: version, commit, arch.
  console.log(`${vscodeVersion(runtime)}\n${codeServerPackage(runtime).commit || 'unknown'}\n${process.arch}`);
  return 0;
}

function vscodeVersion(runtime) {
  const product = path.join(path.dirname(runtime.codeServer), '..', '..', 'lib', 'vscode', 'package.json');
  return JSON.parse(fs.readFileSync(product, 'utf8')).version;
}

async function installOnly(vsixPaths, extensionsDir) {
  if (!extensionsDir) throw new Error('--install-extension needs --extensions-dir here (there is no default profile)');
  const runtime = locateRuntime();
  const dirs = makeProfile({ extensionsDir });
  try {
    const installed = await installExtensions(runtime, dirs, vsixPaths, { env: serverEnv(dirs) });
    console.log(`Installed into ${dirs.extensions}: ${installed.map((p) => path.basename(p)).join(', ')}`);
    return 0;
  } finally {
    // The extensions dir is the caller's; only our own scratch dirs go.
    removeProfile(dirs);
  }
}

async function main(argv) {
  // VS Code switches that take a value; everything else is a boolean switch.
  const a = parseArgs(argv, [
    'extensionDevelopmentPath', 'extensionTestsPath', 'extensions-dir', 'user-data-dir',
    'install-extension', 'uninstall-extension', 'locale', 'log', 'profile', 'extensionDevelopmentKind',
  ]);
  const last = (k) => (a[k] ? a[k][a[k].length - 1] : undefined);
  if (a.version) return printVersion();
  if (a['install-extension'] && !a.extensionTestsPath) return installOnly(a['install-extension'], last('extensions-dir'));
  if (!a.extensionTestsPath) {
    throw new Error('code-cli.js only runs extension tests: pass --extensionTestsPath (and usually --extensionDevelopmentPath)');
  }
  const folder = a._.find((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
  return runTests({
    extensionDevelopmentPath: a.extensionDevelopmentPath,
    extensionTestsPath: last('extensionTestsPath'),
    workspaceFolder: folder,
    seedExtensionsDir: last('extensions-dir'),
    extensionsToInstall: a['install-extension'],
    timeoutMs: process.env.CLAIMLINT_HARNESS_TIMEOUT_MS ? Number(process.env.CLAIMLINT_HARNESS_TIMEOUT_MS) : undefined,
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`[code-cli] ${e.message}\n`);
    process.exit(EXIT_HARNESS_ERROR);
  },
);
