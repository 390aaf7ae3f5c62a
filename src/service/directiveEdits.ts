/**
 * Edits that add inline directives: `# claimlint-disable-next-line <rule>` above a line
 * (same indentation) and `# claimlint-disable-file <rule>` after the leading comment block.
 * An existing directive of the same kind in that place gets the rule appended instead.
 */
import type { TextEdit } from '../core';
import { eolOf } from './edits';

interface LineSpan {
  start: number;
  /** End of the line's content, before its line break. */
  end: number;
}

/** Lines as LSP counts them (CRLF, LF and a lone CR each end a line), so a diagnostic's line is found. */
function lineSpans(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

/** Append `rule` to a directive comment line, or undefined when the line is not that directive. */
function appendToDirective(text: string, line: LineSpan, kind: string, rule: string): TextEdit[] | undefined {
  const body = text.slice(line.start, line.end);
  const m = new RegExp(`^\\s*#\\s*claimlint-${kind}(?=\\s|$)(.*)$`).exec(body);
  if (!m) return undefined;
  const rules = m[1].trim().split(/[\s,]+/).filter(Boolean);
  if (rules.length === 0 || rules.includes(rule)) return []; // already covers every rule, or this one
  const contentEnd = line.start + body.trimEnd().length;
  return [{ start: contentEnd, end: contentEnd, newText: ` ${rule}` }];
}

export function disableForLineEdits(text: string, line: number, rule: string): TextEdit[] {
  const lines = lineSpans(text);
  line = Math.max(0, Math.min(line, lines.length - 1));
  const target = lines[line];
  if (line > 0) {
    const appended = appendToDirective(text, lines[line - 1], 'disable-next-line', rule);
    if (appended) return appended;
  }
  const indent = /^[ \t]*/.exec(text.slice(target.start, target.end))![0];
  return [{ start: target.start, end: target.start, newText: `${indent}# claimlint-disable-next-line ${rule}${eolOf(text)}` }];
}

export function disableForFileEdits(text: string, rule: string): TextEdit[] {
  const lines = lineSpans(text);
  let i = 0;
  for (; i < lines.length; i++) {
    const body = text.slice(lines[i].start, lines[i].end);
    if (!/^\s*#/.test(body)) break;
    const appended = appendToDirective(text, lines[i], 'disable-file', rule);
    if (appended) return appended;
  }
  const eol = eolOf(text);
  if (i >= lines.length) {
    // Only comments: add the directive as the last line.
    const last = lines[lines.length - 1];
    const sep = last.end > last.start ? eol : '';
    return [{ start: text.length, end: text.length, newText: `${sep}# claimlint-disable-file ${rule}${eol}` }];
  }
  return [{ start: lines[i].start, end: lines[i].start, newText: `# claimlint-disable-file ${rule}${eol}` }];
}
