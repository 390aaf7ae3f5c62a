import type { Rule } from '../../types';

/** Documentation-strength and plan-of-care rules (issue 4). */
export const documentationRules: Rule[] = [];
