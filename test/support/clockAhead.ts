/**
 * Preloaded into a spawned claimlint only (`node --require`, see aheadOfTime in ./clock): the
 * child's Date.now runs CLOCK_AHEAD_MS ahead. Never import it in a test process.
 */
import { CLOCK_AHEAD_MS } from './clock';

const realNow = Date.now.bind(Date);
Date.now = () => realNow() + CLOCK_AHEAD_MS;
