/**
 * What the status bar item shows for the active claim file. Pure (no `vscode` import):
 * severities are VS Code's DiagnosticSeverity numbers.
 */
import { BuiltinCommands, Commands, DIAGNOSTIC_SOURCE, SECTION } from './constants';

/** vscode.DiagnosticSeverity */
const ERROR = 0;
const WARNING = 1;

export interface Counts {
  errors: number;
  warnings: number;
  others: number;
}

export function countDiagnostics(diagnostics: readonly { source?: string; severity: number }[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, others: 0 };
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === ERROR) counts.errors++;
    else if (d.severity === WARNING) counts.warnings++;
    else counts.others++;
  }
  return counts;
}

/** idle: not started yet (no claim file opened); stopped: failed or gave up restarting. */
export type ServerStatus = 'idle' | 'starting' | 'running' | 'stopped';

export interface StatusPresentation {
  text: string;
  tooltip: string;
  command: string;
  arguments?: unknown[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface StatusInput {
  server: ServerStatus;
  /** The running server has published diagnostics for the file (none yet: still auditing). */
  audited: boolean;
  enabled: boolean;
  counts: Counts;
}

export function statusPresentation(input: StatusInput): StatusPresentation {
  if (!input.enabled) {
    return {
      text: '$(circle-slash) claimlint',
      tooltip: `claimlint is turned off for this file (setting ${SECTION}.enable).`,
      command: BuiltinCommands.openSettings,
      arguments: [`${SECTION}.enable`],
    };
  }
  if (input.server === 'stopped') {
    return {
      text: '$(debug-disconnect) claimlint',
      tooltip: 'The claimlint language server is not running. Click to show its output; "claimlint: Restart Language Server" starts it again.',
      command: Commands.showOutput,
    };
  }
  if (input.server !== 'running') {
    return { text: '$(sync~spin) claimlint', tooltip: 'claimlint is starting…', command: Commands.showOutput };
  }
  if (!input.audited) {
    return { text: '$(sync~spin) claimlint', tooltip: 'claimlint is auditing this file…', command: Commands.showOutput };
  }
  const { errors, warnings, others } = input.counts;
  const text = errors || warnings ? `claimlint $(error) ${errors} $(warning) ${warnings}` : 'claimlint $(check)';
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (others) parts.push(plural(others, 'note'));
  return {
    text,
    tooltip: `claimlint: ${parts.join(', ')} in this claim file. Click for the claimlint menu (Problems, Audit Summary …).`,
    command: Commands.showStatusMenu,
  };
}

export interface StatusMenuItem {
  label: string;
  detail: string;
  command: string;
}

/** The status bar item's menu, in order. */
export const STATUS_MENU: readonly StatusMenuItem[] = [
  { label: '$(warning) Show Problems', detail: "Open the Problems panel with this file's findings", command: BuiltinCommands.showProblems },
  { label: '$(graph) Show Audit Summary', detail: 'Claims, error rates, units and dollars at stake, with charts, for the workspace', command: Commands.showAuditSummary },
  { label: '$(checklist) Audit All Claim Files in the Workspace', detail: 'Audit every claim file, open or not, into the Problems panel', command: Commands.auditWorkspace },
  { label: '$(wrench) Fix All Auto-Fixable Problems', detail: 'Apply the unambiguous fixes in this file', command: Commands.fixAll },
  { label: '$(output) Show Output', detail: "The claimlint log (counts and events, never claim values)", command: Commands.showOutput },
];
