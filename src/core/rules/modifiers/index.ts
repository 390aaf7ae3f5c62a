import type { Rule } from '../../types';

/** Therapy, assistant, KX and NCCI modifier rules (issue 3). */
export const modifierRules: Rule[] = [];
