/**
 * JUnit XML for CI dashboards: one test suite per file, one test case per claim finding
 * (failures for errors and warnings; info findings are not failures), or one passing case
 * for a clean file.
 */
import type { Formatter } from '../report';

import { xmlSafe as escape } from './safe';

export const formatJunit: Formatter = (reports) => {
  const suites = reports.map((r) => {
    const failing = r.findings.filter((f) => f.severity !== 'info');
    const cases = failing.length
      ? failing.map((f) => {
          const where = `${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
          return (
            `    <testcase classname="${escape(r.path)}" name="${escape(`${f.rule} ${f.path}`)}">\n` +
            `      <failure type="${f.severity}" message="${escape(f.message)}">${escape(`${where} ${f.message} (${f.rule})`)}</failure>\n` +
            `    </testcase>`
          );
        })
      : [`    <testcase classname="${escape(r.path)}" name="claimlint"/>`];
    return (
      `  <testsuite name="${escape(r.path)}" tests="${cases.length}" failures="${failing.length}" errors="0">\n` +
      cases.join('\n') +
      `\n  </testsuite>`
    );
  });
  const tests = reports.reduce((s, r) => s + Math.max(1, r.findings.filter((f) => f.severity !== 'info').length), 0);
  const failures = reports.reduce((s, r) => s + r.errorCount + r.warningCount, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claimlint" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
};
