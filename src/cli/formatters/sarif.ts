/**
 * SARIF 2.1.0 for code-scanning uploads. Results carry rule ids, messages (field paths, no
 * patient values) and regions — never source snippets, which would copy claim data.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ALL_RULES, docsUrl, linkSources, SOURCES_URL } from '../../core';
import type { Formatter } from '../report';
import { jsonSafe } from './safe';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarifLog(reports: Parameters<Formatter>[0], version: string): Log {
  const rules: ReportingDescriptor[] = ALL_RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    fullDescription: { text: r.rationale },
    helpUri: docsUrl(r.id),
    // The rule's sources, each key linked to its entry in docs/sources.md.
    help: {
      text: `Source: ${r.source}. Sources are described in ${SOURCES_URL}.`,
      markdown: `Source: ${linkSources(r.source)}. Sources are described in [docs/sources.md](${SOURCES_URL}).`,
    },
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { category: r.category, fixable: r.fixable, source: r.source },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = reports.flatMap((rep) =>
    rep.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: index.get(f.rule),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(rep.path), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
          logicalLocations: [{ fullyQualifiedName: `document[${f.document}].${f.path}`, kind: 'member' }],
        },
      ],
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'claimlint', version, informationUri: 'https://github.com/claimlint/claimlint', rules } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export const makeSarifFormatter =
  (version: string): Formatter =>
  (reports) =>
    jsonSafe(JSON.stringify(formatSarifLog(reports, version), null, 2)) + '\n';
