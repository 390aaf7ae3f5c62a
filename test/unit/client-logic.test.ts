/** The extension's pure logic (modules of src/client that do not import `vscode`). */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_FILE_GLOB, Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, SECTION, ServerCommands } from '../../src/client/constants';
import { claimSelector, isConfigFileName, toPathGlob } from '../../src/client/selector';
import { countDiagnostics, STATUS_MENU, statusPresentation } from '../../src/client/status';
import { formatAuditSummary, parseAuditSummary } from '../../src/client/summary';
import { clientLineRouter, parseClientLine, type LevelledLog } from '../../src/client/clientLog';
import { rulePickItems, ruleSummary } from '../../src/client/ruleDocsPick';
import { ALL_RULES } from '../../src/core';
import { ROOT } from '../support/paths';

describe('client: document selector', () => {
  it('selects *.claim.yaml / *.claim.yml YAML files on disk only (no untitled)', () => {
    assert.deepEqual(claimSelector([]), [
      { scheme: 'file', language: 'yaml', pattern: CLAIM_FILE_GLOB },
      { scheme: 'file', pattern: '**/.claimlintrc.{yaml,yml,json}' },
    ]);
    assert.equal(CLAIM_FILE_GLOB, '**/*.claim.{yaml,yml}');
  });

  it('tells the .claimlintrc files (synced for their own diagnostics) from claim files', () => {
    assert.ok(isConfigFileName('/w/rc/.claimlintrc.yaml'));
    assert.ok(isConfigFileName('C:\\w\\.claimlintrc.json'));
    assert.ok(!isConfigFileName('/w/a.claim.yaml'));
    assert.ok(!isConfigFileName('/w/x.claimlintrc.yaml.bak'));
    assert.ok(!isConfigFileName('/w/my.claimlintrc.yaml'));
  });

  it('adds claimlint.files globs as whole-path patterns, once each', () => {
    assert.deepEqual(
      claimSelector(['claims/*.yaml', './billing/**/*.yml', '**/*.claims', 'claims/*.yaml', '', 42, '**/*.claim.{yaml,yml}']).map((f) => f.pattern),
      [CLAIM_FILE_GLOB, '**/.claimlintrc.{yaml,yml,json}', '**/claims/*.yaml', '**/billing/**/*.yml', '**/*.claims'],
    );
    assert.equal(claimSelector(['x/*.yaml'])[2].language, undefined, 'extra globs match whatever language the file opens in');
  });

  it('keeps absolute globs and normalises backslashes', () => {
    assert.equal(toPathGlob('/srv/claims/*.yaml'), '/srv/claims/*.yaml');
    assert.equal(toPathGlob('C:\\claims\\*.yaml'), 'C:/claims/*.yaml');
    assert.equal(toPathGlob('  '), undefined);
    assert.equal(toPathGlob(null), undefined);
  });
});

describe('client: status bar text', () => {
  const E = 0, W = 1, I = 2, H = 3;

  it('counts claimlint diagnostics only, by severity', () => {
    const counts = countDiagnostics([
      { source: 'claimlint', severity: E },
      { source: 'claimlint', severity: E },
      { source: 'claimlint', severity: W },
      { source: 'claimlint', severity: I },
      { source: 'claimlint', severity: H },
      { source: 'yaml', severity: E },
      { severity: E },
    ]);
    assert.deepEqual(counts, { errors: 2, warnings: 1, others: 2 });
  });

  it('shows errors and warnings, or a check mark, and opens the claimlint menu', () => {
    const p = statusPresentation({ server: 'running', audited: true, enabled: true, counts: { errors: 2, warnings: 1, others: 0 } });
    assert.equal(p.text, 'claimlint $(error) 2 $(warning) 1');
    assert.match(p.tooltip, /2 errors, 1 warning in this claim file/);
    assert.equal(p.command, 'claimlint.showStatusMenu');
    assert.match(p.tooltip, /Click for the claimlint menu/);
    assert.equal(statusPresentation({ server: 'running', audited: true, enabled: true, counts: { errors: 0, warnings: 0, others: 3 } }).text, 'claimlint $(check)');
  });

  it('shows when the server is starting, stopped, or claimlint is off', () => {
    const none = { errors: 0, warnings: 0, others: 0 };
    assert.match(statusPresentation({ server: 'starting', audited: false, enabled: true, counts: none }).text, /sync~spin/);
    const stopped = statusPresentation({ server: 'stopped', audited: false, enabled: true, counts: none });
    assert.equal(stopped.command, 'claimlint.showOutput');
    const auditing = statusPresentation({ server: 'running', audited: false, enabled: true, counts: none });
    assert.match(auditing.tooltip, /auditing this file/);
    const off = statusPresentation({ server: 'running', audited: true, enabled: false, counts: none });
    assert.equal(off.command, 'workbench.action.openSettings');
    assert.deepEqual(off.arguments, ['claimlint.enable']);
  });
});

describe('client: the status bar menu', () => {
  it('offers the Problems panel first and the Audit Summary, each a contributed or built-in command', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    assert.equal(STATUS_MENU[0].command, 'workbench.actions.view.problems');
    assert.ok(STATUS_MENU.some((i) => i.command === 'claimlint.showAuditSummary' && /Audit Summary/.test(i.label)));
    for (const item of STATUS_MENU.slice(1)) assert.ok(contributed.has(item.command), `${item.command} is contributed`);
  });
});

describe('client: workspace audit summary', () => {
  it('accepts only {files, errors, warnings} counts', () => {
    assert.deepEqual(parseAuditSummary({ files: 3, errors: 2, warnings: 0, extra: 'x' }), { files: 3, errors: 2, warnings: 0 });
    for (const bad of [undefined, null, 'x', { files: 1, errors: 2 }, { files: -1, errors: 0, warnings: 0 }, { files: 1.5, errors: 0, warnings: 0 }]) {
      assert.equal(parseAuditSummary(bad), undefined, JSON.stringify(bad));
    }
  });

  it('says the totals in words', () => {
    assert.equal(formatAuditSummary({ files: 1, errors: 1, warnings: 2 }), 'claimlint: audited 1 claim file: 1 error, 2 warnings.');
    assert.equal(formatAuditSummary({ files: 0, errors: 0, warnings: 0 }), 'claimlint: no claim files found in this workspace.');
  });
});

describe('client: ids agreed with the language server', () => {
  // Compiled alongside this test (out/src/protocol/index.js); the client's constants are
  // compared with the protocol's ids here.
  const protocolJs = join(ROOT, 'out', 'src', 'protocol', 'index.js');

  it('uses the server\'s section, diagnostic source, fix-all kind and command ids', () => {
    assert.ok(existsSync(protocolJs), `${protocolJs} is built with the tests`);
    const protocol = require(protocolJs);
    assert.equal(protocol.SETTINGS_SECTION, SECTION);
    assert.equal(protocol.DIAGNOSTIC_SOURCE, DIAGNOSTIC_SOURCE);
    assert.equal(protocol.FIX_ALL_KIND, FIX_ALL_KIND);
    for (const [key, id] of Object.entries(ServerCommands)) assert.equal(protocol.SERVER_COMMANDS[key], id, `server command ${key}`);
    const clientIds = new Set<string>(Object.values(Commands));
    for (const id of Object.values<string>(protocol.CLIENT_COMMANDS)) {
      assert.ok(clientIds.has(id), `the server refers to client command ${id}, which the extension does not register`);
    }
  });
});

describe('client: the language client\'s lines in the log (no doubled prefix)', () => {
  function recorder(): { log: LevelledLog; lines: string[] } {
    const lines: string[] = [];
    const at = (level: string) => (m: string) => void lines.push(`${level}: ${m}`);
    return { lines, log: { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
  }

  it('drops the client\'s "[Info  - 1:16:35 AM]" prefix and logs at the level it names', () => {
    assert.deepEqual(parseClientLine('[Info  - 1:16:35 AM] claimlint server 0.1.0 ready'), { level: 'info', message: 'claimlint server 0.1.0 ready' });
    assert.deepEqual(parseClientLine('[Warn  - 13:16:35] Setting claimlint.rules is invalid'), { level: 'warn', message: 'Setting claimlint.rules is invalid' });
    assert.deepEqual(parseClientLine('[Error - 01:16:35 PM] Request failed'), { level: 'error', message: 'Request failed' });
    assert.deepEqual(parseClientLine('[Debug - 1:16:35] x'), { level: 'debug', message: 'x' });
    assert.deepEqual(parseClientLine('[Trace - 1:16:35] y'), { level: 'trace', message: 'y' });
    assert.deepEqual(parseClientLine('plain [Info - 1] text', 'warn'), { level: 'warn', message: 'plain [Info - 1] text' });
  });

  it('routes each line; a detail line without a prefix keeps its message\'s level; append is buffered to the line end', () => {
    const { log, lines } = recorder();
    const router = clientLineRouter(log);
    router.appendLine('[Info  - 1:16:35 AM] started');
    router.appendLine('[Error - 1:16:36 AM] Request textDocument/hover failed.');
    router.appendLine('Error: boom\n    at x (y.js:1:1)');
    router.append('[Warn  - 1:16:37 AM] half');
    router.append(' and the rest\n[Info  - 1:16:38 AM] next');
    router.appendLine(' line');
    assert.deepEqual(lines, [
      'info: started',
      'error: Request textDocument/hover failed.',
      'error: Error: boom\n    at x (y.js:1:1)',
      'warn: half and the rest',
      'info: next line',
    ]);
    assert.ok(lines.every((l) => !/\[(Info|Warn|Error)\s*-/.test(l)), 'no client prefix left');
  });
});

describe('client: the rule documentation picker', () => {
  const folder = join(ROOT, 'docs', 'rules');
  const pages = readdirSync(folder).map((file) => ({ file, markdown: readFileSync(join(folder, file), 'utf8') }));

  it('reads the summary line of a rule page', () => {
    assert.equal(ruleSummary('# x-y\n\n> Lines without a GP.\n\n| | |'), 'Lines without a GP');
    assert.equal(ruleSummary('# x-y\n\nno summary'), undefined);
  });

  it('offers every bundled rule page with the rule\'s description beside its id, and nothing else', () => {
    const items = rulePickItems(pages);
    assert.deepEqual(items.map((i) => i.label), ALL_RULES.map((r) => r.id).sort());
    for (const rule of ALL_RULES) {
      const item = items.find((i) => i.label === rule.id);
      assert.equal(item?.description, rule.description.replace(/\.$/, ''), rule.id);
    }
  });
});
