/**
 * The report's charts: horizontal bars written as SVG strings at report time (no DOM, no
 * chart library, no script in the output). Colours come from CSS classes (see style.ts:
 * `.bar-all rect`, `.bar-errors rect`, …), so the same SVG follows the page's light, dark
 * or high-contrast theme. Two shapes: count bars (all findings, errors drawn over them,
 * optionally links) and grouped bars (timed units billed beside supported, per code).
 */
import type { AuditFigures, Count } from '../figures/figures';
import { escapeHtml } from './escape';

export interface Charts {
  byRule: string;
  byCategory: string;
  byNpi: string;
  byDiscipline: string;
  units: string;
}

const WIDTH = 640;
const TOP = 20;
const BOTTOM = 36;
/**
 * 12 px at the chart's natural width: the page never draws a chart narrower than WIDTH
 * where it can help it (style.ts), so labels stay at 11 px or more at 100% zoom.
 */
export const FONT_PX = 12;
const FONT = `font-family="system-ui, sans-serif" font-size="${FONT_PX}"`;

/**
 * Integer ticks from 0 covering `max`: a step of 1, 2 or 5 × 10^k giving at most about six
 * ticks, and the axis end rounded up to a whole step ("nice" numbers, as a chart library picks).
 */
export function niceTicks(max: number, most = 6): number[] {
  const top = Math.max(1, Math.ceil(max));
  let step = 1;
  for (let k = 1; ; k *= 10) {
    const s = [1, 2, 5].map((m) => m * k).find((c) => Math.ceil(top / c) <= most);
    if (s !== undefined) {
      step = s;
      break;
    }
  }
  const end = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= end; t += step) ticks.push(t);
  return ticks;
}

/** The longest label, in pixels at the chart's font (about 0.6 em a character). */
function labelMargin(labels: readonly string[]): number {
  return Math.min(300, Math.max(70, 12 + FONT_PX * 0.6 * Math.max(0, ...labels.map((l) => l.length))));
}

const num = (x: number) => String(Math.round(x * 10) / 10);

interface Frame {
  left: number;
  right: number;
  height: number;
  /** x position of a value. */
  x: (v: number) => number;
  ticks: number[];
}

function frame(max: number, left: number, right: number, height: number): Frame {
  const ticks = niceTicks(max);
  const end = ticks[ticks.length - 1];
  return { left, right, height, ticks, x: (v) => left + ((WIDTH - left - right) * v) / end };
}

/** Grid lines, tick labels, the zero rule and the axis label. */
function axis(f: Frame, label: string): string {
  const bottom = f.height - BOTTOM;
  const grid = f.ticks.map((t) => `<line x1="${num(f.x(t))}" x2="${num(f.x(t))}" y1="${TOP}" y2="${bottom}" stroke="currentColor" stroke-opacity="0.1"/>`).join('');
  const labels = f.ticks.map((t) => `<text x="${num(f.x(t))}" y="${bottom + 14}" text-anchor="middle">${t}</text>`).join('');
  return (
    `<g class="grid" aria-hidden="true">${grid}</g><g class="ticks" aria-hidden="true">${labels}</g>` +
    `<text class="axis-label" x="${WIDTH - f.right}" y="${f.height - 4}" text-anchor="end">${escapeHtml(label)} →</text>` +
    `<line class="zero" x1="${num(f.x(0))}" x2="${num(f.x(0))}" y1="${TOP}" y2="${bottom}" stroke="currentColor"/>`
  );
}

function svg(height: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ${FONT} role="img" aria-label="${escapeHtml(label)}">${body}</svg>`;
}

interface Bar {
  y: number;
  height: number;
  value: number;
  title: string;
  href?: string;
}

/** One group of bars in one CSS class (the class colours them); each bar a link when it has an href. */
function bars(f: Frame, className: string, list: readonly Bar[]): string {
  const items = list.map((b) => {
    const rect = `<rect x="${num(f.x(0))}" y="${num(b.y)}" width="${num(f.x(b.value) - f.x(0))}" height="${num(b.height)}"><title>${escapeHtml(b.title)}</title></rect>`;
    return b.href ? `<a href="${escapeHtml(b.href)}">${rect}</a>` : rect;
  });
  return `<g class="${className}">${items.join('')}</g>`;
}

/** The value at the end of each bar. */
function valueLabels(f: Frame, list: readonly Bar[]): string {
  return `<g class="bar-label">${list.map((b) => `<text x="${num(f.x(b.value) + 4)}" y="${num(b.y + b.height / 2)}" dy="0.32em">${b.value}</text>`).join('')}</g>`;
}

/**
 * Horizontal bars of finding counts, errors drawn over the total. With `hrefOf`, each bar
 * is a link (the report's script turns "#rule=…" links into a filter of the claims table).
 */
export function countBars(counts: readonly Count[], label: string, hrefOf?: (key: string) => string, look: { titleOf?: (c: Count) => string; overlayClass?: string } = {}): string {
  const band = 24;
  const height = TOP + BOTTOM + band * Math.max(1, counts.length);
  const f = frame(Math.max(1, ...counts.map((c) => c.findings)), labelMargin(counts.map((c) => c.key)), 40, height);
  const bar = (c: Count, i: number, value: number): Bar => ({
    y: TOP + i * band + 2,
    height: band - 4,
    value,
    title: look.titleOf?.(c) ?? `${c.key}: ${c.findings} (${c.errors} errors)`,
    href: hrefOf?.(c.key),
  });
  const all = counts.map((c, i) => bar(c, i, c.findings));
  const keys = counts.map((c, i) => `<text x="${f.left - 6}" y="${TOP + i * band + band / 2}" dy="0.32em" text-anchor="end">${escapeHtml(c.key)}</text>`).join('');
  return svg(height, label, axis(f, label) + bars(f, 'bar-all', all) + bars(f, look.overlayClass ?? 'bar-errors', counts.map((c, i) => bar(c, i, c.errors))) + valueLabels(f, all) + `<g class="keys">${keys}</g>`);
}

/** Timed units billed beside supported, per code: one group of two bars per code. */
export function unitBars(figures: AuditFigures): string {
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
  const group = 40;
  const height = TOP + BOTTOM + group * Math.max(1, codes.length);
  const f = frame(Math.max(1, ...[...byCode.values()].flatMap((e) => [e.billed, e.supported])), 130, 72, height);
  const bar = (code: string, i: number, kind: 'billed' | 'supported'): Bar => ({
    y: TOP + i * group + (kind === 'billed' ? 3 : 20),
    height: 16,
    value: byCode.get(code)![kind],
    title: `${code}: ${byCode.get(code)![kind]} ${kind}`,
  });
  const billed = codes.map((code, i) => bar(code, i, 'billed'));
  const supported = codes.map((code, i) => bar(code, i, 'supported'));
  const labels = codes
    .map((code, i) => {
      const y = TOP + i * group;
      return (
        `<text x="${f.left - 6}" y="${y + 11}" dy="0.32em" text-anchor="end">billed</text>` +
        `<text x="${f.left - 6}" y="${y + 28}" dy="0.32em" text-anchor="end">supported</text>` +
        `<text x="${WIDTH - f.right + 24}" y="${y + group / 2}" dy="0.32em">${escapeHtml(code)}</text>`
      );
    })
    .join('');
  const label = 'timed units';
  return svg(height, label, axis(f, label) + bars(f, 'bar-billed', billed) + bars(f, 'bar-supported', supported) + valueLabels(f, [...billed, ...supported]) + `<g class="keys">${labels}</g>`);
}

export function renderCharts(figures: AuditFigures, ruleHref: (ruleId: string) => string): Charts {
  return {
    byRule: countBars(figures.byRule, 'findings by rule', ruleHref),
    byCategory: countBars(figures.byCategory, 'findings by category'),
    byNpi: countBars(figures.byNpi, 'findings by rendering NPI'),
    byDiscipline: countBars(figures.byDiscipline, 'findings by discipline'),
    units: unitBars(figures),
  };
}
