/**
 * Items of the rule-documentation picker: each bundled page's rule id with the rule's
 * one-line description beside it (the page's "> …" summary line, as scripts/gen-docs.js
 * writes it). Pure: no `vscode` import, so it is unit-tested.
 */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The summary line of a rule page: the first "> " quote line, without its final period. */
export function ruleSummary(markdown: string): string | undefined {
  for (const raw of markdown.split(/\r?\n/).slice(0, 12)) {
    const m = /^>\s+(.+?)\.?\s*$/.exec(raw);
    if (m) return m[1];
  }
  return undefined;
}

export interface RulePickItem {
  label: string;
  description?: string;
}

/** One item per `<rule-id>.md` page, sorted by id; other files are left out. */
export function rulePickItems(pages: { file: string; markdown: string }[]): RulePickItem[] {
  return pages
    .map(({ file, markdown }) => ({ id: /^(.+)\.md$/.exec(file)?.[1], markdown }))
    .filter((p): p is { id: string; markdown: string } => !!p.id && RULE_ID.test(p.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ id, markdown }) => {
      const description = ruleSummary(markdown);
      return description ? { label: id, description } : { label: id };
    });
}
