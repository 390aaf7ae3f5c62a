/** Config for the CLI: --config <file>, else the nearest .claimlintrc per file's folder. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { terminalSafe } from './formatters/safe';
import { loadNearestConfig, parseConfig, type ConfigHost, type ConfigLoad, resolveConfig, type ResolvedConfig } from '../core';

export const nodeConfigHost: ConfigHost = {
  readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
  dirname,
  join,
  isRepoRoot: (dir) => existsSync(join(dir, '.git')),
};

/** Writes a config file's warnings (unknown rule ids, bad rule options) to stderr. */
export function writeConfigWarnings(load: ConfigLoad): void {
  if (!load.ok) return;
  for (const w of load.warnings ?? []) {
    process.stderr.write(`claimlint: warning: ${terminalSafe(`${load.path}${w.line ? `:${w.line}` : ''}: ${w.path}: ${w.message}`)}\n`);
  }
}

export class ConfigResolver {
  private readonly byDir = new Map<string, ConfigLoad | undefined>();
  private readonly explicit?: ConfigLoad;
  private readonly warned = new Set<string>();

  /** `warn` receives each config file that is read, once (default: its warnings go to stderr). */
  constructor(
    configPath?: string,
    private readonly warn: (load: ConfigLoad) => void = writeConfigWarnings,
  ) {
    if (configPath) {
      const text = nodeConfigHost.readFile(configPath);
      this.explicit = text === undefined ? { ok: false, path: configPath, message: 'file not found' } : parseConfig(configPath, text);
    }
  }

  /** The config layer for a file, or an error to report (exit 2). */
  forFile(file: string): { config: ResolvedConfig } | { error: string } {
    return this.forDir(dirname(file));
  }

  /** The config layer that applies to files in a folder. */
  forDir(dir: string): { config: ResolvedConfig } | { error: string } {
    const load = this.explicit ?? this.nearest(dir);
    if (!load) return { config: resolveConfig() };
    if (!this.warned.has(load.path)) {
      this.warned.add(load.path);
      this.warn(load);
    }
    if (!load.ok) return { error: `${load.path}${load.line ? `:${load.line}` : ''}: invalid config: ${load.message}` };
    return { config: withPackPaths(resolveConfig(load.config), load.path) };
  }

  /** Extra claim-file globs for finding files in a folder: the config that applies there. */
  globsFor(dir: string): string[] {
    const load = this.explicit ?? this.nearest(dir);
    return load?.ok ? (load.config.files ?? []) : [];
  }

  /** For --debug: which config file applies to each folder given and each file's folder. */
  describe(folders: string[], files: string[]): string[] {
    const dirs = [...new Set([...folders, ...files.map((f) => dirname(f))])].sort();
    return dirs.map((dir) => {
      const load = this.explicit ?? this.nearest(dir);
      const which = !load ? 'no config file (defaults)' : `config ${load.path}${this.explicit ? ' (--config)' : ''}${load.ok ? '' : ' (invalid)'}`;
      return `${dir}: ${which}`;
    });
  }

  private nearest(dir: string): ConfigLoad | undefined {
    if (!this.byDir.has(dir)) this.byDir.set(dir, loadNearestConfig(dir, nodeConfigHost));
    return this.byDir.get(dir);
  }
}

/** Data pack folders are written relative to the config file that names them. */
export function withPackPaths(config: ResolvedConfig, configPath: string): ResolvedConfig {
  if (!config.data?.length) return config;
  return { ...config, data: config.data.map((p) => resolve(dirname(configPath), p)) };
}
