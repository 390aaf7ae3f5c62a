'use strict';
// Small process helpers: free ports, process groups, bounded waits.
const net = require('node:net');
const http = require('node:http');

/** Asks the kernel for a free TCP port on 127.0.0.1 (tiny race until used; fine for tests). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True while any process of group `pgid` exists (zombies included). */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Ends a whole process group: SIGTERM, a grace period, then SIGKILL.
 * The group was made by spawn({detached: true}) (setsid), so pgid === leader pid.
 */
async function killProcessGroup(pgid, graceMs = 3000) {
  if (!pgid || !groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    const hardDeadline = Date.now() + 2000;
    while (groupAlive(pgid) && Date.now() < hardDeadline) await sleep(50);
  }
}

/** One HTTP GET; resolves to the status code, rejects on connection errors. */
function httpStatus(url, timeoutMs = 1000) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/**
 * Polls `url` until it answers 200, `isDead()` turns true, or the deadline passes.
 * @returns {Promise<void>}
 */
async function waitForHttpOk(url, { timeoutMs, isDead = () => false, what = url }) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`${what} exited before ${url} answered`);
    try {
      const status = await httpStatus(url);
      if (status === 200) return;
      last = `HTTP ${status}`;
    } catch (e) {
      last = e.message;
    }
    await sleep(100);
  }
  throw new Error(`${what}: ${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

/** Keeps the last `max` lines written to it, for error reports. */
class TailBuffer {
  constructor(max = 60) {
    this.max = max;
    this.lines = [];
  }
  push(chunk) {
    for (const line of String(chunk).split('\n')) {
      if (!line) continue;
      this.lines.push(line);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }
  toString() {
    return this.lines.join('\n');
  }
}

module.exports = { freePort, sleep, groupAlive, killProcessGroup, waitForHttpOk, TailBuffer };
