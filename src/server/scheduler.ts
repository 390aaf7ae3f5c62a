/**
 * Debounced, per-document runs: a burst of edits audits only the last version. Each run
 * gets a ticket; a run whose ticket is no longer the latest for its document (a newer
 * edit, a config change) must drop its result instead of publishing it.
 */
export type Run = (uri: string, isCurrent: () => boolean) => Promise<void>;

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly tickets = new Map<string, number>();
  private next = 0;

  constructor(
    private readonly run: Run,
    private readonly onError: (uri: string, err: unknown) => void,
  ) {}

  schedule(uri: string, delayMs: number): void {
    const ticket = ++this.next;
    this.tickets.set(uri, ticket);
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    const start = (): void => {
      this.timers.delete(uri);
      this.run(uri, () => this.tickets.get(uri) === ticket).catch((err) => this.onError(uri, err));
    };
    this.timers.set(uri, setTimeout(start, delayMs));
  }

  /** Forget a document: a pending run is cancelled and a running one becomes stale. */
  cancel(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.tickets.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.tickets.clear();
  }
}
