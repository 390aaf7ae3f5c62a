import type { Rule } from '../../types';

/** Reported by the engine from the zod schema of the claim format. */
export const claimSchema: Rule = {
  id: 'claim-schema',
  description: 'Missing required keys, wrong types, unknown keys or enum values',
  category: 'syntax',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    'The claim format (version 1) fixes the keys every part of claimlint agrees on. A field with the wrong type or an unknown key (often a typo) would make the other checks silently wrong.',
  source: 'claimlint claim format, version 1 (docs/claim-format.md)',
};
