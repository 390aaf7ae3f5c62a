#!/usr/bin/env bash
# Installs the real-VS-Code runtime (cached outside the repo) and proves the
# integration-test harness works: a passing run exits 0, a deliberately failing
# run exits non-zero, a packaged .vsix runs, nothing is left behind.
# Usage: bash .ci/harness-selftest.sh [--quick]   (npm test runs the same self-test after the same install)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/vscode-runtime/install.sh
node test/integration/harness/selftest/run.js "$@"
