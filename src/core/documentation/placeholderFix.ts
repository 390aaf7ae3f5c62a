/**
 * Edits that add placeholder entries to a line's `documentation` mapping, or create the
 * mapping when the line has none. Only FixBuilder edits are used, so the rest of the file
 * (comments, quoting, flow or block style) stays as it was.
 */
import type { ClaimContext, TextEdit } from '../types';

export interface Placeholder {
  key: string;
  /** The value as YAML text, e.g. a double-quoted string. */
  value: string;
}

/** A YAML double-quoted scalar. */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

function flowMap(items: Placeholder[]): string {
  return `{ ${items.map((p) => `${p.key}: ${p.value}`).join(', ')} }`;
}

/** Several insertions at one offset, merged into one edit that keeps their order. */
function merge(edits: TextEdit[]): TextEdit[] {
  if (edits.length <= 1) return edits;
  const at = edits[0];
  if (!edits.every((e) => e.start === at.start && e.end === at.end)) return edits;
  const text = edits.map((e, i) => (i > 0 ? e.newText.replace(/^\n/, '') : e.newText)).join('');
  return [{ start: at.start, end: at.end, newText: text }];
}

export function addPlaceholders(ctx: ClaimContext, lineIndex: number, items: Placeholder[]): TextEdit[] {
  if (!items.length) return [];
  const linePath = `lines[${lineIndex}]`;
  const docPath = `${linePath}.documentation`;
  const entry = ctx.src.get(docPath);
  if (entry && entry.kind !== 'none') {
    // `documentation: {}`: separate insertions into an empty flow map would lack commas.
    if (entry.kind === 'map' && entry.keys!.length === 0) return ctx.fix.setValue(docPath, flowMap(items));
    return merge(items.flatMap((p) => ctx.fix.insertKey(docPath, p.key, p.value)));
  }
  // No mapping: probe where `documentation:` would go to learn the line's key indentation.
  const probe = ctx.fix.insertKey(linePath, 'documentation', '~');
  if (probe.length !== 1) return [];
  const flow = !probe[0].newText.endsWith('\n');
  if (flow) {
    return ctx.fix.insertKey(linePath, 'documentation', flowMap(items));
  }
  const indent = /^\n?( *)/.exec(probe[0].newText)![1].length;
  const inner = ' '.repeat(indent + 2);
  return ctx.fix.insertKey(linePath, 'documentation', items.map((p) => `\n${inner}${p.key}: ${p.value}`).join(''));
}
