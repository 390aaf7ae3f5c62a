import * as assert from 'node:assert/strict';
import { SHORT_RUN_INLINING, shortRunFlags } from '../../src/node/burstTiering';

describe('the CLI’s V8 tuning for a short run (shortRunFlags)', () => {
  it('caps the inlining of each optimizing compile when node was started without an inlining flag', () => {
    assert.deepEqual(shortRunFlags([], ''), [SHORT_RUN_INLINING]);
    assert.deepEqual(shortRunFlags(['--max-old-space-size=4096'], '--enable-source-maps'), [SHORT_RUN_INLINING]);
    assert.match(SHORT_RUN_INLINING, /^--max-inlined-bytecode-size-cumulative=\d+$/);
  });

  it('leaves an inlining flag the user set as set (node’s arguments or NODE_OPTIONS)', () => {
    assert.deepEqual(shortRunFlags(['--no-turbo-inlining'], ''), []);
    assert.deepEqual(shortRunFlags(['--max-inlined-bytecode-size-cumulative=920'], ''), []);
    assert.deepEqual(shortRunFlags([], '--max-old-space-size=2048 --max-inlined-bytecode-size=100'), []);
  });
});
