/**
 * Issue 22 item 5, "one price per line, everywhere": on every shipped example, each billed
 * line gets the same figure and the same phrase ("$27.72 national 2026, MPPR applied as the
 * 2nd service") from the hover on its code, Code Details, the report's facts (the HTML report),
 * the Audit Summary's data (claimlint.server.auditSummaryData, over the real connection) and
 * the KX accrual (claimAllowed, through the patient facts); the code lens's estimate is their
 * sum. The figures themselves are not written here: each surface is compared with the others.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Hover } from 'vscode-languageserver';
import { TestClient } from './support/harness';
import { codeHover } from '../../src/service/hoverText';
import { BUILTIN_DATA, fileClaims } from '../../src/core';
import { analyze } from '../../src/core/pipeline/analyze';
import { resolveConfig } from '../../src/core/config/schema';
import { collectClaims, type ReportClaim } from '../../src/report';
import { buildHtmlReport } from '../../src/report/html';
import type { AuditSummaryData } from '../../src/protocol';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { EXAMPLE_NAMES, exampleText } from '../support/paths';

/** "- **This line:** 2 units → PHRASE." in a hover or Code Details. */
function thisLine(md: string): string | undefined {
  return /^- \*\*This line:\*\* .*? → (.*)\.$/m.exec(md)?.[1];
}

describe('lsp: one price per line, everywhere (issue 22)', () => {
  let client: TestClient;
  let dir: string;
  beforeEach(async () => {
    dir = makeTmpDir('price');
    client = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] });
  });
  afterEach(() => {
    client.dispose();
    removeTmpDir(dir);
  });

  for (const name of EXAMPLE_NAMES) {
    it(`examples/${name}.claim.yaml: hover, Code Details, report facts, Audit Summary data and KX accrual give each line the same figure; the lens adds them up`, async () => {
      const text = exampleText(name);
      writeFileSync(join(dir, `${name}.claim.yaml`), text);
      const uri = pathToFileURL(join(dir, `${name}.claim.yaml`)).toString();
      client.open(uri, text);
      await client.waitForDiagnostics(uri);
      const analysis = analyze(text, { config: resolveConfig() });
      const report: ReportClaim[] = collectClaims(analysis);
      const kx = fileClaims(analysis, uri).claims;
      const summary = await client.request<AuditSummaryData>('workspace/executeCommand', { command: 'claimlint.server.auditSummaryData', arguments: [{ uri }] });
      assert.equal(summary.files.length, 1);
      const lenses: CodeLens[] = await client.request('textDocument/codeLens', { textDocument: { uri } });
      const html = buildHtmlReport([{ path: `${name}.claim.yaml`, claims: report, findings: [] }], { version: 'test' });
      const lineAt = (offset: number) => text.slice(0, offset).split('\n').length - 1;

      let compared = 0;
      let accrued = 0;
      for (const [k, placed] of analysis.claims.entries()) {
        const facts = report[k];
        assert.ok(facts.date && facts.lines.length, `claim ${k + 1} has a date and lines`);
        const region = text.slice(placed.start, placed.end);
        const codes = [...region.matchAll(/- code: "(\w{5})"/g)].map((m) => placed.start + m.index! + m[0].indexOf('"') + 1);
        assert.equal(codes.length, facts.lines.length, `claim ${k + 1}: one code per line`);
        let sum = 0;
        for (const [i, line] of facts.lines.entries()) {
          const price = line.price!;
          const where = `claim ${k + 1} line ${i + 1} (${line.code})`;
          const at = lineAt(codes[i]);
          const position = { line: at, character: codes[i] - text.lastIndexOf('\n', codes[i] - 1) - 1 + 1 };
          const h: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position });
          const hover = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
          assert.equal(thisLine(hover), price.phrase, `${where}: hover`);
          const details = (await client.request<string | null>('workspace/executeCommand', { command: 'claimlint.server.codeDetails', arguments: [uri, position] })) ?? '';
          if (price.priced) assert.equal(thisLine(details), price.phrase, `${where}: Code Details`);
          assert.deepEqual(summary.files[0].claims[k].lines[i].price, price, `${where}: Audit Summary data`);
          assert.ok(html.includes(`${line.code} × ${line.units}: ${price.phrase.replace(/&/g, '&amp;')}</li>`), `${where}: the HTML report shows the phrase`);
          const accrual = kx.find((c) => c.index === k)?.lines.find((l) => l.index === line.index);
          if (price.priced && accrual?.bucket) {
            assert.equal(accrual.allowed, price.amount, `${where}: KX accrual`);
            accrued++;
          }
          if (price.priced && line.units > 0) {
            assert.match(price.phrase, /^\$[\d,]+\.\d\d national \d{4}/, `${where}: ${price.phrase}`);
            sum += price.amount;
          }
          compared++;
        }
        const lens = lenses
          .filter((l) => l.range.start.line >= lineAt(placed.start) && l.range.start.line <= lineAt(placed.end))
          .map((l) => /est\. \$([\d,.]+) for/.exec(l.command?.title ?? '')?.[1])
          .find((x): x is string => !!x);
        assert.ok(lens, `claim ${k + 1}: a code lens estimate`);
        assert.equal(Math.round(sum * 100) / 100, Number(lens.replace(/,/g, '')), `claim ${k + 1}: the lens is the sum of the lines`);
      }
      assert.ok(compared >= 1 && accrued >= 1, `${compared} lines compared, ${accrued} with a KX accrual`);
    });
  }

  it('the examples show every MPPR place and an unpaid line: 1st in full, a later service reduced, 97010 bundled', () => {
    const phrases = EXAMPLE_NAMES.flatMap((name) => collectClaims(analyze(exampleText(name), { config: resolveConfig() })))
      .flatMap((c) => c.lines.map((l) => l.price?.phrase ?? ''));
    assert.ok(phrases.some((p) => /MPPR: (paid in full as the 1st service|1st unit in full, \d+ more at 50% practice expense)/.test(p)));
    assert.ok(phrases.some((p) => /MPPR applied as the \d+(nd|rd|th) service/.test(p)));
    assert.ok(phrases.some((p) => /^no amount for 2026: bundled under Medicare \(status B/.test(p)));
  });

  it('a hover names CMS\'s status verdict and release for a code Medicare does not pay (92605, status B)', () => {
    const md = codeHover('92605', '2026-03-04', { modifiers: ['GN'], units: 1 }, BUILTIN_DATA) ?? '';
    assert.match(md, /- \*\*Medicare:\*\* bundled \(status B, CMS PFS RVU26C\) for 2026: its payment is always included/);
    assert.match(md, /- \*\*Payment:\*\* none for 2026: bundled under Medicare \(status B, CMS PFS RVU26C\)/);
    assert.doesNotMatch(codeHover('97110', '2026-03-04', { modifiers: ['GP'], units: 1 }, BUILTIN_DATA) ?? '', /\*\*Medicare:\*\*/);
  });
});
