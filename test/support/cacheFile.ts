/**
 * The --cache file as the tests read and edit it: its head with every part read back into
 * place (findings, claims, cross-claim findings, the remembered report's text), and written
 * again in claimlint's layout (src/cli/cache/layout.ts), signed as claimlint signs it for this
 * user and folder unless told otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { PartRef } from '../../src/cli/cache/layout';
import { cacheMacKey, signCacheText } from '../../src/cli/cache/mac';
import { PartWriter } from '../../src/cli/cache/layout';

/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit the cache freely */
export interface CacheEntryView {
  content: string;
  stamp?: string;
  utf8?: boolean;
  config: string;
  shown?: string;
  findings: any[];
  claims?: any;
  cross?: { key: string; findings: any[] };
}

export interface CacheView {
  mac?: string;
  format: string;
  version: number;
  claimlint: string;
  entries: Record<string, CacheEntryView>;
  configs: Record<string, any>;
  report?: { key: string; text: string; errors: number; warnings: number };
}

/** The cache's head line and the bytes after it. */
export function cacheBytes(path: string): { head: string; parts: Buffer } {
  const bytes = readFileSync(path);
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) throw new Error(`${path}: no head line`);
  return { head: bytes.subarray(0, nl).toString('utf8'), parts: bytes.subarray(nl + 1) };
}

/** The cache with its parts in place (their digests are not checked). */
export function readCacheView(path: string): CacheView {
  const { head, parts } = cacheBytes(path);
  const view = JSON.parse(head);
  const part = (ref: PartRef) => parts.subarray(ref[0], ref[0] + ref[1]).toString('utf8');
  for (const e of Object.values<any>(view.entries)) {
    e.findings = JSON.parse(part(e.findings));
    if (e.claims) e.claims = JSON.parse(part(e.claims));
    if (e.cross) e.cross.findings = JSON.parse(part(e.cross.findings));
  }
  if (view.report) view.report.text = part(view.report.text);
  return view as CacheView;
}

/** Writes `view` in claimlint's layout, signed with `key` (by default this user's key for the cache's folder). */
export function writeCacheView(path: string, view: CacheView, key: Buffer = cacheMacKey(path)): void {
  writeFileSync(path, encodeCacheView(view, (head) => signCacheText(head, key)));
}

/** `view` in claimlint's layout; `sign` turns the head's JSON into its line (signed or not). */
export function encodeCacheView(view: CacheView, sign: (head: string) => string): Buffer {
  const writer = new PartWriter();
  const { mac: _mac, ...rest } = view;
  const head: any = { ...rest, entries: {} };
  for (const [file, e] of Object.entries(view.entries)) {
    const h: any = { ...e, findings: writer.addJson(e.findings) };
    if (e.claims) h.claims = writer.addJson(e.claims);
    if (e.cross) h.cross = { key: e.cross.key, findings: writer.addJson(e.cross.findings) };
    head.entries[file] = h;
  }
  if (view.report) head.report = { ...view.report, text: writer.add(Buffer.from(view.report.text)) };
  return Buffer.concat([Buffer.from(sign(JSON.stringify(head)) + '\n'), ...writer.chunks]);
}
