/**
 * Finds and reads the nearest .claimlintrc.yaml (or .yml / .json) walking up from a
 * folder. File access is passed in, so the core stays free of node:fs.
 */
import { parseDocument } from 'yaml';
import { configSchema, type Config } from './schema';

export const CONFIG_FILE_NAMES = ['.claimlintrc.yaml', '.claimlintrc.yml', '.claimlintrc.json'];

export interface ConfigHost {
  /** File text, or undefined when the file does not exist. */
  readFile(path: string): string | undefined;
  dirname(path: string): string;
  join(dir: string, name: string): string;
}

export type ConfigLoad =
  | { ok: true; path: string; config: Config }
  | { ok: false; path: string; message: string; line?: number };

export function findConfigFile(startDir: string, host: ConfigHost): { path: string; text: string } | undefined {
  let dir = startDir;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = host.join(dir, name);
      const text = host.readFile(path);
      if (text !== undefined) return { path, text };
    }
    const parent = host.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Parse and validate config text; errors name the key path, never values. */
export function parseConfig(path: string, text: string): ConfigLoad {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    return { ok: false, path, message: `not valid YAML (${e.code})`, line: e.linePos?.[0]?.line };
  }
  const parsed = configSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.map(String).join('.') || '(top level)';
    const keys = issue.code === 'unrecognized_keys' ? ` (unknown key ${issue.keys.join(', ')})` : '';
    return { ok: false, path, message: `${at}: ${issue.message}${keys}` };
  }
  return { ok: true, path, config: parsed.data };
}

export function loadNearestConfig(startDir: string, host: ConfigHost): ConfigLoad | undefined {
  const found = findConfigFile(startDir, host);
  return found && parseConfig(found.path, found.text);
}
