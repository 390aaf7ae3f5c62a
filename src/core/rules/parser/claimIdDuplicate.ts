import type { Rule } from '../../types';

/** Reported by the engine after all claims of a file are read. */
export const claimIdDuplicate: Rule = {
  id: 'claim-id-duplicate',
  description: 'Two claims in one file share an id',
  category: 'syntax',
  defaultSeverity: 'error',
  fixable: false,
  rationale: 'Claim ids must be unique within a file so that findings, reports and corrections point at one claim.',
  source: 'claimlint claim format, version 1',
};
