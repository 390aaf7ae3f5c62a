/**
 * What the `--cache` entries are keyed by, besides the config: SHA-256 of a file's content,
 * the claimlint build that wrote them (buildId) and the data packs' files (packsKey).
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { configKey, type ResolvedConfig } from '../../core/lite';
import { READ_LIMITS, readBounded } from '../../node/boundedRead';

/** SHA-256 of a text (of its UTF-8) or of bytes: a valid UTF-8 file and its text hash alike. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * What identifies this claimlint build: the version, and the size and modification time of
 * the running bundle and of the engine and worker bundles beside it (a rebuild of the same
 * version — new rules, a new built-in data pack — invalidates the cache too).
 */
export function buildId(version: string, files = [__filename, join(__dirname, 'cliEngine.js'), join(__dirname, 'auditWorker.js')]): string {
  const stamps: string[] = [];
  for (const file of files) {
    try {
      const st = statSync(file);
      stamps.push(`${st.size}.${Math.round(st.mtimeMs)}`);
    } catch {
      // not built beside this one (the unbundled tests)
    }
  }
  return stamps.length ? `${version}+${stamps.join('.')}` : version;
}

/**
 * The data packs' part of the cache key: each pack folder (absolute, in overlay order) with
 * the name and SHA-256 of every file in it — the manifest and the tables it lists (their
 * names are plain file names in the folder), so any change to a pack is a new key. Read
 * without loading the pack; a folder that cannot be read keys as such (its files are not
 * audited then, so nothing is cached under it).
 */
export function packsKey(dirs: readonly string[] | undefined): string {
  if (!dirs?.length) return 'built-in';
  return dirs
    .map((dir) => {
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch (err) {
        return `${dir}:${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`;
      }
      const files = names.map((name) => {
        try {
          const path = join(dir, name);
          return statSync(path).isFile() ? `${name}=${sha256(readBounded(path, READ_LIMITS.packTable))}` : `${name}/`;
        } catch {
          return `${name}?`;
        }
      });
      return `${dir}:${files.join(',')}`;
    })
    .join('\u0000');
}

/**
 * The cache key of a file's results, per run: its effective config and its data packs' files
 * (each config keyed, and each set of pack folders read, once a run).
 */
export function resultKeys(): (config: ResolvedConfig) => string {
  const packKeys = new Map<string, string>();
  const configKeys = new WeakMap<ResolvedConfig, string>();
  const packsKeyOf = (config: ResolvedConfig): string => {
    const dirs = config.data ?? [];
    const id = dirs.join('\u0000');
    if (!packKeys.has(id)) packKeys.set(id, packsKey(dirs));
    return packKeys.get(id)!;
  };
  return (config) => {
    if (!configKeys.has(config)) configKeys.set(config, `${configKey(config)}\u0000${packsKeyOf(config)}`);
    return configKeys.get(config)!;
  };
}
