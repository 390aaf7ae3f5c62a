/**
 * A cheap line scan that cuts a YAML stream into documents and a `claims:` list into its
 * items, so that each claim can be parsed and audited on its own (and cached by its text).
 * Whenever the layout is not one we can cut safely, the scan says so and the caller parses
 * the whole document instead; both paths must give identical findings.
 */

export interface DocumentSlice {
  start: number;
  end: number;
}

export interface ClaimSlice {
  start: number;
  end: number;
}

export type DocumentLayout =
  | { kind: 'claims'; items: ClaimSlice[] }
  | { kind: 'whole' }; // parse the whole document (claim:, odd layout, anchors, flow style)

const DOC_MARKER = /^(---|\.\.\.)(?=\s|$)/;

/**
 * Document boundaries, or undefined when the stream has directives or content on a marker
 * line (then the caller uses the full YAML parser for the boundaries too).
 */
export function splitDocuments(text: string): DocumentSlice[] | undefined {
  const docs: DocumentSlice[] = [];
  let start = 0;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const first = text.charCodeAt(pos);
    // Only a line starting with %, - or . can be a directive or a marker.
    if (first !== PERCENT && first !== DASH && first !== DOT) {
      if (nl < 0) break;
      pos = nl + 1;
      continue;
    }
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    if (line.startsWith('%')) return undefined;
    const m = DOC_MARKER.exec(line);
    if (m) {
      if (line.slice(3).replace(/#.*$/, '').trim() !== '') return undefined;
      if (pos > start || docs.length > 0 || m[1] === '...') docs.push({ start, end: pos });
      start = nl < 0 ? text.length : nl + 1;
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  docs.push({ start, end: text.length });
  // Drop documents that hold only blank lines and comments.
  return docs.filter((d) => /^[ \t]*[^\s#]/m.test(text.slice(d.start, d.end)));
}

const PERCENT = 37;
const DASH = 45;
const DOT = 46;
const CR = 13;

const ANCHOR_OR_ALIAS = /(^|[\s[{,:-])[&*][^\s,\]}]/;

/** Whether text[from, to) holds `ch`. */
function holds(text: string, ch: string, from: number, to: number): boolean {
  const at = text.indexOf(ch, from);
  return at >= 0 && at < to;
}
const TOP_CLAIMS = /^claims:[ \t]*(#.*)?$/;

/** Decide how to read one document: cut into claim items, or whole. */
export function documentLayout(text: string, doc: DocumentSlice): DocumentLayout {
  const items: ClaimSlice[] = [];
  let seenClaims = false;
  let seqIndent = -1;
  let pos = doc.start;
  // A line can hold a tab, an anchor or an alias only if the document does: most hold none.
  const tabs = holds(text, '\t', doc.start, doc.end);
  const anchors = holds(text, '&', doc.start, doc.end) || holds(text, '*', doc.start, doc.end);
  while (pos < doc.end) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 || nl >= doc.end ? doc.end : nl;
    const next = lineEnd + 1;
    const line = text.slice(pos, lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd);
    const body = line.trimStart();
    const indent = line.length - body.length;
    if (body === '' || body.startsWith('#')) {
      pos = next;
      continue;
    }
    if ((tabs && line.includes('\t')) || (anchors && ANCHOR_OR_ALIAS.test(line))) return { kind: 'whole' };
    if (!seenClaims) {
      if (!TOP_CLAIMS.test(line)) return { kind: 'whole' };
      seenClaims = true;
    } else if (seqIndent < 0) {
      if (!/^-(\s|$)/.test(body)) return { kind: 'whole' };
      seqIndent = indent;
      items.push({ start: pos, end: doc.end });
    } else if (indent < seqIndent || (indent === seqIndent && !/^-(\s|$)/.test(body))) {
      return { kind: 'whole' }; // another top-level key, or a layout we do not cut
    } else if (indent === seqIndent) {
      items[items.length - 1].end = pos;
      items.push({ start: pos, end: doc.end });
    }
    pos = next;
  }
  if (!seenClaims || items.length === 0) return { kind: 'whole' };
  // A claim item's trailing comments before the next item stay with it; that is harmless.
  return { kind: 'claims', items };
}

/**
 * Claim items of text[from, to) when that region is known to start at a claims-list item
 * at `seqIndent` and to hold nothing but such items (the rest of the document unchanged).
 * Undefined whenever the region holds anything the full scan would treat differently: a
 * document marker or directive, a tab, an anchor or alias, a line left of the items, or a
 * first line that no longer starts an item. Then the caller scans the whole text.
 */
export function rescanItems(text: string, from: number, to: number, seqIndent: number): ClaimSlice[] | undefined {
  const items: ClaimSlice[] = [];
  let pos = from;
  while (pos < to) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 || nl >= to ? to : nl;
    const next = lineEnd + 1;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    if (line.startsWith('%') || DOC_MARKER.test(line)) return undefined;
    const body = line.trimStart();
    const indent = line.length - body.length;
    if (body === '' || body.startsWith('#')) {
      if (items.length === 0) return undefined;
      pos = next;
      continue;
    }
    if (line.includes('\t') || ANCHOR_OR_ALIAS.test(line) || indent < seqIndent) return undefined;
    if (indent === seqIndent) {
      if (!/^-(\s|$)/.test(body)) return undefined;
      if (items.length) items[items.length - 1].end = pos;
      items.push({ start: pos, end: to });
    } else if (items.length === 0) return undefined;
    pos = next;
  }
  return items.length ? items : undefined;
}
