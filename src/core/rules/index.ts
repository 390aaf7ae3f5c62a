/** The rule registry: every rule, in the order they run and are documented. */
import type { Rule } from '../types';
import { codingRules } from './coding';
import { documentationRules } from './documentation';
import { modifierRules } from './modifiers';
import { parserRules } from './parser';
import { patientRules } from './patient';
import { unitRules } from './units';

export const ALL_RULES: Rule[] = [...parserRules, ...codingRules, ...unitRules, ...modifierRules, ...documentationRules, ...patientRules];

export const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

export { docsUrl } from './docs';
