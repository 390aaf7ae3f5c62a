/**
 * Which documents are claim files: *.claim.yaml / *.claim.yml, plus the `files` globs of
 * the settings and of the nearest .claimlintrc (relative to a workspace folder or to the
 * config file's folder). Any other YAML file gets no claim diagnostics.
 */
import { posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAMES } from '../core';
import { isClaimFileName } from '../protocol';
import { matchesGlob } from './glob';


/** File-system path of a file: URI, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The URI's path component (for untitled: and other schemes). */
function uriPathPart(uri: string): string {
  const m = /^[a-z][\w+.-]*:(?:\/\/[^/]*)?([^?#]*)/i.exec(uri);
  return decodeURIComponent(m ? m[1] : uri);
}

export function isConfigFile(uri: string): boolean {
  const path = uriPathPart(uri);
  return CONFIG_FILE_NAMES.includes(posix.basename(path));
}

export interface ClaimFileContext {
  /** Extra globs (settings and config files). */
  patterns: readonly string[];
  /** Workspace folder paths. */
  folders: readonly string[];
  /** Folder of the config file that contributed patterns, if any. */
  configDir?: string;
}

export function isClaimFile(uri: string, ctx: ClaimFileContext): boolean {
  const path = uriPathPart(uri);
  if (isClaimFileName(path)) return true;
  if (!ctx.patterns.length) return false;
  const fsPath = uriToPath(uri);
  const candidates = new Set<string>();
  if (fsPath) {
    for (const base of [...ctx.folders, ...(ctx.configDir ? [ctx.configDir] : [])]) {
      const rel = relative(base, fsPath);
      if (rel && !rel.startsWith('..') && !/^[a-z]:/i.test(rel)) candidates.add(rel.split(sep).join('/'));
    }
    candidates.add(fsPath.split(sep).join('/'));
  } else {
    candidates.add(path.replace(/^\/+/, ''));
  }
  return ctx.patterns.some((p) => [...candidates].some((c) => matchesGlob(c, p)));
}
