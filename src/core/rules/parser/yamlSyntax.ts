import type { Rule } from '../../types';

/** Reported by the engine from the YAML parser's errors. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  description: 'YAML that does not parse',
  category: 'syntax',
  defaultSeverity: 'error',
  fixable: false,
  rationale: 'A claim that cannot be read cannot be audited. The rest of the file is still audited where it can be.',
  source: 'YAML 1.2 specification',
};
