import type { ResolvedConfig } from './schema';

/** A stable key for caching audit results under this config. */
export function configKey(config: ResolvedConfig): string {
  return JSON.stringify(config, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
