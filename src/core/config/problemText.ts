/**
 * A config file's problem and its one wording, shared by the CLI and the editor (kept apart
 * from problems.ts so the CLI's light entry can say it without loading yaml or zod).
 */
export interface ConfigProblem {
  /** Dotted key path, e.g. rules.timed-units-total ("(top level)" for the file itself). */
  path: string;
  message: string;
  /** error: the file is invalid (the CLI refuses it, the editor falls back); warning: that entry is ignored, the rest applies. */
  severity: 'error' | 'warning';
  /** 1-based line and the key's offsets in the file text, when found. */
  line?: number;
  span?: [number, number];
}

/** ".claimlintrc.yaml:3: rules.timed-units-total: must be one of …": the one wording of a config problem. */
export function formatConfigProblem(file: string, p: Pick<ConfigProblem, 'path' | 'message' | 'line'>): string {
  return `${file}${p.line ? `:${p.line}` : ''}: ${p.path === '(top level)' ? '' : `${p.path}: `}${p.message}`;
}


/** "1 error", "3 errors". */
export function countErrors(problems: readonly Pick<ConfigProblem, 'severity'>[]): string {
  const n = problems.filter((p) => p.severity === 'error').length;
  return `${n} error${n === 1 ? '' : 's'}`;
}
