/**
 * Source keys in citations, and links to their entries in docs/sources.md.
 *
 * Citations in the data, rule metadata and hovers name their sources two ways:
 * - bracketed keys from claimlint's research report: "[S17]", "[S4 q18]" (question 18 of
 *   source S4), "[S-web irg.urpt]" (one of the low-weight web pages);
 * - sections of that report: "billing-rules §13.2", "billing-rules §7, §7.1", "§2–§3".
 * Each resolves to an anchor of docs/sources.md ("s17", "s-web", "billing-rules-13-2").
 * ICD-10 codes that look alike ("[S52.571D]") are not keys. Pure: text in, text out.
 */

/** The sources page in the repository (rule pages link to it relatively). */
export const SOURCES_URL = 'https://github.com/claimlint/claimlint/blob/main/docs/sources.md';

export interface SourceRef {
  /** "S17", "S-web", "billing-rules §13.2". */
  key: string;
  /** Its anchor in docs/sources.md. */
  anchor: string;
  /** The text that cites it, e.g. "[S4 q18]" or "§13.2", and where it is. */
  text: string;
  start: number;
  end: number;
}

// [S17] [S4 q18] [S4 q17, p04] [S-web] [S-web irg.urpt]; not [S52.571D].
const BRACKET = /\[(S\d+|S-web|S-git)(?=[\] ,;])[^\]\n]*\]/g;
// "billing-rules §7, §7.1", "billing-rules §2–§3", "billing-rules §13.8".
const SECTIONS = /\bbilling-rules (§\d+(?:\.\d+)*(?:(?:, |–)§\d+(?:\.\d+)*)*)/g;
const SECTION = /§(\d+(?:\.\d+)*)/g;

export function sourceAnchor(key: string): string {
  const section = /^billing-rules §(\d+(?:\.\d+)*)$/.exec(key);
  if (section) return `billing-rules-${section[1].replace(/\./g, '-')}`;
  return key.toLowerCase();
}

/** Every source a citation names, in order of appearance. */
export function sourceRefs(text: string): SourceRef[] {
  const out: SourceRef[] = [];
  for (const m of text.matchAll(BRACKET)) {
    out.push({ key: m[1], anchor: sourceAnchor(m[1]), text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SECTIONS)) {
    const base = m.index + m[0].length - m[1].length;
    for (const s of m[1].matchAll(SECTION)) {
      const key = `billing-rules §${s[1]}`;
      const start = base + s.index;
      out.push({ key, anchor: sourceAnchor(key), text: s[0], start, end: start + s[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The distinct keys a citation names. */
export function sourceKeys(text: string): string[] {
  return [...new Set(sourceRefs(text).map((r) => r.key))];
}

/**
 * Markdown with every source key turned into a link to its entry: "[S17]" becomes
 * "[\[S17\]](…/sources.md#s17)", "billing-rules §13.2" becomes "billing-rules [§13.2](…#billing-rules-13-2)".
 * `page` is the sources page as the reader reaches it: the repository URL (hovers, SARIF) or
 * a relative path (rule pages).
 */
export function linkSources(text: string, page: string = SOURCES_URL): string {
  let out = '';
  let at = 0;
  for (const r of sourceRefs(text)) {
    out += text.slice(at, r.start) + `[${r.text.replace(/[[\]]/g, '\\$&')}](${page}#${r.anchor})`;
    at = r.end;
  }
  return out + text.slice(at);
}
