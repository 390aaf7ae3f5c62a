/**
 * The CLI's engine (./engine.ts: the rules, schemas, reference data, worker pool, the
 * formatters that need rule metadata, the subcommands), loaded on first use. In the
 * bundle it is dist/cliEngine.js, apart from dist/cli.js (esbuild.js), so a run answered
 * from --cache, --help or --version never compiles or initialises it.
 */
import type * as Engine from './engine';

let loaded: typeof Engine | undefined;

export function engine(): typeof Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  return (loaded ??= require('./engine') as typeof Engine);
}
