/** The CLI's ConfigReader with the engine's own schema: parse, validate, resolve (pack folders made absolute). */
import { parseConfig, resolveConfig } from '../core';
import { withPackPaths, type ConfigReader } from './config';

export const schemaConfigReader: ConfigReader = {
  read(path, text) {
    const load = parseConfig(path, text);
    return load.ok ? { load, config: withPackPaths(resolveConfig(load.config), path) } : { load };
  },
  defaults: () => resolveConfig(),
};
