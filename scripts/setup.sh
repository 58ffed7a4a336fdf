#!/usr/bin/env bash
# Idempotent toolchain setup for wsts-web (native + wasm32 browser tests).
#
# Installs only what is missing, so a second run takes well under a second:
#   * apt: clang, llvm (llvm-ar), chromium, chromium-driver, nats-server (the
#     relay's cluster tests start one on loopback)
#     (`apt-get update` only runs when something must be installed)
#   * rustup target wasm32-unknown-unknown
#   * wasm-bindgen-cli, exactly the version of the `wasm-bindgen` crate in
#     Cargo.lock (the CLI and the crate must match)
#   * wasm-pack
#   * node dependencies of e2e/, sdk/, examples/wallet/ (npm ci, only when
#     a lock file changed)
#
# Non-interactive (CI=true, no stdin); runs as root, or uses `sudo -n` for apt.
# Only talks to Debian apt and crates.io: nothing is downloaded from GitHub.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive
export CARGO_TERM_PROGRESS_WHEN="${CARGO_TERM_PROGRESS_WHEN:-never}"

# Make cargo-installed binaries visible (CI shells often lack ~/.cargo/bin).
cargo_bin="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"
case ":$PATH:" in
    *":$cargo_bin:"*) ;;
    *) export PATH="$cargo_bin:$PATH" ;;
esac
if ! command -v cargo >/dev/null 2>&1 && [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo" ]; then
    export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi
command -v cargo >/dev/null 2>&1 || die "cargo not found (install Rust with rustup first)"

# ---------------------------------------------------------------- apt ----
apt_wanted=(clang llvm chromium chromium-driver nats-server)
# The native build of libsecp256k1 needs a host C compiler called `cc`.
command -v cc >/dev/null 2>&1 || apt_wanted+=(gcc libc6-dev)

apt_missing=()
for pkg in "${apt_wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || apt_missing+=("$pkg")
done
if [ "${#apt_missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        sudo=()
    elif command -v sudo >/dev/null 2>&1; then
        sudo=(sudo -n)
    else
        die "need root (or sudo) to install: ${apt_missing[*]}"
    fi
    log "apt-get install ${apt_missing[*]}"
    "${sudo[@]}" apt-get update -q </dev/null
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${apt_missing[@]}" </dev/null
fi
for tool in clang llvm-ar chromium chromedriver nats-server; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not on PATH after apt install"
done

# ------------------------------------------------------------- rustup ----
if command -v rustup >/dev/null 2>&1; then
    if ! rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'; then
        log "rustup target add wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown </dev/null
    fi
else
    sysroot=$(rustc --print sysroot)
    [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ] \
        || die "no rustup and no wasm32-unknown-unknown std in $sysroot"
fi

# ---------------------------------------------------- wasm-bindgen-cli ----
[ -f Cargo.lock ] || { log "no Cargo.lock, generating"; cargo generate-lockfile; }
wb_version=$(awk '
    $0 == "[[package]]" { name = "" }
    $1 == "name" && $3 == "\"wasm-bindgen\"" { name = "wasm-bindgen" }
    name == "wasm-bindgen" && $1 == "version" { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)
[ -n "$wb_version" ] || die "wasm-bindgen not found in Cargo.lock"

have_wb=$( (wasm-bindgen --version 2>/dev/null || true) | awk '{print $2}')
have_wbtr=$(command -v wasm-bindgen-test-runner >/dev/null 2>&1 && echo yes || echo no)
if [ "$have_wb" != "$wb_version" ] || [ "$have_wbtr" != yes ]; then
    log "cargo install wasm-bindgen-cli --version $wb_version (have: ${have_wb:-none}; takes several minutes)"
    cargo install wasm-bindgen-cli --version "$wb_version" --force </dev/null
    have_wb=$( (wasm-bindgen --version 2>/dev/null || true) | awk '{print $2}')
    [ "$have_wb" = "$wb_version" ] \
        || die "wasm-bindgen on PATH is ${have_wb:-missing}, expected $wb_version ($(command -v wasm-bindgen || true))"
fi

# ------------------------------------------------------------ wasm-pack ----
if ! command -v wasm-pack >/dev/null 2>&1; then
    # Pinned for reproducibility; any installed version is accepted.
    log "cargo install wasm-pack --version ${WASM_PACK_VERSION:-0.15.1} (takes several minutes)"
    cargo install wasm-pack --version "${WASM_PACK_VERSION:-0.15.1}" </dev/null
fi

# ---------------------------------------------------- node dependencies ----
# >>> NODE DEPS >>>
# Node projects, each installed with `npm ci` only when its node_modules is
# missing or its package-lock.json changed since the last install (a stamp
# file), so later runs need no network:
#   e2e/             playwright-core (a driver only: it uses the system
#                    Chromium and never downloads a browser)
#   sdk/             typescript and typedoc (the SDK's type check and API docs)
#   examples/wallet/ vite (the example wallet's bundler)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo -n); fi
    log "apt-get install nodejs npm"
    "${sudo[@]}" apt-get update -q </dev/null
    "${sudo[@]}" apt-get install -y -q --no-install-recommends nodejs npm </dev/null
fi
for dir in e2e sdk examples/wallet; do
    [ -f "$dir/package-lock.json" ] || continue
    lock_hash=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
    stamp=$dir/node_modules/.wsts-lock-sha256
    if [ ! -d "$dir/node_modules" ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_hash" ]; then
        log "npm ci --prefix $dir"
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$dir" --prefer-offline \
            --no-audit --no-fund --loglevel=error </dev/null
        printf '%s\n' "$lock_hash" > "$stamp"
    fi
done
# <<< NODE DEPS <<<

log "ok: $(rustc --version 2>/dev/null | cut -d' ' -f1-2), wasm-bindgen $have_wb, $(wasm-pack --version 2>/dev/null), node $(node --version 2>/dev/null || echo none), $(clang --version 2>/dev/null | head -n1), $(chromium --version 2>/dev/null | head -n1), $(chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
