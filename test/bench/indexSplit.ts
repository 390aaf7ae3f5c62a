/**
 * Where a workspace index record's time goes, on one thread (issue 23 item 4), summed over
 * every file of a generated workspace: the read from disk; the yaml path in phases — parse
 * (cut into units, yaml parseDocument + toJS + source map), validation (zod), facts
 * (pricing, places); the record as the index makes it (recordOfText: the quick scanner when
 * the file is in its subset, else the yaml path) and how many files took the quick path; and
 * the structured clone of a text sent to a worker and of the record sent back. No target:
 * printed beside the workspace rows to show what the index costs and why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize, deserialize } from 'node:v8';
import { performance } from 'node:perf_hooks';
import { analyze, fileClaims, quickFileClaims, resolveConfig } from '../../src/core';
import { recordOfText } from '../../src/node/fileRecord';
import type { GeneratedWorkspace } from './workspace';

export interface IndexSplit {
  read: number;
  parse: number;
  validate: number;
  facts: number;
  record: number;
  transfer: number;
  /** Files whose record came through the quick scanner. */
  quick: number;
  files: number;
}

export function indexSplit(ws: Pick<GeneratedWorkspace, 'dir' | 'paths'>): IndexSplit {
  const config = resolveConfig();
  const split: IndexSplit = { read: 0, parse: 0, validate: 0, facts: 0, record: 0, transfer: 0, quick: 0, files: ws.paths.length };
  const lap = (key: 'read' | 'parse' | 'validate' | 'facts' | 'record' | 'transfer', t: number): number => {
    const now = performance.now();
    split[key] += now - t;
    return now;
  };
  ws.paths.forEach((path, i) => {
    let t = performance.now();
    const text = readFileSync(join(ws.dir, path), 'utf8');
    t = lap('read', t);
    const analysis = analyze(text, { config });
    t = lap('parse', t);
    for (const c of analysis.claims) c.validated();
    t = lap('validate', t);
    fileClaims(analysis, `file:///${i}`, path);
    t = lap('facts', t);
    const record = recordOfText(text, config, undefined, `file:///${i}`, path);
    t = lap('record', t);
    deserialize(serialize({ text, config }));
    deserialize(serialize(record));
    lap('transfer', t);
    if (quickFileClaims(text, config, undefined, `file:///${i}`, path)) split.quick++;
  });
  return split;
}

export function splitText(s: IndexSplit): string {
  const ms = (x: number): string => x.toFixed(0);
  return (
    `read ${ms(s.read)}; yaml path: parse ${ms(s.parse)}, validation ${ms(s.validate)}, facts ${ms(s.facts)}; ` +
    `the index's record (quick scanner for ${s.quick} of ${s.files} files) ${ms(s.record)}; transfer to and from a worker ${ms(s.transfer)}`
  );
}
