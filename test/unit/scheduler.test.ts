/**
 * The server's per-document scheduler: a run with no delay starts once the messages
 * already queued are handled (the JSON-RPC connection handles one per event-loop turn),
 * so a burst of edits is audited once, for the last one; superseded runs know they are stale.
 */
import assert from 'node:assert/strict';
import { Scheduler } from '../../src/server/scheduler';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await turn();
};

function recorder() {
  const runs: { uri: string; current: () => boolean; n: number }[] = [];
  const errors: unknown[] = [];
  let n = 0;
  const scheduler = new Scheduler(
    async (uri, current) => {
      runs.push({ uri, current, n: ++n });
    },
    (_uri, err) => errors.push(err),
  );
  return { runs, errors, scheduler };
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

  it('waits for the delay when one is given, and a cancelled run never starts', async () => {
    const { runs, scheduler } = recorder();
    scheduler.schedule('a', 30);
    await turns(3);
    assert.equal(runs.length, 0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(runs.length, 1);
    scheduler.schedule('a', 0);
    scheduler.cancel('a');
    scheduler.schedule('b', 20);
    scheduler.dispose();
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(runs.length, 1);
  });
});
