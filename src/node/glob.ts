/**
 * The glob library (tinyglobby, with picomatch) for the CLI's search (./claimSearch.ts), which
 * loads it on first use: a plain folder searched by the default globs needs none of it. In the
 * CLI's bundle it is dist/glob.js (esbuild.js), so a run answered from --cache neither compiles
 * nor initialises it.
 */
export { globSync, isDynamicPattern } from 'tinyglobby';
