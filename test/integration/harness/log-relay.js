'use strict';
// Turns window.codeAutomationLog(level, args) calls into output lines.
//
// With a test payload, VS Code sends the extension host's console output
// through the workbench's log service (logRemoteEntry), i.e. into the same
// channel as the workbench's own log lines, with no marker telling them apart.
// So the suite's output is printed as is, and the workbench's own chatter is
// recognised by content: known info lines are dropped, errors raised inside
// the workbench bundle are shortened to one line. CLAIMLINT_HARNESS_VERBOSE=1
// prints everything.
const util = require('node:util');

const WORKBENCH_INFO = [
  /^Resolving connection token /,
  /^Resolved connection token /,
  /^Creating a socket \(/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^\[AgentHost:/,
  /^\[AccountPolicyGate\]/,
  /^Started local extension host/,
  /^Creation of workbench contribution '[^']+' took \d+ms/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Extension host \(\w+\) is unresponsive/,
];
// Known harmless workbench errors in this offline, signed-out setup.
const WORKBENCH_KNOWN_ERRORS = [
  /Timed out waiting for authentication provider 'github'/, // default-account lookup, no GitHub sign-in here
  /^Canceled: Canceled/, // pending remote calls cut off when the window closes after the tests
];
// A stack frame inside the web workbench bundle (served from /static/out/vs/...).
const WORKBENCH_FRAME = /\(https?:\/\/[^)]*\/static\/out\/vs\//;

function formatArgs(args) {
  if (!Array.isArray(args)) return typeof args === 'string' ? args : util.inspect(args);
  // The host forwards console.log's raw arguments: apply the format string.
  return util.format(...args);
}

/**
 * @param {{out: (line: string) => void, verbose: boolean}} o
 * @returns {(level: string, args: unknown) => void}
 */
function createLogRelay({ out, verbose }) {
  return (level, args) => {
    const text = formatArgs(args);
    if (verbose) return out(text);
    if (level !== 'error' && WORKBENCH_INFO.some((re) => re.test(text))) return;
    if (WORKBENCH_FRAME.test(text)) {
      if (WORKBENCH_KNOWN_ERRORS.some((re) => re.test(text))) return;
      return out(`[workbench ${level}] ${text.split('\n')[0]}`);
    }
    out(text);
  };
}

module.exports = { createLogRelay, formatArgs };
