/**
 * Patient data through the language server's side doors (issue 11): sentinel values in
 * every field, an unknown key, an unknown code, a note and a payer name, with the LSP trace
 * set to verbose ($/setTrace, as `claimlint.trace.server: verbose` makes VS Code send) and
 * every feature run. No log line, trace, shown message or diagnostic carries a sentinel.
 */
import assert from 'node:assert/strict';
import type { LogMessageParams } from 'vscode-languageserver';
import { TestClient } from './support/harness';

const S = {
  patient: 'SNTL-PATIENT-7731',
  name: 'SNTLNAME Q PERSONA',
  dob: '1937-02-11',
  note: 'SNTL-NOTE confidential history',
  key: 'SNTLKEY_birthday_1937',
  code: 'SNTLCODE',
  payer: 'SNTL Payer of Persona',
};

const TEXT = `claim:
  id: CLM-1
  date_of_service: 2026-03-10
  payer: {type: medicare, name: "${S.payer}"}
  patient: {id: ${S.patient}, name: "${S.name}", birth_date: ${S.dob}}
  ${S.key}: x
  notes: "${S.note}"
  plan_of_care: {discipline: PT}
  lines:
    - code: "${S.code}"
      modifiers: [GP]
      units: 2
      minutes: 10
    - code: "97110"
      modifiers: [CQ]
      units: 3
      minutes: 20
      assistant_minutes: 0
      documentation: {justification: "${S.note}"}
`;

describe('lsp: patient-data sentinels with a verbose trace', () => {
  let client: TestClient;
  const traces: unknown[] = [];
  beforeEach(async () => {
    client = await TestClient.start({ settings: { trace: { server: 'verbose' } } });
    client.connection.onNotification('$/logTrace', (p: unknown) => traces.push(p));
  });
  afterEach(() => client.dispose());

  it('no sentinel in logs, traces, messages or diagnostics', async () => {
    client.notify('$/setTrace', { value: 'verbose' });
    const uri = 'file:///ws/SNTL-PATIENT-7731.claim.yaml';
    client.open(uri, TEXT);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const position = { line: 9, character: 14 };
    await client.request('textDocument/hover', { textDocument: { uri }, position });
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } });
    await client.request('textDocument/codeLens', { textDocument: { uri } });
    await client.request('textDocument/completion', { textDocument: { uri }, position });
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } });
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: [], only: ['source.fixAll.claimlint'] } });
    await client.request('workspace/executeCommand', { command: 'claimlint.server.applyFixAll', arguments: [uri, 1] });
    client.change(uri, TEXT.replace('units: 2', 'units: 1e9'));
    await client.waitForDiagnostics(uri, (p) => p.version === 2);
    const said = JSON.stringify({ logs: client.logs.map((l: LogMessageParams) => l.message), traces, shown: client.shownMessages, diagnostics: client.diagnostics.map((d) => d.diagnostics.map((x) => [x.message, x.data])) });
    assert.ok(client.logs.length > 0, 'the server logged');
    for (const [what, value] of Object.entries(S)) assert.ok(!said.includes(value), `${what} (${value}) leaked: ${said.slice(Math.max(0, said.indexOf(value) - 200), said.indexOf(value) + 100)}`);
  });
});
