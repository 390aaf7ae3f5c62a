import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, MessageType } from 'vscode-languageserver';
import { TestClient } from './support/harness';
import { claimFile } from './support/fixtures';
import { runCli } from '../support/cli';
import { defaultSettings, settingsToConfig } from '../../src/core';
import { BROKEN_CONFIG, BROKEN_CONFIG_PROBLEMS } from '../support/configProblems';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

describe('lsp: config files and workspace', () => {
  let dir: string;
  let client: TestClient;
  const uriOf = (...parts: string[]): string => pathToFileURL(join(dir, ...parts)).toString();

  beforeEach(async () => {
    dir = makeTmpDir('lsp');
    client = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] });
  });
  afterEach(async () => {
    await client.dispose();
    removeTmpDir(dir);
  });

  function configChanged(name = '.claimlintrc.yaml', type: FileChangeType = FileChangeType.Changed): void {
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(name), type }] });
  }

  it('applies the nearest .claimlintrc.yaml and re-audits when it changes', async () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules:\n  timed-units-total: warning\n');
    const uri = uriOf('visit.claim.yaml');
    client.open(uri, claimFile({ units530: 2 }));
    const first = await client.waitForDiagnostics(uri);
    assert.equal(first.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Warning);

    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules:\n  timed-units-total: "off"\n');
    const n = client.diagnostics.length;
    configChanged();
    const second = await client.waitForDiagnostics(uri, () => true, n);
    assert.ok(!second.diagnostics.some((d) => d.code === 'timed-units-total'));

    rmSync(join(dir, '.claimlintrc.yaml'));
    const m = client.diagnostics.length;
    configChanged('.claimlintrc.yaml', FileChangeType.Deleted);
    const third = await client.waitForDiagnostics(uri, () => true, m);
    assert.equal(third.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Error);
  });

  it('lets settings win over the config file', async () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules:\n  timed-units-total: "off"\n');
    client.settings = { rules: { 'timed-units-total': 'info' } };
    const uri = uriOf('visit.claim.yaml');
    client.open(uri, claimFile({ units530: 2 }));
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Information);
  });

  it('reports an invalid config on the open config file and in a warning, and keeps auditing', async () => {
    const configText = 'rules:\n  timed-units-total: loud\n';
    writeFileSync(join(dir, '.claimlintrc.yaml'), configText);
    const configUri = uriOf('.claimlintrc.yaml');
    client.open(configUri, configText);
    const onConfig = await client.waitForDiagnostics(configUri);
    assert.equal(onConfig.diagnostics.length, 1);
    assert.equal(onConfig.diagnostics[0].range.start.line, 1, 'on the offending key');
    assert.match(onConfig.diagnostics[0].message, /rules\.timed-units-total/);

    const uri = uriOf('visit.claim.yaml');
    client.open(uri, claimFile({ units530: 2 }));
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Error);
    const warning = await client.waitFor(() => client.shownMessages.find((m) => m.type === MessageType.Warning), 'a warning');
    assert.ok(warning.message.includes(join(dir, '.claimlintrc.yaml')), warning.message);

    // Fixing the open config file clears its diagnostic.
    const n = client.diagnostics.length;
    client.change(configUri, 'rules:\n  timed-units-total: warning\n');
    const fixed = await client.waitForDiagnostics(configUri, () => true, n);
    assert.deepEqual(fixed.diagnostics, []);
  });

  it('every problem of an invalid config on its key, worded as the CLI words it; the message says the editor falls back and the CLI exits 2 (issue 25 item 6)', async () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), BROKEN_CONFIG);
    const configUri = uriOf('.claimlintrc.yaml');
    client.open(configUri, BROKEN_CONFIG);
    const onConfig = await client.waitForDiagnostics(configUri);
    const fallback = '. Invalid claimlint config: until it is fixed, the claim files under it are audited with the editor settings and the defaults (the command line refuses it: exit 2).';
    assert.deepEqual(
      onConfig.diagnostics.map((d) => [d.range.start.line + 1, d.severity === DiagnosticSeverity.Error ? 'error' : 'warning', d.message]),
      BROKEN_CONFIG_PROBLEMS.map(([line, severity, text], i) => [line, severity, i === 0 ? text + fallback : text]),
    );
    const uri = uriOf('visit.claim.yaml');
    client.open(uri, claimFile({ units530: 2 }));
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Error, 'the defaults apply');
    const warning = await client.waitFor(() => client.shownMessages.find((m) => m.type === MessageType.Warning), 'a warning');
    const rc = join(dir, '.claimlintrc.yaml');
    assert.equal(
      warning.message,
      `claimlint: invalid config (4 errors): ${rc}:2: ${BROKEN_CONFIG_PROBLEMS[0][2]} (+4 more: see the Problems panel of the config file, or the claimlint output). Invalid config: until it is fixed, the claim files under it are audited with the editor settings and the defaults (the command line refuses it: exit 2).`,
    );
    for (const [line, , text] of BROKEN_CONFIG_PROBLEMS) assert.ok(client.logs.some((l) => l.message.includes(`${rc}:${line}: ${text}`)), `logged: line ${line}`);
  });

  it('an unknown rule id and a bad rule option: warnings on their keys in the open config file, a located message, and the rest applies', async () => {
    const configText = ['rules:', '  kx-modifer-missing: "off"', '  kx-modifier-missing:', '    options:', '      payerTypes: medicar', '  timed-units-total: warning', ''].join('\n');
    writeFileSync(join(dir, '.claimlintrc.yaml'), configText);
    const configUri = uriOf('.claimlintrc.yaml');
    client.open(configUri, configText);
    const onConfig = await client.waitForDiagnostics(configUri);
    assert.deepEqual(
      onConfig.diagnostics.map((d) => [d.range.start.line, d.severity, d.message]),
      [
        [1, DiagnosticSeverity.Warning, 'rules.kx-modifer-missing: unknown rule id; did you mean kx-modifier-missing? (the setting is ignored)'],
        [4, DiagnosticSeverity.Warning, 'rules.kx-modifier-missing.options.payerTypes: must be one of medicare, medicare-advantage, medicaid, commercial; did you mean medicare? (the option is ignored; the default applies)'],
      ],
    );

    const uri = uriOf('visit.claim.yaml');
    client.open(uri, claimFile({ units530: 2 }));
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Warning, 'the valid part applies');
    const warning = await client.waitFor(() => client.shownMessages.find((m) => m.type === MessageType.Warning), 'a warning');
    assert.ok(warning.message.includes(`${join(dir, '.claimlintrc.yaml')}:2: rules.kx-modifer-missing: unknown rule id; did you mean kx-modifier-missing?`), warning.message);
  });

  it('claimlint.rule.<id> dropdowns (issue 25 item 3): a severity wins over .claimlintrc.yaml and claimlint.rules, keeps the object form\'s options; "default" leaves them in charge; a bad value falls back for that rule alone', async () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules:\n  timed-units-total: warning\n');
    const severityOf = async (settings: Record<string, unknown>, name: string) => {
      client.settings = settings;
      client.notify('workspace/didChangeConfiguration', { settings: {} });
      const n = client.diagnostics.length;
      const file = uriOf(name);
      client.open(file, claimFile({ units530: 2 }));
      const published = await client.waitForDiagnostics(file, () => true, n);
      return published.diagnostics.find((d) => d.code === 'timed-units-total')?.severity;
    };
    assert.equal(await severityOf({ rule: { 'timed-units-total': 'default' } }, 'a.claim.yaml'), DiagnosticSeverity.Warning, '"default": the config file applies');
    assert.equal(await severityOf({ rule: { 'timed-units-total': 'off' } }, 'b.claim.yaml'), undefined, 'off: silenced without JSON');
    assert.equal(await severityOf({ rule: { 'timed-units-total': 'info' }, rules: { 'timed-units-total': 'error' } }, 'c.claim.yaml'), DiagnosticSeverity.Information, 'the dropdown wins over claimlint.rules');
    assert.equal(await severityOf({ rules: { 'timed-units-total': 'error' } }, 'd.claim.yaml'), DiagnosticSeverity.Error, 'the object form still works');
    assert.equal(
      await severityOf({ rule: { 'timed-units-total': 'loud', 'kx-modifier-missing': 'off' } }, 'e.claim.yaml'),
      DiagnosticSeverity.Warning,
      'a bad value falls back to "default" for that rule',
    );
    assert.ok(client.logs.some((l) => /Setting claimlint\.rule\.timed-units-total is invalid/.test(l.message)), 'and is said');
  });

  it('claimlint.rule.<id> keeps the options of the object form (claimlint.rules) for that rule', () => {
    const config = settingsToConfig({
      ...defaultSettings,
      rule: { ...defaultSettings.rule, 'kx-modifier-missing': 'warning', 'timed-units-total': 'off' },
      rules: { 'kx-modifier-missing': { severity: 'error', options: { payerTypes: ['medicare'] } } },
    });
    assert.deepEqual(config.rules?.['kx-modifier-missing'], { severity: 'warning', options: { payerTypes: ['medicare'] } });
    assert.equal(config.rules?.['timed-units-total'], 'off');
    assert.equal(config.rules?.['npi-invalid'], undefined, '"default" adds nothing');
  });

  it('an unknown rule id in claimlint.rules is a warning naming the setting; the valid entries apply', async () => {
    client.settings = { rules: { 'kx-modifer-missing': 'off', 'timed-units-total': 'info' } };
    const uri = uriOf('visit.claim.yaml');
    client.open(uri, claimFile({ units530: 2 }));
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Information);
    const warning = await client.waitFor(() => client.shownMessages.find((m) => m.type === MessageType.Warning), 'a warning');
    assert.equal(warning.message, 'claimlint: Setting claimlint.rules.kx-modifer-missing: unknown rule id; did you mean kx-modifier-missing? (the setting is ignored)');
  });

  it('treats files matching the `files` globs as claim files', async () => {
    mkdirSync(join(dir, 'claims'));
    const matching = uriOf('claims', 'march.yaml');
    const other = uriOf('compose.yaml');
    client.settings = { files: ['claims/**/*.yaml'] };
    client.open(other, claimFile({ units530: 2 }));
    client.open(matching, claimFile({ units530: 2 }));
    const published = await client.waitForDiagnostics(matching);
    assert.ok(published.diagnostics.some((d) => d.code === 'timed-units-total'));
    assert.deepEqual(client.publishedFor(other), []);
  });

  it('the workspace audit and `claimlint <folder>` audit the same files: build output searched, node_modules and .git not', async () => {
    const files = ['a/one.claim.yaml', 'out/two.claim.yml', 'dist/three.claim.yaml', 'node_modules/x/four.claim.yaml', '.git/five.claim.yaml', 'extra/six.yaml', 'notes.yaml'];
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'files: ["extra/*.yaml"]\n');
    // One patient per file: the same patient's claim twice on one date would be a finding across claims (issue 23).
    files.forEach((f, i) => {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), claimFile().replace('id: PT-1', `id: PT-${100 + i}`));
    });
    const result = await client.request<Record<string, number>>('workspace/executeCommand', { command: 'claimlint.server.auditWorkspace', arguments: [] });
    const editor = files.filter((f) => client.publishedFor(uriOf(...f.split('/'))).length > 0).sort();
    const cli = runCli(['--format', 'json', '.'], dir);
    assert.equal(cli.code, 0, cli.stderr);
    const ci = (JSON.parse(cli.stdout) as { files: { path: string }[] }).files.map((f) => f.path).sort();
    assert.deepEqual(editor, ['a/one.claim.yaml', 'dist/three.claim.yaml', 'extra/six.yaml', 'out/two.claim.yml']);
    assert.deepEqual(ci, editor);
    assert.equal(result.files, editor.length);
  });

  it('claimlint.auditWorkspace audits every claim file under the folders', async () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'a', 'one.claim.yaml'), claimFile({ units530: 2 }));
    writeFileSync(join(dir, 'a', 'b', 'two.claim.yml'), claimFile());
    writeFileSync(join(dir, 'node_modules', 'x', 'three.claim.yaml'), claimFile({ units530: 2 }));
    writeFileSync(join(dir, 'notes.yaml'), claimFile({ units530: 2 }));
    const result = await client.request<Record<string, number>>('workspace/executeCommand', { command: 'claimlint.server.auditWorkspace', arguments: [] });
    assert.equal(result.files, 2);
    assert.ok(result.errors >= 1);
    const one = client.publishedFor(uriOf('a', 'one.claim.yaml'));
    assert.ok(one.at(-1)?.diagnostics.some((d) => d.code === 'timed-units-total'));
    assert.ok(client.publishedFor(uriOf('a', 'b', 'two.claim.yml')).length === 1);
    assert.deepEqual(client.publishedFor(uriOf('node_modules', 'x', 'three.claim.yaml')), []);
  });

  it('claimlint.auditSummaryData returns claims and findings per file, open text first, no patient ids, nothing published', async () => {
    mkdirSync(join(dir, 'a'), { recursive: true });
    writeFileSync(join(dir, 'a', 'one.claim.yaml'), claimFile());
    writeFileSync(join(dir, 'two.claim.yaml'), claimFile().replace('id: PT-1', 'id: PAT-HIDDEN-9'));
    client.open(uriOf('a', 'one.claim.yaml'), claimFile({ units530: 2 })); // edited, not saved
    await client.waitForDiagnostics(uriOf('a', 'one.claim.yaml'));
    const before = client.diagnostics.length;
    type Data = { files: { uri: string; path: string; claims: { id?: string; patientId?: string; lineCount: number }[]; findings: { rule: string; path: string }[] }[]; unreadable: number };
    const all = await client.request<Data>('workspace/executeCommand', { command: 'claimlint.server.auditSummaryData', arguments: [{}] });
    assert.deepEqual(all.files.map((f) => f.path), ['a/one.claim.yaml', 'two.claim.yaml']);
    assert.ok(all.files[0].findings.some((x) => x.rule === 'timed-units-total'), 'the open, edited text is audited');
    assert.ok(!all.files[1].findings.some((x) => x.rule === 'timed-units-total'));
    assert.equal(all.files[1].claims.length, 1);
    assert.ok(all.files[1].claims[0].lineCount >= 1);
    assert.ok(readFileSync(join(dir, 'two.claim.yaml'), 'utf8').includes('PAT-HIDDEN-9'));
    assert.ok(!JSON.stringify(all).includes('PAT-HIDDEN-9'), 'no patient id leaves the server');
    assert.equal(client.diagnostics.length, before, 'nothing published');
    const one = await client.request<Data>('workspace/executeCommand', { command: 'claimlint.server.auditSummaryData', arguments: [{ uri: uriOf('two.claim.yaml') }] });
    assert.deepEqual(one.files.map((f) => f.uri), [uriOf('two.claim.yaml')]);
  });
});

describe('lsp: a client without the configuration capability', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ capabilities: { textDocument: {} } });
  });
  after(() => client.dispose());

  it('uses defaults, then settings pushed with didChangeConfiguration, and plain edits', async () => {
    const uri = 'file:///ws/push.claim.yaml';
    client.open(uri, claimFile({ units530: 2 }));
    const first = await client.waitForDiagnostics(uri);
    assert.equal(first.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Error);
    assert.equal(client.configurationRequests.length, 0);
    assert.equal(client.registrations.length, 0, 'no dynamic registration without the capability');

    const n = client.diagnostics.length;
    client.notify('workspace/didChangeConfiguration', { settings: { claimlint: { rules: { 'timed-units-total': 'warning' } } } });
    const next = await client.waitForDiagnostics(uri, () => true, n);
    assert.equal(next.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Warning);

    const actions = await client.request<{ isPreferred?: boolean; edit?: { changes?: object; documentChanges?: object } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: next.diagnostics[0].range,
      context: { diagnostics: next.diagnostics },
    });
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.ok(preferred.edit?.changes && !preferred.edit.documentChanges, 'plain changes when documentChanges is unsupported');
  });
});
