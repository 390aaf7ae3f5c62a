/**
 * The HTML audit report: figures from the core, charts and page from here. Its own bundle
 * (dist/report.js, loaded on first use) because the chart library and DOM are large: the
 * CLI and the extension require it only when a report is asked for, and the language
 * server never does.
 */
import { computeFigures, type FileAudit } from '../../core/report';
import { renderReport, type RenderOptions } from './render';

export { renderReport, escapeHtml, formatMoney, formatPercent, formatInt, type RenderOptions } from './render';

/** Figures and page in one call; `files` give the file order and the reveal indices. */
export function buildHtmlReport(files: readonly FileAudit[], opts: RenderOptions): string {
  return renderReport(computeFigures(files), files.map((f) => f.path), opts);
}
