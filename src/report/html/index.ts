/**
 * The HTML audit report: figures from src/report, charts (SVG strings) and page from here.
 * Its own bundle (dist/report.js, loaded on first use): the CLI and the extension require it
 * only when a report is asked for, and the language server never does.
 */
import { computeFigures, type AuditFigures, type FileAudit } from '../figures/figures';
import { renderReport, type RenderOptions } from './render';

export { renderReport, escapeHtml, formatMoney, formatPercent, formatInt, type RenderOptions } from './render';

/** Figures and page in one call; `files` give the file order and the reveal indices. */
export function buildHtmlReport(files: readonly FileAudit[], opts: RenderOptions): string {
  return buildHtmlReportWithFigures(files, opts).html;
}

export function buildHtmlReportWithFigures(files: readonly FileAudit[], opts: RenderOptions): { html: string; figures: AuditFigures } {
  const figures = computeFigures(files);
  return { html: renderReport(figures, files.map((f) => f.path), opts), figures };
}
export { payerFigures, type PayerFigures } from '../figures/payer';
export { payerSection } from './payer';
