/**
 * The glob library (tinyglobby, with picomatch), on its own: ./discovery.ts loads it on first
 * use, since a search of a plain folder by the default globs needs none of it. In the CLI's
 * bundle it is dist/glob.js (esbuild.js), so a run answered from --cache neither compiles nor
 * initialises it.
 */
export { glob, globSync, isDynamicPattern } from 'tinyglobby';
