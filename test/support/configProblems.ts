/**
 * One broken config with several problems (issue 25 item 6), and the lines both the CLI and
 * the editor must say about it: the same wording, every problem, each with its line.
 */
export const BROKEN_CONFIG = [
  'rules:',
  '  timed-units-total: warnin', // 2: a severity misspelt
  '  kx-modifer-missing: "off"', // 3: an unknown rule id (a warning: that entry is ignored)
  'unitRule:',
  '  byPayerType:',
  '    medicare: percode', // 6: not an allowed unit rule
  'locality: "5"', // 7: not MAC-locality
  'filez: ["claims/*.yaml"]', // 8: an unknown key
  '',
].join('\n');

/** [line, error|warning, "key: message"] for each problem, in line order. */
export const BROKEN_CONFIG_PROBLEMS: [number, 'error' | 'warning', string][] = [
  [2, 'error', 'rules.timed-units-total: must be one of off, error, warning, info; did you mean warning?'],
  [3, 'warning', 'rules.kx-modifer-missing: unknown rule id; did you mean kx-modifier-missing? (the setting is ignored)'],
  [6, 'error', 'unitRule.byPayerType.medicare: must be one of cms, per-code; did you mean per-code?'],
  [7, 'error', 'locality: must be a Medicare locality as "MAC-locality", e.g. 01112-05'],
  [8, 'error', 'an unknown key (5 characters); did you mean files? (known keys here: root, rules, unitRule, files, defaultDate, data, locality)'],
];
