/** Data packs in the language server: .claimlintrc `data:`, the claimlint.dataPacks setting, hover provenance and locality. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { importPack } from '../../src/datapacks/build';
import { TestClient } from './support/harness';
import { CMS_DIR as CMS, CMS_PACK_FILES as FILES, PACK_ONLY_CLAIM as CLAIM } from '../support/cmsSample';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

describe('lsp: data packs', () => {
  let dir: string;
  let client: TestClient;
  const uriOf = (...parts: string[]): string => pathToFileURL(join(dir, ...parts)).toString();

  beforeEach(async () => {
    dir = makeTmpDir('lsp-packs');
    const pack = importPack(
      FILES.map((name) => ({ name, bytes: readFileSync(join(CMS, name)) })),
      { packName: 'cms-2026q2', createdBy: 'test', sha256: (d) => createHash('sha256').update(d).digest('hex') },
    );
    mkdirSync(join(dir, 'packs', 'cms-2026q2'), { recursive: true });
    for (const [name, text] of pack.files) writeFileSync(join(dir, 'packs', 'cms-2026q2', name), text);
    client = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] });
  });
  afterEach(async () => {
    await client.dispose();
    removeTmpDir(dir);
  });

  /** The code's full explanation: what the hover's "More" link opens (server command claimlint.server.codeDetails). */
  async function hoverOn(uri: string, needle: string): Promise<string> {
    const offset = CLAIM.indexOf(needle) + 2;
    const before = CLAIM.slice(0, offset).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1].length };
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.match(h ? (h.contents as MarkupContent).value : '', /command:claimlint\.showCodeDetails\?/, 'the hover links to the details');
    return (await client.request<string | null>('workspace/executeCommand', { command: 'claimlint.server.codeDetails', arguments: [uri, position] })) ?? '';
  }

  it('.claimlintrc data: flags what only the pack knows; hovers name the pack and use the locality', async () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [packs/cms-2026q2]\nlocality: "01112-05"\n');
    const uri = uriOf('visit.claim.yaml');
    client.open(uri, CLAIM);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'units-exceed-mue'));
    assert.ok(published.diagnostics.some((d) => d.code === 'ncci-pair-denied'));

    const md = await hoverOn(uri, '"97140"');
    assert.match(md, /\*\*MUE:\*\* 3 units, MAI 3 \(per date of service\)\. _Source: MUE practitioner services 2026-04-01, effective 2026-04-01 \(pack: cms-2026q2\)_/);
    // (0.43 × 1.1 + 0.38 × 1.5 + 0.02 × 0.5) × 33.4009 = $35.17
    assert.match(md, /2026 payment \(CMS PFS RVU26A\), locality 01112-05 \(SAN FRANCISCO\):\*\* \$35\.17 per unit/);
    const pair = await hoverOn(uri, '"97116"');
    assert.match(pair, /\*\*NCCI with 97530:\*\* 97530 is column 1, 97116 column 2; no modifier bypasses it\. _Source: NCCI PTP practitioner edits v321r0, effective 2026-04-01 \(pack: cms-2026q2\)_/);
  });

  it('the claimlint.dataPacks setting adds packs (relative to the workspace folder); without a locality, amounts stay national', async () => {
    client.settings = { dataPacks: ['packs/cms-2026q2'] };
    const uri = uriOf('visit.claim.yaml');
    client.open(uri, CLAIM);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'units-exceed-mue'));
    const md = await hoverOn(uri, '"97140"');
    assert.match(md, /2026 payment \(CMS PFS RVU26A\):\*\* \$27\.72 per unit, a national, unadjusted Medicare amount \(non-QP; no locality configured/);
    assert.match(md, /_Fee: CMS PFS RVU26A \(PPRRVU2026_Jan_nonQPP\.csv\), effective 2026-01-01 \(pack: cms-2026q2\)_/);
  });

  it('the Audit Summary data and the workspace audit use the packs and locality of each file (files not open too)', async () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [packs/cms-2026q2]\nlocality: "01112-05"\n');
    // 97110 × 3 for 24 minutes: one MPPR-reduced unit over; SAN FRANCISCO (0.45 × 1.1 + 0.40 × 1.5 / 2 + 0.02 × 0.5) × 33.4009 = $26.89.
    writeFileSync(join(dir, 'over.claim.yaml'), CLAIM.replace(/  lines:\n[\s\S]*$/, '  lines:\n    - { code: "97110", modifiers: [GP], units: 3, minutes: 24 }\n'));
    writeFileSync(join(dir, 'visit.claim.yaml'), CLAIM);
    type Data = { files: { path: string; claims: { money?: { delta: number; locality?: string } }[]; findings: { rule: string }[] }[] };
    const data = await client.request<Data>('workspace/executeCommand', { command: 'claimlint.server.auditSummaryData', arguments: [{}] });
    const over = data.files.find((f) => f.path === 'over.claim.yaml')!;
    assert.deepEqual(over.claims[0].money, { delta: 26.89, unpricedUnits: 0, locality: '01112-05 (SAN FRANCISCO)' });
    const visit = data.files.find((f) => f.path === 'visit.claim.yaml')!;
    assert.ok(visit.findings.some((f) => f.rule === 'units-exceed-mue'), 'a file that is not open is audited with the pack (imported MUE 97140: 3)');
  });

  it('a pack that cannot be read is named in a warning, and the audit goes on with the built-in data', async () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [packs/missing]\n');
    const uri = uriOf('visit.claim.yaml');
    client.open(uri, CLAIM);
    const published = await client.waitForDiagnostics(uri);
    assert.ok(!published.diagnostics.some((d) => d.code === 'units-exceed-mue'));
    const warning = await client.waitFor(() => client.shownMessages.find((m) => /data pack not used: .*packs\/missing: claimlint-pack\.json: missing/.test(m.message)), 'the pack warning');
    assert.ok(warning);
  });
});
