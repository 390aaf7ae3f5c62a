'use strict';
/**
 * Runs a step whose FAILURE is the expected outcome — the harness self-test's deliberately
 * failing suite, the suite against a deliberately broken package — with everything it
 * prints (this process's stdout and stderr, which the harness and its child processes
 * write to) held back, so that a passing log shows one labelled line instead of assertion
 * errors and unhandled-rejection stack traces:
 *
 *   expected failure (deliberately broken package): the @smoke tests failed, as they should (…)
 *
 * When the step does NOT fail as expected, the held output is printed after an
 * "UNEXPECTED" line, for debugging. CLAIMLINT_HARNESS_VERBOSE=1 prints it in both cases.
 *
 * @template T
 * @param {string} label e.g. "deliberately broken package"
 * @param {() => Promise<T>} run
 * @param {{isExpected: (result: T) => boolean, describe: (result: T) => string}} judge
 * @returns {Promise<{ok: boolean, result?: T, output: string}>}
 */
async function expectFailure(label, run, { isExpected, describe }) {
  const held = [];
  const { stdout, stderr } = process;
  const saved = { out: stdout.write, err: stderr.write };
  const hold = (chunk, encoding, done) => {
    held.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    const cb = typeof encoding === 'function' ? encoding : done;
    if (cb) process.nextTick(cb);
    return true;
  };
  stdout.write = hold;
  stderr.write = hold;
  let result;
  let error;
  try {
    result = await run();
  } catch (e) {
    error = e;
  } finally {
    stdout.write = saved.out;
    stderr.write = saved.err;
  }
  const output = held.join('');
  const ok = !error && isExpected(result);
  const indented = output.replace(/\n$/, '').replace(/^/gm, '  | ');
  if (ok) {
    stdout.write(`  expected failure (${label}): ${describe(result)}\n`);
    if (process.env.CLAIMLINT_HARNESS_VERBOSE === '1' && output) stdout.write(`  its output (expected to show failures):\n${indented}\n`);
  } else {
    const why = error ? `threw ${error.stack || error}` : describe(result);
    stdout.write(`  UNEXPECTED: the ${label} did not fail as it should (${why}). Its output:\n${indented}\n`);
  }
  return { ok, result, output };
}

module.exports = { expectFailure };
