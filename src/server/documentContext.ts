/**
 * What the server needs to know about a document before auditing it: its settings, its
 * config (the nearest .claimlintrc layered under the settings) and whether it is a claim
 * file at all. An invalid config file is reported once (window/showMessage naming the
 * path, its first problem and the fallback; every problem in the log) and skipped, so the
 * settings alone apply.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { countErrors, formatConfigProblem, resolveConfig, type Config, type ConfigProblem, type ConfigWarning, type ResolvedConfig, settingsToConfig, type Settings } from '../core';
import { isClaimFile, uriToPath } from './claimFiles';
import { CONFIG_FALLBACK, type ConfigFiles } from './configFiles';
import type { SettingsStore } from './settings';

export interface DocumentContext {
  settings: Settings;
  config: ResolvedConfig;
  /** The document is a claim file and auditing is enabled. */
  active: boolean;
  isClaim: boolean;
  /** The config file in effect (valid or not), if any. */
  configPath?: string;
}

export class DocumentContexts {
  private readonly warned = new Map<string, string>();
  /** The config path last logged per folder ('' for none): the log says which config applied. */
  private readonly logged = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsStore,
    private readonly configFiles: ConfigFiles,
    private readonly folders: () => readonly string[],
  ) {}

  async get(uri: string): Promise<DocumentContext> {
    const settings = await this.settings.get(uri);
    const fsPath = uriToPath(uri);
    let fileConfig: Config | undefined;
    let configPath: string | undefined;
    if (fsPath) {
      const dir = dirname(fsPath);
      const load = this.configFiles.nearest(dir, this.folders());
      this.logConfig(dir, load?.path ?? '');
      if (load) {
        configPath = load.path;
        if (load.ok) {
          fileConfig = load.config.data ? { ...load.config, data: load.config.data.map((p) => resolve(dirname(load.path), p)) } : load.config;
          if (load.warnings?.length) this.warnRules(load.path, load.warnings);
          else this.warned.delete(load.path);
        } else this.warnInvalid(load.path, load.problems);
      }
    }
    const fromSettings = settingsToConfig(settings);
    if (fromSettings.data?.length) fromSettings.data = fromSettings.data.map((p) => this.settingPath(p, fsPath));
    const config = resolveConfig(fileConfig, fromSettings);
    const isClaim = isClaimFile(uri, {
      patterns: config.files,
      folders: this.folders(),
      configDir: configPath ? dirname(configPath) : undefined,
    });
    return { settings, config, isClaim, active: isClaim && settings.enable, configPath };
  }

  /** A relative claimlint.dataPacks entry is taken from the document's workspace folder. */
  private settingPath(p: string, fsPath: string | undefined): string {
    if (isAbsolute(p)) return p;
    const folder =
      (fsPath && this.folders().find((f) => !relative(f, fsPath).startsWith('..') && !isAbsolute(relative(f, fsPath)))) ?? this.folders()[0];
    return folder ? resolve(folder, p) : p;
  }

  /** A config file changed on disk: warn again if it is still invalid. */
  reset(): void {
    this.configFiles.clear();
    this.warned.clear();
    this.logged.clear();
  }

  private logConfig(dir: string, path: string): void {
    if (this.logged.get(dir) === path) return;
    this.logged.set(dir, path);
    // The config's own path (folder names of configs, not of claim files) or "none".
    this.connection.console.log(path ? `config in effect: ${path}` : 'config in effect: none (settings and defaults)');
  }

  /** Unknown rule ids / bad rule options in a config file: logged and shown once, located (path:line). */
  private warnRules(path: string, warnings: ConfigWarning[]): void {
    const lines = warnings.map((w) => formatConfigProblem(path, w));
    const key = lines.join('\n');
    if (this.warned.get(path) === key) return;
    this.warned.set(path, key);
    for (const l of lines) this.connection.console.warn(`Config ${l}`);
    const more = lines.length > 1 ? ` (+${lines.length - 1} more in the claimlint output)` : '';
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `claimlint: ${lines[0]}${more}` });
  }

  /** An invalid config file: every problem logged, the first shown with what the editor does meanwhile. */
  private warnInvalid(path: string, problems: ConfigProblem[]): void {
    const lines = problems.map((p) => `${p.severity === 'warning' ? 'warning: ' : ''}${formatConfigProblem(path, p)}`);
    const key = lines.join('\n');
    if (this.warned.get(path) === key) return;
    this.warned.set(path, key);
    for (const l of lines) this.connection.console.warn(`Invalid config ${l}`);
    const first = problems.find((p) => p.severity === 'error') ?? problems[0];
    const more = problems.length > 1 ? ` (+${problems.length - 1} more: see the Problems panel of the config file, or the claimlint output)` : '';
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `claimlint: invalid config (${countErrors(problems)}): ${first ? formatConfigProblem(path, first) : path}${more}. Invalid config: ${CONFIG_FALLBACK}.`,
    });
  }
}
