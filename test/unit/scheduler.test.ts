/**
 * The server's per-document scheduler: a run with no delay starts once the messages
 * already queued are handled (the JSON-RPC connection handles one per event-loop turn),
 * so a burst of edits is audited once, for the last one; superseded runs know they are stale.
 */
import assert from 'node:assert/strict';
import { CHEAP_AUDIT_MS, MAX_DEBOUNCE_MS, Scheduler, typingDelay, type Timers } from '../../src/server/scheduler';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await turn();
};

/** A manual clock for the delay timers: time moves only when the test says so. */
class ManualTimers implements Timers {
  now = 0;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  private id = 0;
  setTimeout(fn: () => void, ms: number): number {
    this.due.set(++this.id, { at: this.now + ms, fn });
    return this.id;
  }
  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }
  /** Move the clock on by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.due].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > this.now) break;
      this.due.delete(id);
      t.fn();
    }
  }
  get pending(): number {
    return this.due.size;
  }
}

function recorder() {
  const runs: { uri: string; current: () => boolean; n: number }[] = [];
  const errors: unknown[] = [];
  let n = 0;
  const timers = new ManualTimers();
  const scheduler = new Scheduler(
    async (uri, current) => {
      runs.push({ uri, current, n: ++n });
    },
    (_uri, err) => errors.push(err),
    timers,
  );
  return { runs, errors, scheduler, timers };
}

describe('scheduler: edits audited at once, bursts coalesced', () => {
  it('runs a no-delay schedule within a few event-loop turns, not after a timer', async () => {
    const { runs, scheduler } = recorder();
    scheduler.schedule('a', 0);
    assert.equal(runs.length, 0, 'not synchronously: the messages already received come first');
    await turns(3);
    assert.equal(runs.length, 1);
    assert.ok(runs[0].current());
  });

  it('runs once for edits handled one per turn (as the connection delivers queued messages)', async () => {
    const { runs, scheduler } = recorder();
    // Five queued didChange messages: the connection handles one per turn.
    for (let i = 0; i < 5; i++) {
      scheduler.schedule('a', 0);
      await turn();
    }
    assert.equal(runs.length, 0, 'no run between queued edits');
    await turns(3);
    assert.equal(runs.length, 1);
    assert.ok(runs[0].current());
  });

  it('a run superseded by a later edit is stale, and the later one runs', async () => {
    const { runs, scheduler } = recorder();
    scheduler.schedule('a', 0);
    await turns(3);
    scheduler.schedule('a', 0);
    assert.equal(runs[0].current(), false, 'the first run must drop its result');
    await turns(3);
    assert.equal(runs.length, 2);
    assert.ok(runs[1].current());
  });

  it('keeps documents apart', async () => {
    const { runs, scheduler } = recorder();
    scheduler.schedule('a', 0);
    scheduler.schedule('b', 0);
    await turns(3);
    assert.deepEqual(runs.map((r) => r.uri).sort(), ['a', 'b']);
    assert.ok(runs.every((r) => r.current()));
  });

  it('waits for the delay when one is given (a manual clock: no real sleep), and a cancelled run never starts', async () => {
    const { runs, scheduler, timers } = recorder();
    scheduler.schedule('a', 30);
    await turns(3);
    timers.advance(29);
    assert.equal(runs.length, 0, 'not before the delay');
    timers.advance(1);
    assert.equal(runs.length, 1, 'at the delay');
    scheduler.schedule('a', 30);
    timers.advance(20);
    scheduler.schedule('a', 30); // an edit within the quiet time restarts it
    timers.advance(20);
    assert.equal(runs.length, 1);
    timers.advance(10);
    assert.equal(runs.length, 2);
    scheduler.schedule('a', 0);
    scheduler.cancel('a');
    scheduler.schedule('b', 20);
    scheduler.dispose();
    assert.equal(timers.pending, 0, 'dispose clears the delay timers');
    timers.advance(1000);
    await turns(3);
    assert.equal(runs.length, 2);
  });
});

describe('typingDelay: the adaptive debounce after an edit', () => {
  it('no wait while audits are cheap, whatever the typing', () => {
    assert.equal(typingDelay(0, 0), 0);
    assert.equal(typingDelay(CHEAP_AUDIT_MS, 5), 0);
  });

  it('a slow audit makes a burst of keystrokes wait about its time (at most MAX_DEBOUNCE_MS)', () => {
    assert.equal(typingDelay(120.4, 30), 120);
    assert.equal(typingDelay(900, 30), MAX_DEBOUNCE_MS);
  });

  it('a lone edit, after a pause at least as long as the wait, is audited at once', () => {
    assert.equal(typingDelay(120, 119), 120);
    assert.equal(typingDelay(120, 120), 0);
    assert.equal(typingDelay(900, MAX_DEBOUNCE_MS), 0);
    assert.equal(typingDelay(900, Infinity), 0, 'the first edit of a document');
  });
});
