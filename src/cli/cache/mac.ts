/**
 * The --cache file's integrity check (issue 20 item 12). The cache holds findings, so an
 * edited cache (entries set to `findings: []`) or a foreign one (committed to a repository,
 * restored in CI, copied from another machine) could make findings disappear. Every cache
 * file's head is signed (the line that gives the SHA-256 of each part after it, ./layout.ts):
 * HMAC-SHA-256 over its text, keyed by what identifies this user on
 * this machine and this copy of the folder, none of it in the workspace and none of it
 * written by claimlint:
 *   the machine's id (/etc/machine-id or /var/lib/dbus/machine-id, else the host name),
 *   the user (uid and name) and their home folder,
 *   the cache folder's real path and its device and inode.
 * A cache whose signature does not verify is ignored as a whole (the run audits everything
 * and writes a new, signed one). A clone or copy of the folder has another inode, another
 * machine another id: neither trusts the other's cache.
 *
 * Why this and not the alternatives: a secret key would have to be stored somewhere, and
 * claimlint writes nothing outside the workspace (a key inside it travels with the cache);
 * a default cache location outside the workspace breaks the same promise. Re-auditing a
 * cached file to check its findings would be the audit the cache saves. What this does not
 * stop: someone who can run programs as this user on this machine can recompute the key —
 * but they could as well edit the claims or claimlint itself.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, readSync, realpathSync, statSync } from 'node:fs';
import { homedir, hostname, userInfo } from 'node:os';
import { basename, dirname } from 'node:path';
import { FileReadError, openRegular, readBoundedTextIfExists } from '../../node/boundedRead';

/** The cache's file name in a folder. */
export const CACHE_FILE = '.claimlintcache';

const PREFIX = '{"mac":"';
const MAC_HEX = 64;

function machineId(): string {
  for (const path of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    try {
      const id = readBoundedTextIfExists(path, 1024)?.trim();
      if (id) return id;
    } catch {
      /* not readable: try the next */
    }
  }
  return hostname();
}

function user(): string {
  try {
    const u = userInfo();
    return `${u.uid}:${u.username}`;
  } catch {
    return 'unknown-user';
  }
}

/** The signing key for a cache file at `path` (its folder must exist). */
export function cacheMacKey(path: string, home = homedir()): Buffer {
  const dir = dirname(path);
  let where: string;
  try {
    const real = realpathSync(dir);
    const st = statSync(real);
    where = `${real}\u0000${st.dev}:${st.ino}`;
  } catch {
    where = dir;
  }
  return createHmac('sha256', 'claimlint-cache-mac-v1').update([machineId(), user(), home, where].join('\u0000')).digest();
}

/** The cache file's text: `{"mac":"<hmac>",` + the rest of `json` (a JSON object's text). */
export function signCacheText(json: string, key: Buffer): string {
  const rest = json.slice(1);
  return `${PREFIX}${createHmac('sha256', key).update(rest).digest('hex')}",${rest}`;
}

/** The JSON object's text of a signed cache file, or undefined when it is unsigned or its signature does not verify. */
export function verifiedCacheText(text: string, key: Buffer): string | undefined {
  if (!text.startsWith(PREFIX) || text[PREFIX.length + MAC_HEX] !== '"' || text[PREFIX.length + MAC_HEX + 1] !== ',') return undefined;
  const mac = Buffer.from(text.slice(PREFIX.length, PREFIX.length + MAC_HEX), 'hex');
  const rest = text.slice(PREFIX.length + MAC_HEX + 2);
  const expected = createHmac('sha256', key).update(rest).digest();
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
  return '{' + rest;
}

/** Whether a file's first bytes are those of a claimlint cache (signed, or of an earlier format). */
export function looksLikeCache(head: string): boolean {
  return head.startsWith(PREFIX) || /^\{"format":"claimlint-cache"/.test(head);
}

/**
 * Why an existing file at the cache's place must not be replaced by the cache, or undefined:
 * only a file named .claimlintcache, a claimlint cache or an empty file is, never a claim
 * file or anything else.
 */
export function notACacheFile(path: string): string | undefined {
  // A file of the cache's own name is the cache, whatever it holds now (a corrupt one is rebuilt).
  if (basename(path) === CACHE_FILE) return undefined;
  let fd: number;
  try {
    fd = openRegular(path, Number.MAX_SAFE_INTEGER).fd;
  } catch (err) {
    if (err instanceof FileReadError && err.code === 'ENOENT') return undefined;
    return `${basename(path)} is ${err instanceof FileReadError && err.code === 'ENOTREG' ? err.message : 'not readable'}; name a new file, or a folder to hold ${CACHE_FILE}`;
  }
  try {
    const head = Buffer.alloc(64);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n === 0 || looksLikeCache(head.subarray(0, n).toString('utf8'))) return undefined;
    return `${basename(path)} exists and is not a claimlint cache file; it is never overwritten: name a new file, or a folder to hold ${CACHE_FILE}`;
  } finally {
    closeSync(fd);
  }
}
