/**
 * Hover: finds the key or value under the cursor through the claim's source map and
 * explains it — a code, a modifier, the visit's 8-minute arithmetic (on minutes, units and
 * the visit totals), a documentation field's guidance, or any other key's meaning.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { type Analysis, type NodeAt, type ReferenceData, type ResolvedConfig } from '../core';
import { fieldGuidance, type GuidanceField } from '../core/explain';
import { dataDate, rawAt } from './claimData';
import { rangeOf } from './edits';
import { codeHover, codeHoverShort, modifierHover, unitsHover, type LineFacts } from './hoverText';
import { commandLink, findingsOnLine, lineVerdict } from './lineVerdict';
import { CLIENT_COMMANDS } from '../protocol';
import { describeOf, keyPathOf, schemaAt } from './schemaNav';
import { visitSummary } from './visitSummary';

/**
 * More lines for a hover inside a service line (`line`, from 0) or on the claim's id (`line`
 * undefined) — the server's payer decisions (src/server/payerDecisions.ts); undefined: nothing.
 */
export type HoverNotes = (claim: { document: number; path: string }, line: number | undefined) => readonly string[] | undefined;

const GUIDED_FIELDS = new Set<string>(['justification', 'functional_goal', 'supervision_need', 'intervention', 'assistance_level', 'equipment']);

/**
 * A hover on a line's code is short (it must fit the hover window): the code's name,
 * timing, usual modifiers and this line's estimate first; then the line's other findings
 * (those VS Code does not already show under the cursor) or "no problems"; and a "More"
 * link to the full explanation (codeDetails).
 */
export function hover(analysis: Analysis, doc: TextDocument, position: Position, config: ResolvedConfig, notes?: HoverNotes): Hover | null {
  const at = analysis.nodeAt(doc.offsetAt(position));
  if (!at) return null;
  const code = codeAt(at, config);
  const line = /^lines\[(\d+)\]/.exec(at.path);
  const extra = (line || at.path === 'id' ? notes?.({ document: at.claim.document, path: at.claim.prefix }, line ? Number(line[1]) : undefined) : undefined) ?? [];
  const more = extra.length ? ['', ...extra] : [];
  let value: string | undefined;
  if (code) {
    const linePath = at.claim.prefix ? `${at.claim.prefix}.lines[${code.index}]` : `lines[${code.index}]`;
    const verdict = lineVerdict(findingsOnLine(at.claim.findings, linePath), rangeOf(doc, at.span), code.index + 1, code.code, linePath);
    const details = commandLink(`More about ${code.code}…`, CLIENT_COMMANDS.showCodeDetails, [doc.uri, position]);
    // The code's explanation first; then only what the diagnostics in the same hover cannot say.
    value = [...codeHoverShort(code.code, code.date, code.facts, analysis.data, config.locality), ...(verdict.length ? ['', ...verdict] : []), ...more, '', details].join('\n');
  } else {
    value = hoverMarkdown(at, config, analysis.data);
    if (extra.length) value = [...(value ? [value] : []), ...(value ? more : extra)].join('\n');
  }
  if (!value) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(doc, at.span) };
}

/** The full explanation of the code under the position (the hover's "More"), or null. */
export function codeDetails(analysis: Analysis, doc: TextDocument, position: Position, config: ResolvedConfig): string | null {
  const at = analysis.nodeAt(doc.offsetAt(position));
  const code = at && codeAt(at, config);
  return (code && codeHover(code.code, code.date, code.facts, analysis.data, config.locality)) ?? null;
}

/** The service line's code under the cursor, with the line's facts. */
function codeAt(at: NodeAt, config: ResolvedConfig): { code: string; index: number; date: string; facts: LineFacts } | undefined {
  const m = at.on === 'value' ? /^lines\[(\d+)\]\.code$/.exec(at.path) : null;
  if (!m) return undefined;
  const raw = at.claim.raw;
  const index = Number(m[1]);
  const line = rawAt(raw, 'lines', index);
  const code = rawAt(line, 'code');
  if (code === undefined || code === null || code === '') return undefined;
  const units = rawAt(line, 'units');
  const charge = rawAt(line, 'charge');
  return {
    code: String(code),
    index,
    date: dataDate(raw, config),
    facts: {
      modifiers: modifiersOf(rawAt(line, 'modifiers')),
      units: typeof units === 'number' ? units : undefined,
      charge: typeof charge === 'number' ? charge : undefined,
      plan: stringOr(rawAt(raw, 'plan_of_care', 'discipline')),
      otherCodes: otherCodes(rawAt(raw, 'lines'), index),
      day: { lines: dayLines(rawAt(raw, 'lines')), index, medicare: rawAt(raw, 'payer', 'type') === 'medicare' },
    },
  };
}

/** Every line of the claim as the day's pricing reads it (one price per line: MPPR across the day's lines). */
function dayLines(lines: unknown): NonNullable<LineFacts['day']>['lines'] {
  if (!Array.isArray(lines)) return [];
  return lines.map((l) => {
    const code = rawAt(l, 'code');
    const units = rawAt(l, 'units');
    const charge = rawAt(l, 'charge');
    const out: NonNullable<LineFacts['day']>['lines'][number] = {
      code: typeof code === 'string' || typeof code === 'number' ? String(code) : '',
      units: typeof units === 'number' ? units : 0,
      modifiers: modifiersOf(rawAt(l, 'modifiers')).map((m) => m.toUpperCase()),
    };
    if (typeof charge === 'number') out.charge = charge;
    return out;
  });
}

function hoverMarkdown(at: NodeAt, config: ResolvedConfig, data: ReferenceData): string | undefined {
  const { claim, path, on } = at;
  const raw = claim.raw;
  const date = dataDate(raw, config);
  let m: RegExpExecArray | null;

  if (on === 'value' && /^lines\[\d+\]\.modifiers\[\d+\]$/.test(path)) {
    const mod = at.entry.kind === 'scalar' ? at.entry.scalar : undefined;
    if (mod === undefined || mod === null) return undefined;
    return modifierHover(typeof mod === 'number' ? String(mod).padStart(2, '0') : String(mod), date);
  }
  if (/^lines\[\d+\]\.(minutes|units|assistant_minutes)$/.test(path) || /^visit(\.total_timed_minutes)?$/.test(path)) {
    const v = claim.validated();
    if (!v.claim) return keyDescription(claim.prefix, path);
    const documented = v.claim.visit?.total_timed_minutes;
    return unitsHover(visitSummary(v.claim, v.lineIndex, v.complete, config, data), documented);
  }
  if (on === 'key' && (m = /^lines\[\d+\]\.documentation\.(\w+)$/.exec(path)) && GUIDED_FIELDS.has(m[1])) {
    const g = fieldGuidance(m[1] as GuidanceField);
    if (g) return [`**${g.title}**`, '', g.strongEntry, '', `_Example:_ ${g.example}`].join('\n');
  }
  if (on === 'key') return keyDescription(claim.prefix, path);
  return undefined;
}

function keyDescription(prefix: string, path: string): string | undefined {
  const keys = keyPathOf(prefix, path);
  const schema = schemaAt(keys);
  const description = schema && describeOf(schema);
  return description ? `**${keys[keys.length - 1]}** — ${description}` : undefined;
}

function modifiersOf(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.filter((m) => m !== null && m !== undefined).map((m) => (typeof m === 'number' ? String(m).padStart(2, '0') : String(m)));
}

/** The codes of the claim's other lines (for the NCCI pairs a code hover lists). */
function otherCodes(lines: unknown, self: number): string[] {
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((l, i) => {
    const c = i === self ? undefined : rawAt(l, 'code');
    return typeof c === 'string' || typeof c === 'number' ? [String(c)] : [];
  });
}

function stringOr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
