/**
 * Links into the documentation, pointed at the pages the extension ships (docs/ in the
 * .vsix) instead of the repository online: an auditor's machine may have no network.
 * Pure (no `vscode`): the caller passes the bundled docs folder as a URI string.
 *
 * - Hovers: "](https://github.com/…/docs/sources.md#s17)" becomes
 *   "](file:///…/extension/docs/sources.md#s17)", the shipped page.
 * - A code's details (an in-memory page in the Markdown preview, which renders no file:
 *   links): the cited sources' entries of the shipped docs/sources.md are appended to the
 *   page and its source links jump to them (#s17), so the page stands alone.
 * - A diagnostic's rule link (Problems panel, hover): the rule's page online becomes the
 *   command that opens the bundled page in the preview (claimlint.showRuleDocs); a code the
 *   server sent without a link (the extension asks for none) gets that command.
 */
import { CLIENT_COMMANDS, ONLINE_DOCS_BASE } from '../protocol';

/** `markdown` with every link into the online docs pointing into `docsRoot` (the bundled docs/ folder). */
export function offlineMarkdownLinks(markdown: string, docsRoot: string): string {
  const root = docsRoot.endsWith('/') ? docsRoot : `${docsRoot}/`;
  return markdown.split(`](${ONLINE_DOCS_BASE}`).join(`](${root}`);
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A rule's page below ONLINE_DOCS_BASE (its id checked by ruleDocsCommand). */
const RULE_PAGE = /^rules\/(.+)\.md$/;

/**
 * The command URI that opens a rule's bundled page, for a link to that page online; undefined
 * for any other link (left as it is).
 */
export function offlineRuleLink(href: string): string | undefined {
  if (!href.startsWith(ONLINE_DOCS_BASE)) return undefined;
  const m = RULE_PAGE.exec(href.slice(ONLINE_DOCS_BASE.length));
  if (!m) return undefined;
  return ruleDocsCommand(m[1]);
}

/**
 * The command URI that opens a rule's bundled page, for a diagnostic's code sent without a
 * link (the extension asks the server for none: ServerInitializationOptions.ruleLinks);
 * undefined for anything that is not a rule id.
 */
export function ruleDocsCommand(rule: string): string | undefined {
  if (!RULE_ID.test(rule)) return undefined;
  return `command:${CLIENT_COMMANDS.showRuleDocs}?${encodeURIComponent(JSON.stringify([rule]))}`;
}

const LINK = /\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g;

/**
 * A code's details page that needs no other page: its links to docs/sources.md become
 * in-page links to the cited entries, appended under "Sources" from `sourcesPage` (the
 * shipped docs/sources.md) without their "Cited by" lists. Links inside those entries that
 * would leave the page (to rule pages, to entries not appended) keep their text only.
 */
export function detailsWithSources(markdown: string, sourcesPage: string): string {
  const prefix = `${ONLINE_DOCS_BASE}sources.md#`;
  const anchors: string[] = [];
  const body = markdown.replace(LINK, (all, label: string, href: string) => {
    if (!href.startsWith(prefix)) return all;
    const anchor = href.slice(prefix.length);
    if (!anchors.includes(anchor)) anchors.push(anchor);
    return `[${label}](#${anchor})`;
  });
  const entries = anchors.flatMap((a) => sourceEntry(sourcesPage, a) ?? []);
  const included = new Set(anchors.filter((a) => sourceEntry(sourcesPage, a) !== undefined));
  const inPage = (text: string) =>
    text.replace(LINK, (all, label: string, href: string) =>
      /^https?:\/\//.test(href) || (href.startsWith('#') && included.has(href.slice(1))) ? all : label,
    );
  if (!entries.length) return inPage(body);
  return `${inPage(body)}\n\n---\n\n## Sources\n\n${inPage(entries.join('\n\n'))}\n`;
}

/** One entry of docs/sources.md (its <a id> line up to the next), without "Cited by". */
function sourceEntry(page: string, anchor: string): string | undefined {
  const start = page.indexOf(`<a id="${anchor}"></a>`);
  if (start < 0) return undefined;
  const next = page.indexOf('<a id="', start + 1);
  const out: string[] = [];
  let skipping = false;
  for (const line of page.slice(start, next < 0 ? undefined : next).split('\n')) {
    if (line.startsWith('- **Cited by:**')) skipping = true;
    else if (skipping && !/^\s+\S/.test(line)) skipping = false;
    if (!skipping) out.push(line);
  }
  return out.join('\n').trimEnd();
}
