/**
 * The one cache of the claim pipeline: parsed units (one claim item, or one whole
 * document), keyed by their exact text, each holding its claims (node, source map, data)
 * and its findings per config. Bounded by an estimate of the bytes it keeps alive; least
 * recently used units are evicted first. `clear()` empties it (config files changed).
 */
import { flatCopy, type ParsedUnit } from './unit';

/** Default budget: generous for a 30 MB claim file, far below a V8 heap limit. */
export const DEFAULT_CACHE_BYTES = 768 * 1024 * 1024;

export class AuditCache {
  private readonly map = new Map<string, ParsedUnit>();
  /** Each cached unit's key, so a unit can be released without its (possibly large) text. */
  private readonly keys = new WeakMap<ParsedUnit, string>();
  private used = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes = DEFAULT_CACHE_BYTES) {}

  get(key: string): ParsedUnit | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.hits++;
      this.map.delete(key);
      this.map.set(key, hit);
    } else this.misses++;
    return hit;
  }

  set(key: string, value: ParsedUnit): void {
    const old = this.map.get(key);
    if (old) {
      this.used -= old.bytes;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.keys.set(value, key);
    this.used += value.bytes;
    // Evict the oldest entries over budget (never the one just added).
    for (const [k, v] of this.map) {
      if (this.used <= this.maxBytes || k === key) break;
      this.map.delete(k);
      this.used -= v.bytes;
    }
  }

  /**
   * Drop a unit nobody needs any more (the editor's previous version of a document): the
   * cache then holds one version per open document instead of every version until the
   * byte budget is spent. A unit another document still uses is only parsed again.
   */
  release(unit: ParsedUnit): void {
    const key = this.keys.get(unit);
    if (key === undefined || this.map.get(key) !== unit) return;
    this.map.delete(key);
    this.keys.delete(unit);
    this.used -= unit.bytes;
  }

  /** A unit's results grew (findings for another config): account for it. */
  grew(by: number): void {
    this.used += by;
  }

  get size(): number {
    return this.map.size;
  }

  /** Estimated bytes held. */
  get bytes(): number {
    return this.used;
  }

  clear(): void {
    this.map.clear();
    this.used = 0;
  }
}

/** A unit parsed through the cache (the key is the kind and the text): analyze() and audits of units elsewhere share it. */
export function cachedUnit(cache: AuditCache | undefined, kind: string, text: string, parse: (text: string) => ParsedUnit): ParsedUnit {
  if (!cache) return parse(text);
  const key = `${kind}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // One flat copy: the unit's text is a slice of its key, which the cache holds anyway.
  const flat = flatCopy(key);
  const unit = parse(flat.slice(kind.length + 1));
  cache.set(flat, unit);
  return unit;
}
