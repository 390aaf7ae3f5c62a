/**
 * Where a config file is: the nearest .claimlintrc.yaml (or .yml / .json) walking up from
 * a folder. Only the finding, not the reading of it (./lookup.ts parses and validates), so
 * the CLI can find a config without loading the config schema (core/lite.ts).
 */
export const CONFIG_FILE_NAMES = ['.claimlintrc.yaml', '.claimlintrc.yml', '.claimlintrc.json'];

export interface ConfigHost {
  /** File text, or undefined when the file does not exist. */
  readFile(path: string): string | undefined;
  dirname(path: string): string;
  join(dir: string, name: string): string;
  /**
   * True for a repository root (a folder holding `.git`): the lookup reads that folder's
   * config and goes no higher, so a stray config above the project cannot change its audit.
   */
  isRepoRoot?(dir: string): boolean;
}

/**
 * The nearest config file from `startDir` up, stopping (like ESLint) at the first config
 * found (it applies whole; `root: true` in it says so explicitly), at a repository root
 * (`host.isRepoRoot`) and at any of `stopAt` (the editor's workspace folders).
 */
export function findConfigFile(startDir: string, host: ConfigHost, stopAt: readonly string[] = []): { path: string; text: string } | undefined {
  let dir = startDir;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = host.join(dir, name);
      const text = host.readFile(path);
      if (text !== undefined) return { path, text };
    }
    if (stopAt.includes(dir) || host.isRepoRoot?.(dir)) return undefined;
    const parent = host.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
