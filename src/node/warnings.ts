/**
 * Process warnings through our own handler: a library's warning can quote file text
 * (the yaml library's "Keys with collection values will be stringified: <key>"), so
 * only its name is written, never its message. Used by the CLI and the language server.
 */
export function routeProcessWarnings(write: (line: string) => void): void {
  process.removeAllListeners('warning'); // Node's own printer writes the message text
  process.on('warning', (w: Error) => write(`claimlint: a ${w.name || 'library'} warning was suppressed (its text may quote file content)`));
}
