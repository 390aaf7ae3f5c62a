/**
 * The report's charts: Observable Plot rendered at report time into inline SVG, on a
 * linkedom document (no browser, no script in the output). Colours come from CSS classes
 * (see style.ts), so the same SVG follows the page's light, dark or high-contrast theme.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { AuditFigures, Count } from '..';

export interface Charts {
  byRule: string;
  byCategory: string;
  byNpi: string;
  byDiscipline: string;
  units: string;
}

type Doc = NonNullable<Plot.PlotOptions['document']>;

function newDocument(): Doc {
  return (parseHTML('<!doctype html><html><head></head><body></body></html>') as unknown as { document: Doc }).document;
}

function svgOf(node: unknown): string {
  return (node as { outerHTML: string }).outerHTML;
}

/** The longest label, in pixels at Plot's 10px default font (about 6px a character). */
function labelMargin(labels: readonly string[]): number {
  return Math.min(260, Math.max(60, 12 + 6 * Math.max(0, ...labels.map((l) => l.length))));
}

/**
 * Horizontal bars of finding counts, errors drawn over the total. With `hrefOf`, each bar
 * is a link (the report's script turns "#rule=…" links into a filter of the claims table).
 */
function countBars(document: Doc, counts: readonly Count[], label: string, hrefOf?: (key: string) => string): string {
  const rows = counts.map((c) => ({ key: c.key, findings: c.findings, errors: c.errors }));
  const common = { y: 'key', sort: null, title: (d: (typeof rows)[number]) => `${d.key}: ${d.findings} (${d.errors} errors)` } as const;
  const link = hrefOf ? { href: (d: (typeof rows)[number]) => hrefOf(d.key) } : {};
  const plot = Plot.plot({
    document,
    width: 640,
    height: 56 + 22 * Math.max(1, rows.length),
    marginLeft: labelMargin(rows.map((r) => r.key)),
    marginRight: 40,
    x: { label, grid: true, tickFormat: 'd', domain: [0, Math.max(1, ...rows.map((r) => r.findings))], nice: true },
    y: { label: null, domain: rows.map((r) => r.key) },
    marks: [
      Plot.barX(rows, { ...common, x: 'findings', className: 'bar-all', ...link }),
      Plot.barX(rows, { ...common, x: 'errors', className: 'bar-errors', ...link }),
      Plot.text(rows, { y: 'key', x: 'findings', text: (d: (typeof rows)[number]) => String(d.findings), dx: 4, textAnchor: 'start', className: 'bar-label' }),
      Plot.ruleX([0]),
    ],
  });
  return svgOf(plot);
}

/** Timed units billed beside supported, per code (grouped bars, one facet per code). */
function unitBars(document: Doc, figures: AuditFigures): string {
  const byCode = new Map<string, { billed: number; supported: number }>();
  for (const row of figures.rows) {
    for (const c of row.claim.timed ?? []) {
      const e = byCode.get(c.code) ?? { billed: 0, supported: 0 };
      e.billed += c.billed;
      e.supported += c.supported;
      byCode.set(c.code, e);
    }
  }
  const codes = [...byCode.keys()].sort();
  const data = codes.flatMap((code) => [
    { code, kind: 'billed', units: byCode.get(code)!.billed },
    { code, kind: 'supported', units: byCode.get(code)!.supported },
  ]);
  const title = (d: (typeof data)[number]) => `${d.code}: ${d.units} ${d.kind}`;
  const plot = Plot.plot({
    document,
    width: 640,
    height: 40 + 40 * Math.max(1, codes.length),
    marginLeft: 130,
    marginRight: 64,
    x: { label: 'timed units', grid: true, tickFormat: 'd', domain: [0, Math.max(1, ...data.map((d) => d.units))], nice: true },
    y: { label: null, domain: ['billed', 'supported'] },
    fy: { label: null, domain: codes },
    marks: [
      Plot.barX(
        data.filter((d) => d.kind === 'billed'),
        { x: 'units', y: 'kind', fy: 'code', title, className: 'bar-billed' },
      ),
      Plot.barX(
        data.filter((d) => d.kind === 'supported'),
        { x: 'units', y: 'kind', fy: 'code', title, className: 'bar-supported' },
      ),
      Plot.text(data, { x: 'units', y: 'kind', fy: 'code', text: (d: (typeof data)[number]) => String(d.units), dx: 4, textAnchor: 'start', className: 'bar-label' }),
      Plot.ruleX([0]),
    ],
  });
  return svgOf(plot);
}

export function renderCharts(figures: AuditFigures, ruleHref: (ruleId: string) => string): Charts {
  const document = newDocument();
  return {
    byRule: countBars(document, figures.byRule, 'findings by rule', ruleHref),
    byCategory: countBars(document, figures.byCategory, 'findings by category'),
    byNpi: countBars(document, figures.byNpi, 'findings by rendering NPI'),
    byDiscipline: countBars(document, figures.byDiscipline, 'findings by discipline'),
    units: unitBars(document, figures),
  };
}
