/**
 * Per-claim scaling (issue 11 item 7): one claim of 250 … 4,000 service lines through the
 * engine (audit, fix-all) and the editor features, CPU time in this process. Linear work
 * shows as a time ratio close to the line ratio (4× lines → about 4× time).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { audit, fixAll } from '../../src/core/engine';
import { resolveConfig } from '../../src/core/config/schema';
import { ClaimLanguageService } from '../../src/server/service';
import { longClaim } from './generate';

export interface ScalingFigure {
  lines: number;
  audit: number;
  fixAll: number;
  editor: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median CPU time (user + system, ms) of `fn`: on a shared machine the wall clock mostly
 * measures the neighbours, CPU time measures the work.
 */
function time(runs: number, fn: () => void): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    out.push((d.user + d.system) / 1000);
  }
  return median(out);
}

export function claimScaling(sizes: number[], runs = 3): ScalingFigure[] {
  const config = resolveConfig();
  const measure = (lines: number): ScalingFigure => {
    const text = longClaim(lines);
    const doc = TextDocument.create('file:///bench/long.claim.yaml', 'yaml', 1, text);
    return {
      lines,
      audit: time(runs, () => audit(text, { config })),
      fixAll: time(runs, () => fixAll(text, { config })),
      // A fresh service (no cache): diagnostics, lenses, a hover and the quick fixes of one line.
      editor: time(runs, () => {
        const service = new ClaimLanguageService();
        const diagnostics = service.diagnostics(doc, config);
        service.codeLenses(doc, config);
        const mid = doc.positionAt(Math.floor(text.length / 2));
        service.hover(doc, mid, config);
        const onLine = diagnostics.filter((d) => d.range.start.line === diagnostics[Math.floor(diagnostics.length / 2)]?.range.start.line);
        service.codeActions(doc, { diagnostics: onLine }, config);
      }),
    };
  };
  measure(300); // warm the code paths up (JIT), then measure
  measure(300);
  return sizes.map(measure);
}

