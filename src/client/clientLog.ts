/**
 * vscode-languageclient writes its own prefix into the output channel it is given:
 * "[Info  - 1:16:35 AM] message". The extension's channel is a LogOutputChannel, which adds
 * its own level and time, so every line read "[info] [Info - 1:16:35 AM] …". This router
 * takes the client's lines, drops that prefix and writes each message at the level it
 * names; a line without a prefix (the detail of the message before it: an error's stack)
 * keeps the level of that message. Pure: no `vscode` import, so it is unit-tested.
 */
export interface LevelledLog {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogLevel = keyof LevelledLog;

const CLIENT_PREFIX = /^\[(Trace|Debug|Info|Warn|Error|LSP)\s*- [^\]\n]*\] ?/;

const LEVEL: Record<string, LogLevel> = { Trace: 'trace', LSP: 'trace', Debug: 'debug', Info: 'info', Warn: 'warn', Error: 'error' };

/** The level and text of one line the language client wrote. */
export function parseClientLine(line: string, previous: LogLevel = 'info'): { level: LogLevel; message: string } {
  const m = CLIENT_PREFIX.exec(line);
  if (!m) return { level: previous, message: line };
  return { level: LEVEL[m[1]], message: line.slice(m[0].length) };
}

/** append/appendLine for the language client, writing into `log` at each line's own level. */
export function clientLineRouter(log: LevelledLog): { append(text: string): void; appendLine(text: string): void } {
  let level: LogLevel = 'info';
  let pending = '';
  const line = (text: string) => {
    const parsed = parseClientLine(text, level);
    level = parsed.level;
    log[level](parsed.message);
  };
  return {
    append(text) {
      const parts = (pending + text).split('\n');
      pending = parts.pop() ?? '';
      parts.forEach(line);
    },
    appendLine(text) {
      const whole = pending + text;
      pending = '';
      line(whole);
    },
  };
}
