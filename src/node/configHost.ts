/**
 * The file system as the core's config lookup sees it (ConfigHost): one host for the CLI and
 * the language server, so both find and read the same .claimlintrc the same way (bounded
 * reads: a config that is a device, a folder or too big reads as unreadable).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConfigHost } from '../core/lite';
import { readConfigFile } from './boundedRead';

export const nodeConfigHost: ConfigHost = {
  readFile: readConfigFile,
  dirname,
  join,
  isRepoRoot: (dir) => existsSync(join(dir, '.git')),
};
