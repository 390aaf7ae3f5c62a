/**
 * The built-in curated data, described as a pack: its name, release and, per table, the
 * dates of service it covers (open-ended where the curated table has no end date).
 */
import type { TableName } from './packTypes';

export const BUILTIN_PACK: {
  name: string;
  release: string;
  filter: string;
  coverage: Partial<Record<TableName, { from: string; to?: string }>>;
} = {
  name: 'built-in',
  release: 'curated',
  filter: "claimlint's own catalogue of therapy codes with hand-checked edits, MUEs and fees (see docs/sources.md)",
  coverage: {},
};
