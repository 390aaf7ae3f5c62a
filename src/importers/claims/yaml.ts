/**
 * Claim YAML (format v1) for imported claims, written with the `yaml` package: a comment
 * header, then `claims:` with one list item per claim. Items are rendered one at a time
 * so a large import streams to its file. Block style throughout: the `yaml` package
 * renders flow lists ([GP, "59"]) about three times slower, which a 10,000-claim import
 * feels.
 */
import { stringify } from 'yaml';
import type { ImportedClaim } from './types';

const OPTIONS = { lineWidth: 0 } as const;

/** The comment lines and the `claims:` key that start the file. */
export function yamlHead(comments: string[]): string {
  return comments.map((c) => (c ? `# ${c}` : '#')).join('\n') + (comments.length ? '\n' : '') + 'claims:\n';
}

/** One claim as an item of the `claims:` list (indented, ends with a newline). */
export function yamlClaimItem(claim: ImportedClaim): string {
  const text = stringify({ claims: [claim] }, OPTIONS);
  return text.slice(text.indexOf('\n') + 1);
}

/** A whole claim file. */
export function toClaimYaml(claims: ImportedClaim[], comments: string[]): string {
  if (!claims.length) return yamlHead(comments).replace(/claims:\n$/, 'claims: []\n');
  return yamlHead(comments) + claims.map(yamlClaimItem).join('');
}
