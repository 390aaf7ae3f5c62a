/**
 * The reply of the server's `claimlint.auditWorkspace` command: counts only, never claim
 * values. Pure (no `vscode` import).
 */
export interface AuditSummary {
  files: number;
  errors: number;
  warnings: number;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function parseAuditSummary(value: unknown): AuditSummary | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { files, errors, warnings } = value as Record<string, unknown>;
  return isCount(files) && isCount(errors) && isCount(warnings) ? { files, errors, warnings } : undefined;
}

export function formatAuditSummary(s: AuditSummary): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (s.files === 0) return 'claimlint: no claim files found in this workspace.';
  return `claimlint: audited ${n(s.files, 'claim file')}: ${n(s.errors, 'error')}, ${n(s.warnings, 'warning')}.`;
}
