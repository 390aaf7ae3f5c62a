/**
 * A code that only an imported Annual Therapy Code List knows (issue 24 item 8), in the real
 * language server: no unknown-code diagnostic, its imported MUE flags, and its hover names
 * the list and pack it comes from. The pack is imported from CMS's files in
 * ../shared/real-inputs/cms, read in place.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { importPack } from '../../src/datapacks/build';
import { realInput } from '../support/realInputs';
import { TestClient } from './support/harness';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const FILES = ['2026_Annual_Therapy_Code_List.probe.csv', 'MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv', 'ccipra-v322r0-f1.excerpt.txt'];
const CLAIM = `claim:
  id: LAB-1
  date_of_service: 2026-07-15
  payer: { type: medicare }
  lines:
    - { code: "0001U", units: 1 }
    - { code: "0009U", units: 3 }
`;

describe('lsp: codes only an imported therapy code list knows', function () {
  this.timeout(30_000);
  let dir: string;
  let client: TestClient;
  before(function () {
    if (!realInput('cms', FILES[0])) this.skip();
  });
  beforeEach(async () => {
    dir = makeTmpDir('lsp-listed');
    const pack = importPack(
      FILES.map((name) => ({ name, bytes: readFileSync(realInput('cms', name)!) })),
      { packName: 'cms-probe', createdBy: 'test', sha256: (d) => createHash('sha256').update(d).digest('hex') },
    );
    mkdirSync(join(dir, 'packs', 'cms-probe'), { recursive: true });
    for (const [name, text] of pack.files) writeFileSync(join(dir, 'packs', 'cms-probe', name), text);
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [packs/cms-probe]\n');
    client = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] });
  });
  afterEach(async () => {
    await client?.dispose();
    removeTmpDir(dir);
  });

  it('no unknown-code; the imported MUE applies; the hover names the Annual Therapy Code List, the pack and the MUE source', async () => {
    const uri = pathToFileURL(join(dir, 'lab.claim.yaml')).toString();
    client.open(uri, CLAIM);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'units-exceed-mue'));
    assert.deepEqual(published.diagnostics.filter((d) => d.code === 'unknown-code'), []);

    const offset = CLAIM.indexOf('"0009U"') + 2;
    const before = CLAIM.slice(0, offset).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1].length };
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    const short = hover ? (hover.contents as MarkupContent).value : '';
    assert.match(short, /\*\*0009U\*\* — on the Annual Therapy Code List \(sometimes therapy\); not in claimlint's code catalogue/);
    const md = (await client.request<string | null>('workspace/executeCommand', { command: 'claimlint.server.codeDetails', arguments: [uri, position] })) ?? '';
    assert.match(md, /\*\*MUE:\*\* 2 units, MAI 3 \(per date of service\)\. _Source: MUE practitioner services 2026-07-01, effective 2026-07-01 \(pack: cms-probe\)_/);
    assert.match(md, /_Source: Annual Therapy Code List 2026, effective 2026-01-01 \(pack: cms-probe\)_/);
    assert.match(md, /Not checked:\*\* its units against minutes, its modifiers and its documentation/);
  });
});
