/**
 * node:util's parseArgs for every claimlint command line. A parse error (an unknown
 * option, a missing value) goes to the command's own usage printer, with its text made
 * terminal-safe (it quotes what was typed), and the printer's exit code is returned.
 * `--help` (a `help` option that is set) prints the command's help and returns 0.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { terminalSafe } from './formatters/safe';

type Options = NonNullable<ParseArgsConfig['options']>;

export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/** The parsed values and positionals, or the exit code: `usage`'s for a parse error, 0 after printing `help()` for --help. */
export function parseCommandLine<const O extends Options>(
  argv: string[],
  options: O,
  usage: (message: string) => number,
  help?: () => string,
): ParsedArgs<O> | number {
  let parsed: ParsedArgs<O>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (err) {
    return usage(terminalSafe((err as Error).message));
  }
  if (help && (parsed.values as Record<string, unknown>).help === true) {
    process.stdout.write(help() + '\n');
    return 0;
  }
  return parsed;
}
