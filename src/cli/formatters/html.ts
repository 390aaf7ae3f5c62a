/**
 * `--format html`: the audit report as one self-contained HTML page (summary, charts,
 * claims table). The renderer is loaded on first use: in the bundle it is dist/report.js,
 * kept apart so that the CLI's other formats and the language server stay small.
 */
import { docsUrl } from '../../core';
import { reportFindings } from '../../report';
import type * as ReportHtml from '../../report/html';
import type { FileReport, Formatter } from '../report';

export interface HtmlFormatOptions {
  version: string;
  includePatientIds: boolean;
  /** The one line that differs between runs on the same input. */
  generatedAt: string;
}

type ReportModule = typeof ReportHtml;

function loadRenderer(): ReportModule {
  // esbuild.js turns this into require('./report.js') in dist/cli.js and dist/client.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  return require('../../report/html') as ReportModule;
}

export function makeHtmlFormatter(options: HtmlFormatOptions): Formatter {
  return (reports: FileReport[], outcome) =>
    loadRenderer().buildHtmlReport(
      reports.map((r) => ({ path: r.path, claims: r.claims ?? [], findings: reportFindings(r.findings) })),
      { version: options.version, generatedAt: options.generatedAt, includePatientIds: options.includePatientIds, ruleHref: docsUrl, patients: outcome?.patients },
    );
}

/** Now, or SOURCE_DATE_EPOCH (seconds) when set, for reproducible reports. */
export function generatedAt(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const d = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
