import type { ResolvedConfig } from './schema';

/**
 * A stable key for caching audit results under this config. Keys sorted by code unit (not
 * localeCompare, whose first call sets up ICU collation: ~10 ms of a cached CLI run).
 */
export function configKey(config: ResolvedConfig): string {
  return JSON.stringify(config, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
