/**
 * Results of auditing one claim (or one whole document), keyed by its exact text and the
 * config, so that an unchanged claim is never parsed or audited twice. Least recently used
 * entries are evicted first.
 */
import type { ClaimFinding } from './claim';

export interface CachedUnit {
  findings: ClaimFinding[];
  /** Claim id and its span (relative), for the file-level duplicate-id check. */
  ids: { id: string; path: string; start: number; end: number }[];
}

export class AuditCache {
  private readonly map = new Map<string, CachedUnit>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 20000) {}

  get(key: string): CachedUnit | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.hits++;
      this.map.delete(key);
      this.map.set(key, hit);
    } else this.misses++;
    return hit;
  }

  set(key: string, value: CachedUnit): void {
    this.map.set(key, value);
    if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as string);
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}
