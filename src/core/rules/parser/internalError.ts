import type { Rule } from '../../types';

/** Reported when a rule throws: the audit goes on, the failure is visible. */
export const internalError: Rule = {
  id: 'internal-error',
  description: 'A rule failed on a claim (a claimlint bug)',
  category: 'syntax',
  defaultSeverity: 'warning',
  fixable: false,
  rationale: 'A bug in one rule must never hide the findings of the others, nor crash the editor or CI.',
  source: 'claimlint',
};
