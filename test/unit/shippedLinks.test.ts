/**
 * Live links in the installed extension (issue 25 item 1): every relative link and image in
 * every Markdown page the .vsix ships (the README, docs/rules/*.md, docs/*.md) resolves to a
 * file in the package as `vsce` lists it, and its #anchor to a heading or an <a id> of that
 * page. The links the editor makes (a code's details, hovers, a diagnostic's rule link) point
 * at those shipped pages, never at the repository online.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { ALL_RULES, docsUrl, SOURCES_URL } from '../../src/core';
import { allCodes } from '../../src/core/explain';
import { codeHover } from '../../src/service/hoverText';
import { CLIENT_COMMANDS, ONLINE_DOCS_BASE } from '../../src/protocol';
import { detailsWithSources, offlineMarkdownLinks, offlineRuleLink, ruleDocsCommand } from '../../src/client/offlineLinks';
import { ROOT } from '../support/paths';


interface Token {
  type: string;
  tag: string;
  content: string;
  attrGet(name: string): string | null;
  children: Token[] | null;
}
const MarkdownIt = require('markdown-it') as new (opts?: object) => { parse(src: string, env: object): Token[] };
const md = new MarkdownIt({ html: true });

/** Every link and image target of a page, and the anchors it defines. */
function pageLinks(markdown: string): { targets: string[]; anchors: Set<string> } {
  const targets: string[] = [];
  const anchors = new Set<string>();
  const slugs = new Map<string, number>();
  const html = (text: string) => {
    for (const m of text.matchAll(/<(?:a|img)\b[^>]*?\b(?:href|src)="([^"]+)"/g)) targets.push(m[1]);
    for (const m of text.matchAll(/<a\b[^>]*?\b(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  };
  const tokens = md.parse(markdown, {});
  tokens.forEach((t, i) => {
    if (t.type === 'html_block') html(t.content);
    if (t.type === 'heading_open') {
      // GitHub's and VS Code's slug: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2.
      const text = (tokens[i + 1].children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('');
      const base = text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
      const n = slugs.get(base) ?? 0;
      slugs.set(base, n + 1);
      anchors.add(n ? `${base}-${n}` : base);
    }
    for (const c of t.children ?? []) {
      if (c.type === 'link_open') targets.push(c.attrGet('href') ?? '');
      if (c.type === 'image') targets.push(c.attrGet('src') ?? '');
      if (c.type === 'html_inline') html(c.content);
    }
  });
  return { targets, anchors };
}

const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href);

let packagedFiles: string[] | undefined;
async function packaged(): Promise<string[]> {
  const vsce = require('@vscode/vsce');
  packagedFiles ??= (await vsce.listFiles({ cwd: ROOT, packageManager: vsce.PackageManager.None })) as string[];
  return packagedFiles;
}

/** Problems with a page's relative links: "<page>: <href> …". */
function brokenLinks(page: string, markdown: string, files: Set<string>, anchorsOf: (file: string) => Set<string>): string[] {
  const out: string[] = [];
  for (const href of pageLinks(markdown).targets) {
    if (!href) {
      out.push(`${page}: an empty link`);
      continue;
    }
    if (isExternal(href)) continue;
    const [pathPart, fragment] = href.split('#', 2) as [string, string | undefined];
    const target = pathPart ? posix.normalize(posix.join(posix.dirname(page), decodeURIComponent(pathPart))) : page;
    if (target.startsWith('../') || !files.has(target)) {
      out.push(`${page}: ${href} → ${target} is not in the package`);
      continue;
    }
    if (fragment && target.endsWith('.md') && !anchorsOf(target).has(decodeURIComponent(fragment))) {
      out.push(`${page}: ${href} → no heading or anchor "${fragment}" in ${target}`);
    }
  }
  return out;
}

describe('shipped pages: every relative link resolves inside the package (issue 25 item 1)', () => {
  it('finds links, images, html links and anchors (the checker itself)', () => {
    const { targets, anchors } = pageLinks(
      '# Known limits\n\n## Why\n\n## Why\n\nSee [a](../sources.md#s17), ![p](media/x.png) and <a href="b.md">b</a>.\n\n<a id="s-web"></a>\n\n```\n[not](a link)\n```\n',
    );
    assert.deepEqual(targets, ['../sources.md#s17', 'media/x.png', 'b.md']);
    assert.deepEqual([...anchors].sort(), ['known-limits', 's-web', 'why', 'why-1']);
    const files = new Set(['docs/rules/a.md', 'docs/sources.md']);
    const anchorsOf = (f: string) => new Set(f === 'docs/sources.md' ? ['s17'] : []);
    assert.deepEqual(brokenLinks('docs/rules/a.md', '[ok](../sources.md#s17) [x](../sources.md#s99) [y](../limits.md) [z](../../../up.md)', files, anchorsOf), [
      'docs/rules/a.md: ../sources.md#s99 → no heading or anchor "s99" in docs/sources.md',
      'docs/rules/a.md: ../limits.md → docs/limits.md is not in the package',
      'docs/rules/a.md: ../../../up.md → ../up.md is not in the package',
    ]);
  });

  it('README, rule pages and docs: no relative link leaves the .vsix', async function () {
    this.timeout(60000);
    const list = await packaged();
    const files = new Set(list);
    const pages = list.filter((f) => f.endsWith('.md'));
    for (const must of ['README.md', 'docs/rules/timed-units-total.md', 'docs/sources.md']) assert.ok(files.has(must), `the .vsix ships ${must}`);
    const text = new Map(pages.map((p) => [p, readFileSync(join(ROOT, p), 'utf8')]));
    const anchorCache = new Map<string, Set<string>>();
    const anchorsOf = (f: string) => {
      if (!anchorCache.has(f)) anchorCache.set(f, pageLinks(text.get(f) ?? '').anchors);
      return anchorCache.get(f)!;
    };
    const broken = pages.flatMap((p) => brokenLinks(p, text.get(p)!, files, anchorsOf));
    assert.deepEqual(broken, [], `dead links in the installed extension:\n${broken.slice(0, 20).join('\n')}`);
    // The rule pages do link to the sources page (the case the issue found dead).
    assert.ok(pageLinks(text.get('docs/rules/timed-units-total.md')!).targets.some((t) => t.startsWith('../sources.md#')));
  });

  it('a code\'s details stand alone: their sources appended from the shipped docs/sources.md, every link in-page or on the web', () => {
    assert.ok(SOURCES_URL.startsWith(ONLINE_DOCS_BASE) && docsUrl('x').startsWith(ONLINE_DOCS_BASE), 'the core links below ONLINE_DOCS_BASE');
    const sourcesPage = readFileSync(join(ROOT, 'docs', 'sources.md'), 'utf8');
    let inPage = 0;
    for (const code of allCodes('2026-06-01').map((c) => c.code)) {
      const online = codeHover(code, '2026-06-01', { modifiers: ['GP'], units: 2, plan: 'PT', otherCodes: ['97140', '97530', '97110'] }) ?? '';
      const details = detailsWithSources(online, sourcesPage);
      const { targets, anchors } = pageLinks(details);
      for (const href of targets) {
        if (href.startsWith('#')) {
          inPage++;
          assert.ok(anchors.has(href.slice(1)), `${code}: ${href} has no entry on the page`);
        } else assert.match(href, /^https?:\/\//, `${code}: ${href} would leave the page`);
        assert.ok(!href.startsWith(ONLINE_DOCS_BASE), `${code}: ${href} goes to the repository online`);
      }
      if (online.includes(SOURCES_URL)) assert.match(details, /\n## Sources\n/, `${code}: its sources are appended`);
      assert.ok(!/\*\*Cited by:\*\*/.test(details), `${code}: "Cited by" lists are left out`);
    }
    assert.ok(inPage > 50, `the details link their sources (${inPage} in-page links)`);
    // Hovers keep their links, pointed at the shipped page.
    assert.equal(offlineMarkdownLinks(`[\\[S17\\]](${SOURCES_URL}#s17)`, 'file:///e/docs/'), '[\\[S17\\]](file:///e/docs/sources.md#s17)');
  });

  it('a diagnostic\'s rule link opens the bundled page through claimlint.showRuleDocs', () => {
    const link = offlineRuleLink(docsUrl('timed-units-total'));
    assert.equal(link, `command:${CLIENT_COMMANDS.showRuleDocs}?${encodeURIComponent('["timed-units-total"]')}`);
    assert.deepEqual(JSON.parse(decodeURIComponent(link!.split('?')[1])), ['timed-units-total']);
    assert.equal(offlineRuleLink('https://example.com/docs/rules/x.md'), undefined);
    assert.equal(offlineRuleLink(`${ONLINE_DOCS_BASE}rules/../../x.md`), undefined);
    // A code the server sent without a link (the extension asks for none) gets the same command.
    for (const r of ALL_RULES) assert.equal(ruleDocsCommand(r.id), offlineRuleLink(docsUrl(r.id)), r.id);
    for (const bad of ['', 'Timed-Units', '../x', 'a b', 'x-']) assert.equal(ruleDocsCommand(bad), undefined, bad);
    assert.equal(offlineMarkdownLinks('[a](https://example.com/x.md) [b](other)', 'file:///e/docs'), '[a](https://example.com/x.md) [b](other)');
  });

  it('every rule has its page in the package', async function () {
    this.timeout(60000);
    const files = new Set(await packaged());
    const missing = ALL_RULES.filter((r) => !files.has(`docs/rules/${r.id}.md`)).map((r) => r.id);
    assert.deepEqual(missing, []);
  });
});
