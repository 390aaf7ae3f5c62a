/**
 * Where a config file is: the nearest .claimlintrc.yaml (or .yml / .json) walking up from
 * a folder. Only the finding, not the reading of it (./lookup.ts parses and validates), so
 * the CLI can find a config without loading the config schema (core/lite.ts).
 */
export const CONFIG_FILE_NAMES = ['.claimlintrc.yaml', '.claimlintrc.yml', '.claimlintrc.json'];

export interface ConfigHost {
  /**
   * File text, or undefined when the file does not exist, or `{ unreadable }` saying why a
   * file that exists is not read (a device, a FIFO, a folder, over the size limit).
   */
  readFile(path: string): string | undefined | { unreadable: string };
  dirname(path: string): string;
  join(dir: string, name: string): string;
  /**
   * True for a repository root (a folder holding `.git`): the lookup reads that folder's
   * config and goes no higher, so a stray config above the project cannot change its audit.
   */
  isRepoRoot?(dir: string): boolean;
}

/** A config file found: its text, or why it could not be read (then text is ''). */
export interface FoundConfig {
  path: string;
  text: string;
  unreadable?: string;
}

/**
 * The nearest config file from `startDir` up, stopping (like ESLint) at the first config
 * found (it applies whole; `root: true` in it says so explicitly), at a repository root
 * (`host.isRepoRoot`) and at any of `stopAt` (the editor's workspace folders).
 */
export function findConfigFile(startDir: string, host: ConfigHost, stopAt: readonly string[] = []): FoundConfig | undefined {
  let dir = startDir;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = host.join(dir, name);
      const text = host.readFile(path);
      if (typeof text === 'string') return { path, text };
      if (text !== undefined) return { path, text: '', unreadable: text.unreadable };
    }
    if (stopAt.includes(dir) || host.isRepoRoot?.(dir)) return undefined;
    const parent = host.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
