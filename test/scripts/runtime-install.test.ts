/**
 * scripts/vscode-runtime/install.sh and the end-to-end step of `npm test`
 * (scripts/lib/e2e.js), run for real against stand-ins for npm, dpkg, apt-get and id on
 * PATH, so nothing is installed: the stand-ins record how they were called.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { ROOT } from '../support/paths';

const INSTALL = join(ROOT, 'scripts', 'vscode-runtime', 'install.sh');
const E2E = join(ROOT, 'scripts', 'lib', 'e2e.js');

/** The environment `npm test` gives its child processes (taken from npm 11 on Node 20). */
const FROM_NPM_TEST = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_nodedir: '/usr',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_loglevel: 'silent',
  npm_lifecycle_event: 'test',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_node_execpath: '/usr/bin/node',
  NPM_CONFIG_FUND: 'false',
  npm_config_registry: 'https://registry.example.test/',
};

describe('VS Code runtime install (scripts/vscode-runtime/install.sh)', function () {
  this.timeout(30000);
  let dir: string;
  let bin: string;
  beforeEach(() => {
    dir = makeTmpDir('install-test');
    bin = join(dir, 'bin');
    mkdirSync(bin);
  });
  afterEach(() => removeTmpDir(dir));

  function stub(name: string, body: string) {
    writeFileSync(join(bin, name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }

  /** dpkg says every package is installed; npm records its environment and fails. */
  function stubInstalledSystem() {
    stub('dpkg', 'exit 0');
    stub('npm', `env > "${dir}/npm-env.$$"; echo "npm $*" >> "${dir}/calls"; exit 1`);
  }

  function run(file: string, args: string[], env: Record<string, string> = {}) {
    const base: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && v !== undefined) base[k] = v;
    return spawnSync(file, args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...base, ...env, PATH: `${bin}:${process.env.PATH}`, CLAIMLINT_VSCODE_CACHE: join(dir, 'cache') },
    });
  }

  function npmEnvironments(): string[] {
    return readdirSync(dir).filter((n) => n.startsWith('npm-env.')).map((n) => readFileSync(join(dir, n), 'utf8'));
  }

  it('drops the npm_* settings inherited from `npm test` before running npm (keeps the registry)', () => {
    stubInstalledSystem();
    const r = run('bash', [INSTALL], FROM_NPM_TEST);
    assert.notEqual(r.status, 0, 'the stand-in npm fails, so the install fails');
    const envs = npmEnvironments();
    assert.equal(envs.length, 1, `npm ran once before failing; stderr:\n${r.stderr}`);
    const env = envs[0];
    assert.doesNotMatch(env, /^npm_config_user_agent=/m, 'the parent npm\'s user agent (node v20) is not passed on');
    assert.doesNotMatch(env, /^npm_config_nodedir=\/usr$/m);
    assert.doesNotMatch(env, /^npm_(lifecycle_event|execpath|node_execpath)=/m);
    assert.doesNotMatch(env, /^NPM_CONFIG_FUND=/m);
    assert.match(env, /^npm_config_registry=https:\/\/registry\.example\.test\/$/m, 'registry settings are kept');
    assert.match(r.stderr, /ignoring \d+ npm_\* variables inherited/);
  });

  it('installs missing Debian packages with --no-install-recommends and says so first', () => {
    stub('dpkg', 'exit 1'); // nothing installed
    stub('id', 'echo 0'); // root: no sudo
    stub('apt-get', [
      `echo "apt-get $*" >> "${dir}/calls"`,
      'if [ "$1" = -s ]; then echo "2 upgraded, 117 newly installed, 0 to remove and 30 not upgraded."; fi',
      'exit 0',
    ].join('\n'));
    stub('npm', `echo "npm $*" >> "${dir}/calls"; exit 1`);
    const r = run('bash', [INSTALL]);
    const calls = readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n');
    const install = calls.find((c) => /^apt-get .*\binstall\b/.test(c) && !c.startsWith('apt-get -s'));
    assert.ok(install, `apt-get install ran; calls:\n${calls.join('\n')}`);
    assert.match(install, /--no-install-recommends/);
    assert.match(install, /\blibkrb5-dev\b/);
    assert.match(install, /\bpkg-config\b/);
    assert.match(install, /\bchromium\b/);
    assert.match(install, /\bstrace\b/);
    // The log announces the change before making it, with the packages and apt's plan.
    const announce = r.stderr.indexOf('installing Debian packages as root');
    assert.ok(announce >= 0, r.stderr);
    assert.match(r.stderr, /libkrb5-dev pkg-config chromium/);
    assert.match(r.stderr, /apt's plan: 2 upgraded, 117 newly installed/);
    assert.ok(calls.indexOf(install) > calls.findIndex((c) => c.startsWith('apt-get update')));
  });

  it('as a user without password-less sudo, prints the command to run instead of prompting', () => {
    stub('dpkg', 'exit 1');
    stub('id', 'echo 1000');
    stub('sudo', 'exit 1');
    stub('apt-get', `echo "apt-get $*" >> "${dir}/calls"; exit 0`);
    const r = run('bash', [INSTALL]);
    assert.notEqual(r.status, 0);
    assert.ok(!existsSync(join(dir, 'calls')), 'apt-get was not run');
    assert.match(r.stderr, /needs root/);
    assert.match(r.stderr, /sudo apt-get install -y -q --no-install-recommends libkrb5-dev pkg-config chromium/);
  });

  it('`npm test` installs the runtime before the harness self-test and the suite', () => {
    stubInstalledSystem();
    const r = run(process.execPath, [E2E], FROM_NPM_TEST);
    assert.equal(r.status, 1);
    assert.match(readFileSync(join(dir, 'calls'), 'utf8'), /^npm install .*node@/m, 'the install ran');
    assert.match(r.stdout, /installing the VS Code runtime failed \(exit 1\)/);
    // It stops there: neither runner was started without a runtime.
    assert.doesNotMatch(r.stdout + r.stderr, /harness self-test|VS Code runtime not installed/);
    assert.match(r.stdout, /^e2e: 0 passed, 1 failed$/m);
  });
});
