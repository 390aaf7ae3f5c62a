/**
 * Per-document runs: a burst of edits audits only the last version. Each run gets a
 * ticket; a run whose ticket is no longer the latest for its document (a newer edit, a
 * config change) must drop its result instead of publishing it.
 *
 * A run scheduled with no delay starts as soon as the messages already received are
 * handled, not after a fixed quiet time: the JSON-RPC connection handles one queued
 * message per event-loop turn (setImmediate), so the run waits two turns, and every
 * queued edit that arrives meanwhile (say, keystrokes typed while the last audit ran)
 * re-schedules it — they are all audited once, together. Requests queued before the run
 * (a hover, a completion) are answered first.
 */
export type Run = (uri: string, isCurrent: () => boolean) => Promise<void>;

/** Audits at most this long run at once after an edit; longer ones wait for a pause in typing. */
export const CHEAP_AUDIT_MS = 100;
export const MAX_DEBOUNCE_MS = 150;

/**
 * The quiet time before an edited document is audited: none while its audits are cheap
 * (≤ CHEAP_AUDIT_MS), and none for an edit after a pause in typing at least as long as the
 * wait would be (a lone edit is audited at once; the wait only gathers a burst of
 * keystrokes into one audit); otherwise about the last audit's time, at most
 * MAX_DEBOUNCE_MS.
 */
export function typingDelay(lastAuditMs: number, sinceLastEditMs: number): number {
  if (lastAuditMs <= CHEAP_AUDIT_MS) return 0;
  const wait = Math.round(Math.min(MAX_DEBOUNCE_MS, lastAuditMs));
  return sinceLastEditMs >= wait ? 0 : wait;
}

/** The delay timer a scheduler uses: Node's by default; tests pass a manual clock. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const NODE_TIMERS: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class Scheduler {
  /** Cancels the pending start of each document's run. */
  private readonly pending = new Map<string, () => void>();
  private readonly tickets = new Map<string, number>();
  private next = 0;

  constructor(
    private readonly run: Run,
    private readonly onError: (uri: string, err: unknown) => void,
    private readonly timers: Timers = NODE_TIMERS,
  ) {}

  /** Run for `uri` after `delayMs` of quiet, or (0) once the messages already received are handled. */
  schedule(uri: string, delayMs: number): void {
    const ticket = ++this.next;
    this.tickets.set(uri, ticket);
    this.pending.get(uri)?.();
    const start = (): void => {
      this.pending.delete(uri);
      this.run(uri, () => this.tickets.get(uri) === ticket).catch((err) => this.onError(uri, err));
    };
    if (delayMs > 0) {
      const timer = this.timers.setTimeout(start, delayMs);
      this.pending.set(uri, () => this.timers.clearTimeout(timer));
      return;
    }
    let turn = setImmediate(() => {
      turn = setImmediate(start);
    });
    this.pending.set(uri, () => clearImmediate(turn));
  }

  /** Forget a document: a pending run is cancelled and a running one becomes stale. */
  cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
    this.tickets.delete(uri);
  }

  dispose(): void {
    for (const stop of this.pending.values()) stop();
    this.pending.clear();
    this.tickets.clear();
  }
}
