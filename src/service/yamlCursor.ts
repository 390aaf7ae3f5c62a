/**
 * Where the cursor is in the YAML, read from the text lines rather than from the parse
 * tree: while a line is half-typed the tree is unreliable, but indentation still tells
 * which mapping the cursor is in. Block style only (the format's style); flow mappings and
 * multi-line keys give no context.
 */

export type CursorContext =
  | {
      /** Typing a key of the mapping at `path`. */
      kind: 'key';
      path: string[];
      /** Column of the mapping's keys. */
      column: number;
      partial: string;
      /** Keys already present in that mapping. */
      siblings: Set<string>;
      replace: { start: number; end: number };
    }
  | {
      /** Typing the value of `key` (in the mapping at `path`), or an item of its list. */
      kind: 'value' | 'item';
      path: string[];
      key: string;
      partial: string;
      /** Opening quote typed before the partial value. */
      quote?: '"' | "'";
      /** True when the closing quote is already there. */
      closed: boolean;
      /** Items already in the list (item context). */
      existing: string[];
      replace: { start: number; end: number };
    };

const KEY_ONLY = /^([A-Za-z_][\w-]*)\s*:\s*(#.*)?$/;

interface LineShape {
  indent: number;
  dash: boolean;
  /** Column of the content after `- ` (or indent when no dash). */
  contentCol: number;
  content: string;
}

function shape(line: string): LineShape {
  // [^]* (not .*): a line may hold a CR or U+2028, which . does not match.
  const m = /^(\s*)(-(?:\s+|$))?([^]*)$/.exec(line)!;
  const indent = m[1].length;
  const dash = m[2] !== undefined;
  return { indent, dash, contentCol: indent + (m[2]?.length ?? 0), content: m[3] };
}

function isSkippable(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/**
 * Key path of the mapping whose keys sit at `column` on line `lineNo` (`dashCol` when that
 * line starts a sequence item), or undefined when the layout is not one we understand.
 */
export function mappingPath(lines: string[], lineNo: number, column: number, dashCol?: number): string[] | undefined {
  const path: string[] = [];
  let col = column;
  let seqOwner = false; // looking for the key that owns a sequence whose dashes sit at col
  if (dashCol !== undefined) {
    path.unshift('[]');
    col = dashCol;
    seqOwner = true;
  }
  for (let l = lineNo - 1; l >= 0; l--) {
    const line = lines[l];
    if (isSkippable(line)) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) break;
    const s = shape(line);
    const keyOnly = KEY_ONLY.exec(s.content);
    if (seqOwner) {
      if (s.indent > col || (s.dash && s.indent === col)) continue; // sibling items and their content
      if (!s.dash && keyOnly) {
        path.unshift(keyOnly[1]);
        col = s.indent;
        seqOwner = false;
        continue;
      }
      if (s.dash && keyOnly && s.contentCol <= col) {
        // The owner is the first key of an outer list item: keep looking for that list's owner.
        path.unshift('[]', keyOnly[1]);
        col = s.indent;
        continue;
      }
      return undefined;
    }
    if (s.indent > col) continue;
    if (s.indent === col && !s.dash) continue; // a sibling key
    if (s.indent === col && s.dash) continue; // a sibling's list written at the keys' column
    if (s.dash && s.contentCol === col) {
      // The cursor's mapping is this list item; its first key is a sibling.
      path.unshift('[]');
      col = s.indent;
      seqOwner = true;
      continue;
    }
    if (keyOnly && !s.dash) {
      path.unshift(keyOnly[1]);
      col = s.indent;
      continue;
    }
    if (keyOnly && s.dash && s.contentCol < col) {
      path.unshift('[]', keyOnly[1]);
      col = s.indent;
      seqOwner = true;
      continue;
    }
    return undefined;
  }
  return seqOwner ? undefined : path;
}

const VALUE_AT = /^([A-Za-z_][\w-]*)\s*:[ \t]*(["']?)([^"'\s#,\]]*)$/;
const FLOW_ITEM_AT = /^([A-Za-z_][\w-]*)\s*:[ \t]*\[([^\]]*)$/;
const KEY_AT = /^([A-Za-z_][\w-]*)?$/;

/** The completion context at `offset`, or undefined where nothing sensible can be offered. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const lines = text.slice(0, lineStart).split(/\r?\n/);
  lines.pop(); // the empty string after the last line break
  const lineNo = lines.length;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd).replace(/\r$/, '');
  if (before.includes('#')) return undefined; // in a comment
  const s = shape(before);
  const dashCol = s.dash ? s.indent : undefined;
  const tail = /^[\w-]*/.exec(after)![0];

  const flow = FLOW_ITEM_AT.exec(s.content);
  if (flow) {
    const path = mappingPath([...lines, before], lineNo, s.contentCol, dashCol);
    if (!path) return undefined;
    const items = flow[2].split(',');
    const last = items.pop()!.trimStart();
    const quote = /^["']/.test(last) ? (last[0] as '"' | "'") : undefined;
    const partial = quote ? last.slice(1) : last;
    const rest = after.split(']')[0];
    const existing = [...items, ...rest.split(',').slice(1)].map((x) => x.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
    return { kind: 'item', path, key: flow[1], partial, quote, closed: !!quote && after.slice(tail.length).startsWith(quote), existing, replace: { start: offset - partial.length, end: offset + tail.length } };
  }

  const value = VALUE_AT.exec(s.content);
  if (value) {
    const path = mappingPath([...lines, before], lineNo, s.contentCol, dashCol);
    if (!path) return undefined;
    const quote = (value[2] || undefined) as '"' | "'" | undefined;
    const partial = value[3];
    return { kind: 'value', path, key: value[1], partial, quote, closed: !!quote && after.slice(tail.length).startsWith(quote), existing: [], replace: { start: offset - partial.length, end: offset + tail.length } };
  }

  const key = KEY_AT.exec(s.content);
  if (!key) return undefined;
  const partial = key[1] ?? '';
  const replace = { start: offset - partial.length, end: offset + tail.length };
  const path = mappingPath([...lines, before], lineNo, s.contentCol, dashCol);
  if (!path) return undefined;
  if (s.dash && path.length >= 2 && path[path.length - 1] === '[]') {
    // `- ` in a list: an item of a scalar list (modifiers) or the first key of a mapping item.
    const owner = path[path.length - 2];
    const allLines = text.split(/\r?\n/);
    const existing = listItems(allLines, lineNo, s.indent);
    if (!['claims', 'lines'].includes(owner)) {
      const quote = /^["']/.test(partial) ? (partial[0] as '"' | "'") : undefined;
      return { kind: 'item', path: path.slice(0, -2), key: owner, partial, quote, closed: false, existing, replace };
    }
  }
  const siblings = siblingKeys(text.split(/\r?\n/), lineNo, s.contentCol, dashCol);
  return { kind: 'key', path, column: s.contentCol, partial, siblings, replace };
}

/** Keys of the mapping at `column` around line `lineNo` (excluding that line). */
function siblingKeys(lines: string[], lineNo: number, column: number, dashCol?: number): Set<string> {
  const out = new Set<string>();
  const keyOf = (content: string): string | undefined => /^([A-Za-z_][\w-]*)\s*:/.exec(content)?.[1];
  // Upwards, unless the cursor's line itself starts the item.
  if (dashCol === undefined) {
    for (let l = lineNo - 1; l >= 0; l--) {
      if (isSkippable(lines[l])) continue;
      const s = shape(lines[l]);
      if (s.indent > column || (s.indent === column && s.dash)) continue;
      if (s.indent === column) {
        const k = keyOf(s.content);
        if (k) out.add(k);
        continue;
      }
      if (s.dash && s.contentCol === column) {
        const k = keyOf(s.content);
        if (k) out.add(k);
      }
      break;
    }
  }
  for (let l = lineNo + 1; l < lines.length; l++) {
    if (isSkippable(lines[l])) continue;
    const s = shape(lines[l]);
    if (s.indent > column || (s.indent === column && s.dash)) continue;
    if (s.indent < column) break;
    const k = keyOf(s.content);
    if (k) out.add(k);
  }
  return out;
}

/** Scalar items of the block list whose dashes sit at `dashCol`, around line `lineNo`. */
function listItems(lines: string[], lineNo: number, dashCol: number): string[] {
  const out: string[] = [];
  const take = (l: number): boolean => {
    if (isSkippable(lines[l])) return true;
    const s = shape(lines[l]);
    if (!s.dash || s.indent !== dashCol) return false;
    const v = s.content.replace(/\s*#.*$/, '').trim().replace(/^["']|["']$/g, '');
    if (v) out.push(v);
    return true;
  };
  for (let l = lineNo - 1; l >= 0 && take(l); l--);
  for (let l = lineNo + 1; l < lines.length && take(l); l++);
  return out;
}
