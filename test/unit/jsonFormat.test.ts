/**
 * `--format json` is written finding by finding (src/cli/formatters/json.ts), not through one
 * JSON.stringify of the whole report: its text must stay exactly what that stringify (plus
 * jsonSafe) gave, for every kind of finding and string, and in chunks that join to it.
 */
import assert from 'node:assert/strict';
import { formatJson } from '../../src/cli/formatters/json';
import { jsonSafe } from '../../src/cli/formatters/safe';
import { fileReport, isFixable, type FileReport } from '../../src/cli/report';
import { audit, type LocatedFinding, type RelatedLocation } from '../../src/core';

/** The report as the formatter wrote it before: one JSON.stringify(…, null, 2) of this shape. */
function reference(reports: FileReport[]): string {
  return (
    jsonSafe(
      JSON.stringify(
        {
          version: 1,
          files: reports.map((r) => ({
            path: r.path,
            errorCount: r.errorCount,
            warningCount: r.warningCount,
            infoCount: r.infoCount,
            findings: r.findings.map((f) => ({
              rule: f.rule,
              severity: f.severity,
              message: f.message,
              document: f.document,
              path: f.path,
              line: f.range.start.line + 1,
              column: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
              fixable: isFixable(f),
              ...('related' in f && Array.isArray(f.related) && f.related.length
                ? {
                    related: (f.related as RelatedLocation[]).map((r) => ({
                      file: r.file,
                      ...(r.claimId !== undefined ? { claimId: r.claimId } : {}),
                      path: r.path,
                      line: r.range.start.line + 1,
                      column: r.range.start.character + 1,
                      message: r.message,
                    })),
                  }
                : {}),
            })),
          })),
        },
        null,
        2,
      ),
    ) + '\n'
  );
}

const at = (line: number, character: number) => ({ line, character });
const range = { start: at(2, 4), end: at(2, 9) };

function finding(over: Partial<LocatedFinding> & Record<string, unknown>): LocatedFinding {
  return { rule: 'timed-units-total', severity: 'error', message: 'Service line 1 (97110): 9 units billed.', path: 'claims[0].lines[0].units', span: { start: 10, end: 11 }, range, fixes: [], document: 0, ...over } as LocatedFinding;
}

const related = (over: Partial<RelatedLocation>): RelatedLocation => ({ file: 'other.claim.yaml', claimId: 'CLM-2', path: 'claims[1].lines[0].units', span: { start: 1, end: 2 }, range, message: '4 units for 53 minutes on this claim', ...over }) as RelatedLocation;

describe('--format json written finding by finding', () => {
  it('is byte for byte the one-stringify report: no files, a file without findings, and findings of every shape', () => {
    const odd = [
      finding({}),
      finding({ document: undefined }),
      finding({ severity: 'warning', fixes: [{ id: 'x', title: 'Bill 1 unit', edits: [{ start: 10, end: 11, newText: '1' }], preferred: true }] }),
      finding({ severity: 'info', fixes: [{ id: 'y', title: 'not preferred', edits: [] }] }),
      // Escapes JSON.stringify makes (quotes, backslash, controls, lone surrogates) and those jsonSafe adds (C1, bidi, separators).
      finding({ message: 'a "quoted" \\ back\nline\ttab \u0001 \u007f \u0085 \u061c \u200e \u202e \u2066 \u2028 \u2029 \ud800 é ✓ 😀', path: 'claims[0].\u202ex' }),
      finding({ related: [] }),
      finding({ related: [related({}), related({ claimId: undefined, file: 'b\u202e.claim.yaml', message: 'm "q"' })] }),
      finding({ document: 3, range: { start: at(0, 0), end: at(120000, 77) } }),
      // Members of unusual kinds are written one by one, as the stringify would (left out, null, fractions).
      finding({ message: undefined, path: undefined }),
      finding({ document: 1.5, range: { start: at(Number.NaN, 2.25), end: at(Infinity, -0) } }),
      finding({ rule: 7 as unknown as string }),
    ];
    const cases: FileReport[][] = [[], [fileReport('empty.claim.yaml', [])], [fileReport('w\u200e "odd".claim.yaml', odd), fileReport('e.claim.yaml', []), fileReport('z.claim.yaml', odd.slice(4))]];
    for (const reports of cases) assert.equal(formatJson(reports), reference(reports));
  });

  it('a real audit’s findings, and a report of several megabytes in chunks that join to the same text', () => {
    const text = `claims:\n  - id: CLM-1\n    date_of_service: 2026-01-05\n    payer: { type: medicare }\n    lines:\n      - code: "97110"\n        units: 9\n        minutes: 20\n`;
    const found = audit(text).findings;
    assert.ok(found.length > 0, 'the audit found something');
    assert.equal(formatJson([fileReport('a.claim.yaml', found)]), reference([fileReport('a.claim.yaml', found)]));
    const many = Array.from({ length: 12000 }, (_, i) => finding({ message: `Service line ${i + 1} (97110): ${i} units — “billed”.`, range: { start: at(i, 2), end: at(i, 9) } }));
    const reports = [fileReport('big.claim.yaml', many), fileReport('small.claim.yaml', found)];
    const chunks = [...formatJson.chunks(reports)];
    assert.ok(chunks.length > 2, `in chunks (${chunks.length})`);
    assert.equal(Buffer.concat(chunks.map((c) => Buffer.from(c))).toString(), reference(reports));
    // A finding longer than a chunk gets a buffer of its own; the text stays whole.
    const long = [finding({ message: 'é'.repeat(700000) }), ...many.slice(0, 3)];
    assert.equal(Buffer.concat([...formatJson.chunks([fileReport('long.claim.yaml', long)])].map((c) => Buffer.from(c))).toString(), reference([fileReport('long.claim.yaml', long)]));
  });
});
