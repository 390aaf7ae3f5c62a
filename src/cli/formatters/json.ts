/**
 * The --format json contract (version 1): keys may be added, none removed or renamed.
 * Positions are 1-based; `path` starts at the document's top key. A finding of a check across
 * claims adds `related`: the other claims it depends on (file as shown, claim id, path, position).
 */
import { isFixable, type Formatter } from '../report';
import { jsonSafe } from './safe';
import type { RelatedLocation } from '../../core/lite';

export const formatJson: Formatter = (reports) =>
  jsonSafe(JSON.stringify(
    {
      version: 1,
      files: reports.map((r) => ({
        path: r.path,
        errorCount: r.errorCount,
        warningCount: r.warningCount,
        infoCount: r.infoCount,
        findings: r.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          document: f.document,
          path: f.path,
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
          fixable: isFixable(f),
          ...('related' in f && Array.isArray(f.related) && f.related.length
            ? {
                related: (f.related as RelatedLocation[]).map((r) => ({
                  file: r.file,
                  ...(r.claimId !== undefined ? { claimId: r.claimId } : {}),
                  path: r.path,
                  line: r.range.start.line + 1,
                  column: r.range.start.character + 1,
                  message: r.message,
                })),
              }
            : {}),
        })),
      })),
    },
    null,
    2,
  )) + '\n';
