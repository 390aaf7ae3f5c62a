/**
 * Issue 27 item 5 through the real language server over a connection: an 835 in the
 * workspace (never opened) puts the payer's decisions on the open claim file — information
 * diagnostics with source claimlint-remit on the adjusted service lines and on the claim's id
 * for claim-level adjustments — in the hover, and again when the 835 changes on disk. A
 * malformed 835 is reported in a warning and never blocks the audit. The sentinel patient
 * names and member ids of the 835 (NM1*QC, NM1*IL) appear nowhere.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, MessageType, type Diagnostic, type Hover, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { TestClient } from './support/harness';
import { SERVER_COMMANDS, type AuditSummaryData } from '../../src/protocol';
import { buildHtmlReportWithFigures } from '../../src/report/html';
import { interchange835, SENTINELS, type Clp } from '../support/x835';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const REMIT_SOURCE = 'claimlint-remit';

// Two claims: PCN-7 (an evaluation with manual therapy: 97140 lacks its NCCI modifier) and
// PCN-8 (an OT visit the payer denied as a whole for timely filing).
const CLAIM_FILE = `# claimlint-disable-file documentation-missing, documentation-weak, goal-not-measurable, exercise-vs-activity
claims:
  - id: PCN-7
    date_of_service: 2026-03-02
    payer: { type: medicare }
    patient: { id: PT-1 }
    provider: { npi: "1234567893", discipline: PT }
    plan_of_care: { discipline: PT, start_date: 2026-03-02, certified_date: 2026-03-04, cert_through: 2026-05-29 }
    lines:
      - { code: "97163", modifiers: [GP], units: 1, minutes: 60 }
      - code: "97140"
        modifiers: [GP]
        units: 1
        minutes: 15
  - id: PCN-8
    date_of_service: 2026-03-03
    payer: { type: medicare }
    patient: { id: PT-2 }
    provider: { npi: "1234567893", discipline: OT }
    plan_of_care: { discipline: OT, start_date: 2026-03-03, certified_date: 2026-03-05, cert_through: 2026-05-29 }
    lines:
      - { code: "97166", modifiers: [GO], units: 1, minutes: 45 }
`;

const PCN7: Clp = {
  id: 'PCN-7',
  charge: '147.72',
  paid: '100',
  date: '20260302',
  lines: [
    { code: '97163', mods: ['GP'], charge: '120', paid: '100', date: '20260302', cas: [['CO', '45', '20']] },
    { code: '97140', mods: ['GP'], charge: '27.72', paid: '0', date: '20260302', cas: [['CO', '97', '27.72']], remarks: ['M80'] },
  ],
};
const PCN8: Clp = { id: 'PCN-8', status: '4', charge: '50', paid: '0', cas: [['CO', '29', '50']], lines: [] };

/** 0-based line of the first line of `text` containing `needle` after `from`. */
function lineOf(text: string, needle: string, from = ''): number {
  const start = from ? text.indexOf(from) : 0;
  return text.slice(0, text.indexOf(needle, start)).split('\n').length - 1;
}

function remitDiagnostics(p: PublishDiagnosticsParams): Diagnostic[] {
  return p.diagnostics.filter((d) => d.source === REMIT_SOURCE);
}

function hoverText(h: Hover | null): string {
  const c = h?.contents;
  return c && typeof c === 'object' && 'value' in c ? c.value : '';
}

function assertNoSentinel(what: string, text: string): void {
  for (const s of SENTINELS) assert.ok(!text.includes(s), `${what} holds the 835's patient value ${s}`);
}

describe('lsp: the payer’s decisions from the workspace’s 835s (issue 27)', function () {
  this.timeout(20000);
  let dir: string;
  let client: TestClient;
  const uriOf = (...parts: string[]): string => pathToFileURL(join(dir, ...parts)).toString();
  const claimUri = (): string => uriOf('claims', 'march.claim.yaml');

  async function start(trusted = true): Promise<void> {
    client = await TestClient.start({
      workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }],
      initializationOptions: trusted ? undefined : { workspaceTrusted: false },
    });
  }

  beforeEach(() => {
    dir = makeTmpDir('remit');
    mkdirSync(join(dir, 'claims'));
    mkdirSync(join(dir, 'era'));
    writeFileSync(join(dir, 'claims', 'march.claim.yaml'), CLAIM_FILE);
    writeFileSync(join(dir, 'era', 'march.835'), interchange835(1, [{ claims: [PCN7, PCN8] }]));
    // A text file that is no 835: looked at, never reported.
    writeFileSync(join(dir, 'era', 'readme.txt'), 'Remittance files of March.\n');
    // An 835 in an ignored folder (as in the claim discovery): never read.
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pkg', 'other.835'), interchange835(9, [{ claims: [{ ...PCN8, id: 'PCN-7', cas: [['CO', '16', '1']] }] }]));
  });
  afterEach(async () => {
    await client?.dispose();
    removeTmpDir(dir);
  });

  /** Opens the claim file and waits for diagnostics holding `count` payer decisions. */
  async function openClaim(count: number, after = 0): Promise<PublishDiagnosticsParams> {
    if (!after) client.open(claimUri(), CLAIM_FILE);
    return client.waitForDiagnostics(claimUri(), (p) => remitDiagnostics(p).length === count, after, 10000);
  }

  it('puts each adjusted line’s decision on its code and the claim-level one on the id, as information', async () => {
    await start();
    const published = await openClaim(3);
    const remit = remitDiagnostics(published).sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(
      remit.map((d) => [d.range.start.line, d.severity, d.code, d.message]),
      [
        [lineOf(CLAIM_FILE, '"97163"'), DiagnosticSeverity.Information, 'CO-45', 'Payer: CO-45 $20.00 — contractual write-down (not in the claim file: no rule can predict it)'],
        [lineOf(CLAIM_FILE, '"97140"'), DiagnosticSeverity.Information, 'CO-97', 'Payer: CO-97 $27.72 — procedure bundled (predicted by ncci-modifier-missing); remark M80'],
        [lineOf(CLAIM_FILE, 'PCN-8'), DiagnosticSeverity.Information, 'CO-29', 'Payer, whole claim: CO-29 $50.00 — timely filing (not in the claim file: no rule can predict it)'],
      ],
    );
    // On the code itself, and beside the audit's own findings (which it does not replace).
    const ncci = remit[1];
    const codeLine = CLAIM_FILE.split('\n')[ncci.range.start.line];
    assert.equal(codeLine.slice(ncci.range.start.character, ncci.range.end.character), '"97140"');
    assert.ok(published.diagnostics.some((d) => d.source === 'claimlint' && d.code === 'ncci-modifier-missing'));
    for (const d of published.diagnostics) assertNoSentinel('a diagnostic', JSON.stringify(d));
  });

  it('publishes the decisions of an unopened claim file with the workspace audit', async () => {
    await start();
    const audited = client.request('workspace/executeCommand', { command: SERVER_COMMANDS.auditWorkspace, arguments: [] });
    const published = await client.waitForDiagnostics(claimUri(), (p) => remitDiagnostics(p).length > 0, 0, 10000);
    await audited;
    assert.deepEqual(remitDiagnostics(published).map((d) => d.code).sort(), ['CO-29', 'CO-45', 'CO-97']);
  });

  it('gives the Audit Summary its "Payer decisions" section, drawn by the HTML report’s renderer', async () => {
    // A second claim file, in another folder, paid by a second 835.
    mkdirSync(join(dir, 'april'));
    writeFileSync(join(dir, 'april', 'april.claim.yaml'), CLAIM_FILE.replace(/PCN-7/g, 'PCN-17').replace(/PCN-8/g, 'PCN-18'));
    writeFileSync(join(dir, 'april', 'april.835'), interchange835(5, [{ claims: [{ ...PCN7, id: 'PCN-17', lines: [PCN7.lines[0]] }] }]));
    await start();
    const all = await client.request<AuditSummaryData>('workspace/executeCommand', { command: SERVER_COMMANDS.auditSummaryData, arguments: [{}] });
    const payer = all.payer;
    assert.ok(payer, 'the summary has payer figures');
    assert.equal(payer.remits, 2);
    assert.equal(payer.deniedLines, 1, 'the 97140 of PCN-7 (PCN-8 was denied as a whole, with no lines)');
    assert.equal(payer.explainedLines, 1);
    assert.equal(payer.explainedAmount, 27.72);
    assert.equal(payer.adjustedAmount, 20 + 27.72 + 50 + 20);
    assert.deepEqual(payer.denials.map((r) => r.reason), ['CO-97']);
    // A folder's summary: only the payments of its claims.
    const april = await client.request<AuditSummaryData>('workspace/executeCommand', {
      command: SERVER_COMMANDS.auditSummaryData,
      arguments: [{ uri: uriOf('april') }],
    });
    assert.equal(april.files.length, 1);
    assert.equal(april.payer?.remits, 1);
    assert.equal(april.payer?.deniedLines, 0);
    assert.equal(april.payer?.adjustedAmount, 20);
    assert.equal(april.payer?.unmatchedClaims, 0);
    // The page the view draws (the client passes `payer` to the same renderer).
    const files = all.files.map((f) => ({ path: f.path, claims: f.claims, findings: f.findings }));
    const { html } = buildHtmlReportWithFigures(files, { version: 'test', title: 'Audit Summary', payer: all.payer });
    assert.match(html, /<h2 id="payer-h">Payer decisions<\/h2>/);
    assert.match(html, /CO-97/);
    const without = buildHtmlReportWithFigures(files, { version: 'test', title: 'Audit Summary' }).html;
    assert.doesNotMatch(without, /Payer decisions/);
    assertNoSentinel('the summary data', JSON.stringify(all));
    assertNoSentinel('the summary page', html);
  });

  it('tells the decision in the hover: amounts, the X12 meaning, the remark and the rule that predicted it', async () => {
    await start();
    await openClaim(3);
    const line = lineOf(CLAIM_FILE, '"97140"');
    const character = CLAIM_FILE.split('\n')[line].indexOf('97140') + 1;
    const onCode = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: claimUri() }, position: { line, character } }));
    assert.match(onCode, /\*\*Payer denied this line\*\* \(remittance `era\/march\.835`\): paid \$0\.00 of \$27\.72 charged\./);
    assert.match(onCode, /\*\*CO-97\*\* \$27\.72 \(contractual obligations\): procedure bundled — The benefit for this service is included/);
    assert.match(onCode, /Predicted by `ncci-modifier-missing`/);
    assert.match(onCode, /Remark \*\*M80\*\*: /);
    assert.match(onCode, /claimlint predicted this denial: `ncci-modifier-missing`/);
    // The code's own explanation is still there.
    assert.match(onCode, /More about 97140/);
    // Anywhere in the line: its units key.
    const unitsLine = lineOf(CLAIM_FILE, 'units: 1', '"97140"');
    const onUnits = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: claimUri() }, position: { line: unitsLine, character: 9 } }));
    assert.match(onUnits, /Payer denied this line/);
    // The claim's id: the claim-level decision.
    const idLine = lineOf(CLAIM_FILE, 'PCN-8');
    const onId = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: claimUri() }, position: { line: idLine, character: 10 } }));
    assert.match(onId, /\*\*Payer's decision on this claim\*\* \(remittance `era\/march\.835`\): denied; paid \$0\.00 of \$50\.00 charged\./);
    assert.match(onId, /\*\*CO-29\*\* \$50\.00 .*timely filing.*No claim file can show this reason/);
    // A line the payer did not adjust beyond the write-down: paid.
    const evalLine = lineOf(CLAIM_FILE, '"97163"');
    const onEval = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: claimUri() }, position: { line: evalLine, character: 18 } }));
    assert.match(onEval, /\*\*Payer's decision\*\* \(remittance `era\/march\.835`\): paid \$100\.00 of \$120\.00 charged, 1 unit\./);
    for (const h of [onCode, onUnits, onId, onEval]) assertNoSentinel('a hover', h);
  });

  it('republishes when the 835 changes on disk, and clears when it is deleted', async () => {
    await start();
    await openClaim(3);
    // The corrected remittance pays 97140: its denial is gone, the write-down stays.
    const paid: Clp = { ...PCN7, paid: '127.72', lines: [PCN7.lines[0], { code: '97140', mods: ['GP'], charge: '27.72', paid: '27.72', date: '20260302' }] };
    writeFileSync(join(dir, 'era', 'march.835'), interchange835(2, [{ claims: [paid] }]));
    let n = client.diagnostics.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('era', 'march.835'), type: FileChangeType.Changed }] });
    const changed = await openClaim(1, n);
    assert.deepEqual(remitDiagnostics(changed).map((d) => d.code), ['CO-45']);
    assert.ok(changed.diagnostics.some((d) => d.code === 'ncci-modifier-missing'), 'the audit’s own findings stay');

    rmSync(join(dir, 'era', 'march.835'));
    n = client.diagnostics.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('era', 'march.835'), type: FileChangeType.Deleted }] });
    const cleared = await openClaim(0, n);
    assert.ok(cleared.diagnostics.some((d) => d.code === 'ncci-modifier-missing'));

    // A new 835 under another name is found by its content.
    writeFileSync(join(dir, 'era', 'april.TXT'), interchange835(3, [{ claims: [PCN8] }]));
    n = client.diagnostics.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('era', 'april.TXT'), type: FileChangeType.Created }] });
    const created = await openClaim(1, n);
    assert.deepEqual(remitDiagnostics(created).map((d) => d.code), ['CO-29']);
  });

  it('reports a malformed 835 in a warning (file, segment, element; no value), and audits on', async () => {
    const broken = interchange835(4, [{ claims: [{ ...PCN8, id: 'PCN-9' }] }]).replace('CAS*CO*29*50', 'CAS*CO*29*ZZQPATIENTLAST');
    writeFileSync(join(dir, 'era', 'broken.edi'), broken);
    await start();
    const published = await openClaim(3);
    assert.equal(remitDiagnostics(published).length, 3, 'the sound 835 still counts');
    const warning = await client.waitFor(() => client.shownMessages.find((m) => m.type === MessageType.Warning && m.message.includes('broken.edi')), 'the warning');
    assert.match(warning.message, /^claimlint: remittance file era\/broken\.edi not used: segment \d+ \(CAS\), element CAS03/);
    assertNoSentinel('the warning', warning.message);
    // Reported once, not on every audit.
    const n = client.diagnostics.length;
    client.change(claimUri(), CLAIM_FILE + '\n');
    await openClaim(3, n);
    assert.equal(client.shownMessages.filter((m) => m.message.includes('broken.edi')).length, 1);
    for (const l of client.logs) assertNoSentinel('the log', l.message);
  });

  it('reads no 835 in Restricted Mode, until the workspace is trusted', async () => {
    await start(false);
    client.open(claimUri(), CLAIM_FILE);
    const restricted = await client.waitForDiagnostics(claimUri());
    assert.deepEqual(remitDiagnostics(restricted), []);
    const n = client.diagnostics.length;
    client.notify('claimlint/workspaceTrusted', {});
    const trusted = await openClaim(3, n);
    assert.equal(remitDiagnostics(trusted).length, 3);
  });
});
