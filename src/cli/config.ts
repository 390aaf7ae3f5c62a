/**
 * Config for the CLI: --config <file>, else the nearest .claimlintrc per file's folder.
 * Finding the file is done here; reading it (parse, validate, resolve) is a ConfigReader's
 * job: ./configReader.ts with the engine's schema, or the --cache's memo of what that reader
 * said about the same text (./cache/resultCache.ts), so a cached run need not load the schema at all.
 */
import { nodeConfigHost } from '../node/configHost';
import { dirname, resolve } from 'node:path';
import { terminalSafe } from './formatters/safe';
import { displayPath } from '../node/discovery';
import { countErrors, findConfigFile, formatConfigProblem, type ConfigLoad, type ResolvedConfig } from '../core/lite';

export { nodeConfigHost };

/** What a config file says: its load (warnings or error) and, when valid, the config it resolves to (pack folders absolute). */
export interface ReadConfig {
  load: ConfigLoad;
  config?: ResolvedConfig;
}

export interface ConfigReader {
  /** The config file at `path` with this text. */
  read(path: string, text: string): ReadConfig;
  /** The config when no file applies. */
  defaults(): ResolvedConfig;
}

/**
 * Writes every problem of a config file to stderr, located (file:line: key: what is wrong):
 * an invalid file's errors, and the warnings (unknown rule ids, bad rule options; those
 * entries are ignored) of a valid or an invalid one. The line saying what an invalid file
 * means for the run is ConfigResolver's error (said once by the caller).
 */
export function writeConfigWarnings(load: ConfigLoad): void {
  const problems = load.ok ? (load.warnings ?? []) : load.problems;
  for (const p of problems) {
    process.stderr.write(`claimlint: ${p.severity === 'warning' ? 'warning: ' : ''}${terminalSafe(formatConfigProblem(displayPath(load.path), p))}\n`);
  }
}

/** A config file that could not be read at all: one problem, at the top level. */
function failedLoad(path: string, message: string): ReadConfig {
  return { load: { ok: false, path, message, problems: [{ path: '(top level)', message, severity: 'error' }] } };
}

export class ConfigResolver {
  private readonly byDir = new Map<string, ReadConfig | undefined>();
  private readonly explicit?: ReadConfig;
  private readonly warned = new Set<string>();

  /** `warn` receives each config file that is read, once (default: its warnings go to stderr). */
  constructor(
    configPath: string | undefined,
    private readonly reader: ConfigReader,
    private readonly warn: (load: ConfigLoad) => void = writeConfigWarnings,
  ) {
    if (configPath) {
      const text = nodeConfigHost.readFile(configPath);
      this.explicit =
        text === undefined ? failedLoad(configPath, 'file not found') : typeof text === 'string' ? reader.read(configPath, text) : failedLoad(configPath, text.unreadable);
    }
  }

  /** The config layer for a file, or an error to report (exit 2). */
  forFile(file: string): { config: ResolvedConfig } | { error: string } {
    return this.forDir(dirname(file));
  }

  /** The config layer that applies to files in a folder. */
  forDir(dir: string): { config: ResolvedConfig } | { error: string } {
    const read = this.explicit ?? this.nearest(dir);
    if (!read) return { config: this.reader.defaults() };
    const { load } = read;
    if (!this.warned.has(load.path)) {
      this.warned.add(load.path);
      this.warn(load);
    }
    if (!load.ok || !read.config) {
      const what = load.ok ? 'unreadable' : countErrors(load.problems) + ' above';
      return { error: `${load.path}: invalid config (${what}): the claim files under it are not audited (exit 2); fix it, or name another config with --config` };
    }
    return { config: read.config };
  }

  /** Extra claim-file globs for finding files in a folder: the config that applies there. */
  globsFor(dir: string): string[] {
    const load = (this.explicit ?? this.nearest(dir))?.load;
    return load?.ok ? (load.config.files ?? []) : [];
  }

  /** For --debug: which config file applies to each folder given and each file's folder. */
  describe(folders: string[], files: string[]): string[] {
    const dirs = [...new Set([...folders, ...files.map((f) => dirname(f))])].sort();
    return dirs.map((dir) => {
      const load = (this.explicit ?? this.nearest(dir))?.load;
      const which = !load ? 'no config file (defaults)' : `config ${load.path}${this.explicit ? ' (--config)' : ''}${load.ok ? '' : ' (invalid)'}`;
      return `${dir}: ${which}`;
    });
  }

  private nearest(dir: string): ReadConfig | undefined {
    if (!this.byDir.has(dir)) {
      const found = findConfigFile(dir, nodeConfigHost);
      this.byDir.set(dir, found && (found.unreadable ? failedLoad(found.path, found.unreadable) : this.reader.read(found.path, found.text)));
    }
    return this.byDir.get(dir);
  }
}

/** Data pack folders are written relative to the config file that names them. */
export function withPackPaths(config: ResolvedConfig, configPath: string): ResolvedConfig {
  if (!config.data?.length) return config;
  return { ...config, data: config.data.map((p) => resolve(dirname(configPath), p)) };
}
