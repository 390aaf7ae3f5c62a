/**
 * Editor settings (the `claimlint` section), pulled per document with
 * workspace/configuration and validated with the core's zod schema. An invalid field
 * falls back to its default alone; the log names the key, never its value. A client
 * without the configuration capability gets the settings it pushed, or the defaults.
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { checkRuleSettings, defaultSettings, settingsSchema, type Settings } from '../core';
import { SETTINGS_SECTION } from '../protocol';

/** Validate raw settings field by field. `invalid` receives the keys that were rejected. */
export function parseSettings(raw: unknown, invalid: (key: string, message?: string) => void = () => {}): Settings {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ...defaultSettings };
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return checkedRules(whole.data, invalid);
  const out: Record<string, unknown> = { ...defaultSettings };
  const input = raw as Record<string, unknown>;
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!(key in input)) continue;
    if (key === 'rule') {
      out.rule = perRuleSettings(input.rule, invalid);
      continue;
    }
    const field = (schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(input[key]);
    if (field.success) out[key] = field.data;
    else invalid(key);
  }
  return checkedRules(out as Settings, invalid);
}

/** claimlint.rule.<id> one by one: an invalid value falls back to "default" for that rule alone. */
function perRuleSettings(raw: unknown, invalid: (key: string, message?: string) => void): Settings['rule'] {
  const out = { ...defaultSettings.rule };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    invalid('rule');
    return out;
  }
  for (const [id, schema] of Object.entries(settingsSchema.shape.rule.unwrap().shape)) {
    if (!Object.hasOwn(raw, id)) continue;
    const field = schema.safeParse((raw as Record<string, unknown>)[id]);
    if (field.success) out[id] = field.data;
    else invalid(`rule.${id}`);
  }
  return out;
}

/** claimlint.rules against the rule registry: unknown ids and bad options are reported and left out. */
function checkedRules(settings: Settings, invalid: (key: string, message?: string) => void): Settings {
  const { rules, problems } = checkRuleSettings(settings.rules);
  if (!problems.length) return settings;
  for (const p of problems) invalid(p.path.join('.'), p.message);
  return { ...settings, rules };
}

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<Settings>>();
  private pushed: Settings = { ...defaultSettings };
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let hit = this.byUri.get(uri);
    if (!hit) {
      hit = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((raw) => this.parse(raw))
        .catch(() => ({ ...defaultSettings }));
      this.byUri.set(uri, hit);
    }
    return hit;
  }

  /** workspace/didChangeConfiguration: forget pulled settings; keep pushed ones. */
  changed(pushedSettings: unknown): void {
    this.byUri.clear();
    this.reported.clear();
    const section = (pushedSettings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (section !== undefined) this.pushed = this.parse(section);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private parse(raw: unknown): Settings {
    return parseSettings(raw ?? {}, (key, message) => {
      if (this.reported.has(key)) return;
      this.reported.add(key);
      if (message === undefined) {
        this.connection.console.warn(`Setting ${SETTINGS_SECTION}.${key} is invalid; using its default.`);
        return;
      }
      // An unknown rule id or a bad rule option (settings.json is the client's file: VS Code
      // underlines these there from the generated schema; the server says so too).
      const text = `Setting ${SETTINGS_SECTION}.${key}: ${message}`;
      this.connection.console.warn(text);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `claimlint: ${text}` });
    });
  }
}
