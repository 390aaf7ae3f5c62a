/**
 * Block scalars (`|`, `|-`, `>`, `>-`) as the `yaml` package reads them, for the plain case
 * claim files use (documentation text): every content line at one indentation, blank lines
 * between them. More-indented lines, blank lines holding more spaces than the indentation,
 * a blank first line, keep chomping (`+`), indentation indicators and header comments
 * decline.
 */
import { BLANK, decline, type Lines } from './lines';

export interface BlockScalar {
  value: string;
  /** Offset after the last content line (after its newline, when it has one). */
  end: number;
  /** The last content line. */
  lastLine: number;
}

/** The block scalar whose header starts at `at` on line `line`, under a mapping at column `parentIndent`. */
export function blockScalar(text: string, lines: Lines, line: number, at: number, parentIndent: number): BlockScalar {
  const folded = text[at] === '>';
  let i = at + 1;
  const strip = text[i] === '-';
  if (strip) i++;
  const lineEnd = lines.end[line];
  while (i < lineEnd && text.charCodeAt(i) === 32) i++;
  if (i !== lineEnd) decline();
  const first = line + 1;
  if (first >= lines.count || lines.kind[first] === BLANK) decline();
  const indent = lines.indent[first];
  if (indent <= parentIndent) decline();
  const parts: string[] = [];
  let blanks = 0;
  let last = first;
  for (let n = first; n < lines.count; n++) {
    if (lines.kind[n] === BLANK) {
      if (lines.end[n] - lines.start[n] > indent) decline();
      blanks++;
      continue;
    }
    const ind = lines.indent[n];
    if (ind < indent) break;
    if (ind > indent) decline();
    const content = text.slice(lines.start[n] + indent, lines.end[n]);
    if (parts.length === 0) parts.push(content);
    else if (folded) parts.push(blanks === 0 ? ' ' : '\n'.repeat(blanks), content);
    else parts.push('\n'.repeat(blanks + 1), content);
    blanks = 0;
    last = n;
  }
  const end = lines.end[last] < text.length ? lines.end[last] + 1 : text.length;
  return { value: parts.join('') + (strip ? '' : '\n'), end, lastLine: last };
}
