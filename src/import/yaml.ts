/**
 * Claim YAML (format v1) for imported claims, written with the `yaml` package: a comment
 * header, then `claims:` with one list item per claim. Items are rendered one at a time
 * so a large import streams to its file.
 */
import { Document, isScalar, isSeq, visit } from 'yaml';
import type { ImportedClaim } from './types';

const OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** The comment lines and the `claims:` key that start the file. */
export function yamlHead(comments: string[]): string {
  return comments.map((c) => (c ? `# ${c}` : '#')).join('\n') + (comments.length ? '\n' : '') + 'claims:\n';
}

/** One claim as an item of the `claims:` list (indented, ends with a newline). */
export function yamlClaimItem(claim: ImportedClaim): string {
  const doc = new Document({ claims: [claim] });
  // Short lists of codes and numbers read best on one line: modifiers: [GP, "59"].
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  const text = doc.toString(OPTIONS);
  return text.slice(text.indexOf('\n') + 1);
}

/** A whole claim file. */
export function toClaimYaml(claims: ImportedClaim[], comments: string[]): string {
  if (!claims.length) return yamlHead(comments).replace(/claims:\n$/, 'claims: []\n');
  return yamlHead(comments) + claims.map(yamlClaimItem).join('');
}
