/** Human-readable output grouped by file, in the manner of ESLint's "stylish". */
import { isFixable, type Formatter } from '../report';
import { terminalSafe as safe } from './safe';

/** Whether stylish paints: standard output is a terminal and NO_COLOR is not set. */
export const useColor = (): boolean => !!process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, s: string): string => (useColor() ? `\u001b[${code}m${s}\u001b[0m` : s);
const SEVERITY_COLOR = { error: 31, warning: 33, info: 36 } as const;

export const formatStylish: Formatter = (reports, outcome) => {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const r of reports) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
    if (r.fixesApplied) out.push(`${paint(4, safe(r.path))}: ${r.fixesApplied} fix${r.fixesApplied === 1 ? '' : 'es'} applied`);
    if (!r.findings.length) continue;
    out.push(paint(4, safe(r.path)));
    for (const f of r.findings) {
      if (isFixable(f)) fixable++;
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      out.push(`  ${where}${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(8))}${safe(f.message)}  ${paint(2, safe(f.path))}  ${paint(2, safe(f.rule))}`);
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  const failed = outcome?.errorsAbove ?? 0;
  const skipped = outcome?.notAudited ?? 0;
  if (failed) {
    // Something could not be read or configured: never a "✔ … no problems" beside it.
    const audited = `${reports.length} file${reports.length === 1 ? '' : 's'} audited`;
    const found = total === 0 ? 'no problems in them' : `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
    const notAudited = skipped ? `, ${skipped} file${skipped === 1 ? '' : 's'} not audited` : '';
    out.push(paint(31, `✖ ${failed} error${failed === 1 ? '' : 's'} above (the audit is incomplete)${notAudited}; ${audited}, ${found}`));
    if (fixable) out.push(`  ${fixable} can be fixed with --fix`);
  } else if (total === 0) {
    out.push(`✔ ${reports.length} file${reports.length === 1 ? '' : 's'} audited, no problems`);
  } else {
    out.push(paint(errors ? 31 : 33, `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info) in ${reports.length} file${reports.length === 1 ? '' : 's'}`));
    if (fixable) out.push(`  ${fixable} can be fixed with --fix`);
  }
  return out.join('\n') + '\n';
};
