/**
 * Subcommands of the command line: `claimlint <command> …`. Each command lives in its own
 * module beside this one and is registered in COMMANDS; anything else on the command line is
 * the plain audit (`claimlint [options] <files or folders…>`), unchanged.
 *
 * A command name wins over a file or folder of the same name: audit such a path as `./import`.
 */
import { engine } from '../lazyEngine';

export interface Command {
  /** One line for `claimlint --help`. */
  summary: string;
  /** Runs the command on the arguments after its name; resolves to the process exit code. */
  run(argv: string[]): number | Promise<number>;
}

// The commands themselves (./data.ts, ./import.ts, ./remit.ts) are in the CLI's engine, loaded when one runs.
export const COMMANDS: Record<string, Command> = {
  data: { summary: 'import CMS reference files into a data pack; show the packs in force', run: (argv) => engine().dataCommand.run(argv) },
  import: { summary: 'convert claims from an 837P, FHIR R4 or CSV file into claim YAML', run: (argv) => engine().importCommand.run(argv) },
  remit: { summary: 'what the payer said: 835 remittance joined to the claims and their findings', run: (argv) => engine().remitCommand.run(argv) },
};

/** The command named by the first argument, with the arguments after it; undefined for a plain audit. */
export function findCommand(argv: string[], commands: Record<string, Command> = COMMANDS): { command: Command; args: string[] } | undefined {
  const name = argv[0];
  if (name === undefined || !Object.hasOwn(commands, name)) return undefined;
  return { command: commands[name], args: argv.slice(1) };
}

/** "Commands:" lines for the main help, or '' while none is registered. */
export function commandsHelp(commands: Record<string, Command> = COMMANDS): string {
  const names = Object.keys(commands).sort();
  if (!names.length) return '';
  const width = Math.max(...names.map((n) => n.length));
  return '\n\nCommands (claimlint <command> --help for their options):\n' + names.map((n) => `  ${n.padEnd(width)}  ${commands[n].summary}`).join('\n');
}
