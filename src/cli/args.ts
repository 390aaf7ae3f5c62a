/**
 * node:util's parseArgs for every claimlint command line. A parse error (an unknown
 * option, a missing value) goes to the command's own usage printer, with its text made
 * terminal-safe (it quotes what was typed), and the printer's exit code is returned.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { terminalSafe } from './formatters/safe';

type Options = NonNullable<ParseArgsConfig['options']>;

export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/** The parsed values and positionals, or the exit code `usage` returned for a parse error. */
export function parseCommandLine<const O extends Options>(argv: string[], options: O, usage: (message: string) => number): ParsedArgs<O> | number {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (err) {
    return usage(terminalSafe((err as Error).message));
  }
}
