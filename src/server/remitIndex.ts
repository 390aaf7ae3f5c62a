/**
 * The 835 remittance files of the workspace folders, read (issue 27): found by name and
 * content (src/node/remitFiles.ts), parsed by the importers' 835 reader, which the server
 * loads from its own bundle (dist/importers.js) on the first candidate file, and kept current
 * from the client's file watcher. Never in Restricted Mode. A malformed 835 is reported once
 * (its path, the segment and element; never a value) and contributes nothing; the others
 * still count. Holds claim payments only: the reader never reads NM1*QC/NM1*IL.
 */
import { relative, sep } from 'node:path';
import type * as Importers from '../importers/claims';
import type { RemitClaim, RemitInput } from '../core';
import { remitCandidates, readRemitFile } from '../node/remitFiles';
import { isRemitCandidateName } from '../protocol';

/** The importers' bundle: the 835 reader and the core's join and texts (loaded on first use). */
export function remitModule(): typeof Importers {
  // esbuild.js turns this into require('./importers.js') in dist/server.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  return require('../importers/claims') as typeof Importers;
}

export interface RemitIndexDeps {
  folders: () => readonly string[];
  trusted: () => boolean;
  log: (message: string) => void;
  /** A file the user should know about (a malformed 835): shown once per problem. */
  warn: (message: string) => void;
}

interface RemitFile {
  /** Relative to its workspace folder, forward slashes: how hovers and warnings name it. */
  label: string;
  claims: RemitClaim[];
}

/** The CLP01 a claim id can be paid under: the id itself, and the id before the importer's split suffix (-YYYY-MM-DD, -YYYY-MM-DD-n). */
export function clp01sOf(id: string): string[] {
  const m = /^(.+)-\d{4}-\d{2}-\d{2}(-\d+)?$/.exec(id);
  return m ? [id, m[1]] : [id];
}

export class RemitIndex {
  private readonly files = new Map<string, RemitFile>();
  /** Path → the problem last reported for it (reported again only when it changes). */
  private readonly problems = new Map<string, string>();
  private byClp01 = new Map<string, { path: string; claim: RemitClaim }[]>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped on every change of what the index holds. */
  generation = 0;

  constructor(private readonly deps: RemitIndexDeps) {}

  /** Remittance files read (malformed ones not counted). */
  get size(): number {
    return this.files.size;
  }

  /** Resolves once the reads asked for so far are done. */
  async ready(): Promise<void> {
    await this.queue;
  }

  /** Every folder searched again; resolves with whether anything changed. */
  rebuild(): Promise<boolean> {
    return this.enqueue(async () => {
      const held = this.files.size > 0;
      this.files.clear();
      if (this.deps.trusted()) {
        for (const folder of this.deps.folders()) {
          const { files, capped } = await remitCandidates(folder);
          if (capped) this.deps.log(`remittance files: more than ${files.length} candidate files (.835, .era, .edi, .x12, .txt) in a workspace folder; the rest are not looked at`);
          for (const file of files) this.read(file);
        }
      }
      this.reindex();
      return held || this.files.size > 0;
    });
  }

  /** Files changed on disk (from the watcher); resolves with whether anything changed. */
  changed(changes: readonly { path: string; deleted: boolean }[]): Promise<boolean> {
    return this.enqueue(async () => {
      if (!this.deps.trusted()) return false;
      let touched = false;
      for (const { path, deleted } of changes) {
        if (!isRemitCandidateName(path) || !this.folderOf(path)) continue;
        const held = this.files.delete(path);
        if (deleted) this.problems.delete(path);
        else this.read(path);
        touched ||= held || this.files.has(path);
      }
      if (touched) this.reindex();
      return touched;
    });
  }

  /** The remittances that can pay these claim ids (by CLP01 and split ids), one input per 835 file. */
  inputsFor(ids: Iterable<string>): RemitInput[] {
    const picked = new Map<string, RemitClaim[]>();
    const seen = new Set<RemitClaim>();
    for (const id of ids) {
      for (const clp01 of clp01sOf(id)) {
        for (const { path, claim } of this.byClp01.get(clp01) ?? []) {
          if (seen.has(claim)) continue;
          seen.add(claim);
          if (!picked.has(path)) picked.set(path, []);
          picked.get(path)!.push(claim);
        }
      }
    }
    return this.inputs(picked);
  }

  /** Every remittance of the workspace, one input per 835 file, in path order. */
  all(): RemitInput[] {
    return this.inputs(new Map([...this.files].map(([path, f]) => [path, f.claims])));
  }

  private inputs(picked: Map<string, RemitClaim[]>): RemitInput[] {
    return [...picked.keys()].sort().map((path) => {
      const file = this.files.get(path)!;
      // Claims kept in the 835's order (the join keeps that order when codes repeat).
      const claims = file.claims.filter((c) => picked.get(path)!.includes(c));
      return { file: file.label, remittance: { claims, providerAdjustments: [] } };
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private folderOf(path: string): string | undefined {
    return this.deps.folders().find((f) => {
      const rel = relative(f, path);
      return rel !== '' && !rel.startsWith('..') && !/^[a-z]:/i.test(rel);
    });
  }

  /** One candidate: read when it is an 835; a problem reported once. */
  private read(path: string): void {
    const folder = this.folderOf(path);
    if (!folder) return;
    const label = relative(folder, path).split(sep).join('/');
    const { looksLike835, read835, ImportError } = remitModule();
    const got = readRemitFile(path, looksLike835);
    if ('notRemit' in got) {
      this.problems.delete(path);
      return;
    }
    let problem: string;
    if ('skip' in got) problem = got.skip;
    else {
      try {
        const { remittance } = read835(got.text);
        this.files.set(path, { label, claims: remittance.claims });
        if (this.problems.delete(path)) this.deps.log(`remittance file ${label} read again: ${remittance.claims.length} claim payments`);
        return;
      } catch (err) {
        // The reader's messages name the segment and element, never a value.
        problem = err instanceof ImportError ? err.message : 'the file could not be read as an 835';
      }
    }
    if (this.problems.get(path) === problem) return;
    this.problems.set(path, problem);
    this.deps.warn(`remittance file ${label} not used: ${problem}`);
  }

  private reindex(): void {
    this.byClp01 = new Map();
    for (const [path, file] of [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      for (const claim of file.claims) {
        if (!this.byClp01.has(claim.clp01)) this.byClp01.set(claim.clp01, []);
        this.byClp01.get(claim.clp01)!.push({ path, claim });
      }
    }
    this.generation++;
  }
}
