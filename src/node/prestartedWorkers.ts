/**
 * Worker threads started before the code that uses them is loaded. The language server's
 * launcher (src/server/launch.ts) starts its audit workers first thing: a worker takes about
 * 150 ms to boot (Node's bootstrap, the engine bundle's compile and set-up), which then
 * overlaps the main thread's own loading and its first exchanges with the editor instead of
 * the first big document's audit. The launcher and the server are two bundles, so the
 * workers are handed over through a process-wide registry, by worker script.
 */
import { Worker } from 'node:worker_threads';

const REGISTRY = Symbol.for('claimlint.prestartedWorkers');

interface Waiting {
  worker: Worker;
  /** Drops the worker from the registry when it fails or exits before it is taken. */
  gone: () => void;
}

function registry(): Map<string, Waiting[]> {
  const g = globalThis as { [REGISTRY]?: Map<string, Waiting[]> };
  return (g[REGISTRY] ??= new Map());
}

/** Start `count` workers of `script` for a pool of the same script to take (takePrestarted); an idle one does not keep the process alive. */
export function prestartWorkers(script: string, count: number): void {
  const list = registry().get(script) ?? [];
  registry().set(script, list);
  for (let i = 0; i < count; i++) {
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch {
      return; // the pool starts its own, or audits on the main thread
    }
    worker.unref();
    const waiting: Waiting = {
      worker,
      gone: () => {
        const at = list.indexOf(waiting);
        if (at >= 0) list.splice(at, 1);
      },
    };
    worker.on('error', waiting.gone);
    worker.on('exit', waiting.gone);
    list.push(waiting);
  }
}

/** A started worker of `script` that is still running, now the caller's (its listeners are the caller's to add). */
export function takePrestarted(script: string): Worker | undefined {
  const waiting = registry().get(script)?.shift();
  if (!waiting) return undefined;
  waiting.worker.off('error', waiting.gone);
  waiting.worker.off('exit', waiting.gone);
  return waiting.worker;
}
