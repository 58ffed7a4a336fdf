#!/usr/bin/env bash
# Full test run: toolchain setup, native tests, then the wasm32 tests in
# headless Chromium. Exits non-zero on the first failure.
#
# Environment knobs:
#   WASM_TEST_RELEASE=1        run the browser tests with --release
#                              (default: [profile.test], opt-level 2 with
#                              debug assertions and overflow checks)
#   WASM_BINDGEN_TEST_TIMEOUT  per-test-binary browser timeout, s (default 600)
#   SKIP_SETUP=1               do not run scripts/setup.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

steps=()
current=""
t_start=$(date +%s)

summary() {
    local rc=$?
    local total=$(($(date +%s) - t_start))
    echo
    echo "================ wsts-web test summary ================"
    local s
    for s in "${steps[@]}"; do echo "  PASS  $s"; done
    if [ "$rc" -ne 0 ]; then
        echo "  FAIL  ${current:-setup} (exit $rc)"
        echo "  RESULT: FAILED after ${total}s"
    else
        echo "  RESULT: ALL PASSED in ${total}s"
    fi
    echo "========================================================"
    exit "$rc"
}
trap summary EXIT

step() {
    local name=$1
    shift
    current=$name
    echo
    echo "==> [$name] $*"
    local t0
    t0=$(date +%s)
    "$@"
    steps+=("$name ($(($(date +%s) - t0))s)")
    current=""
}

export CI="${CI:-true}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export CARGO_TERM_PROGRESS_WHEN="${CARGO_TERM_PROGRESS_WHEN:-never}"
cargo_bin="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"
case ":$PATH:" in
    *":$cargo_bin:"*) ;;
    *) export PATH="$cargo_bin:$PATH" ;;
esac

if [ "${SKIP_SETUP:-0}" != 1 ]; then
    step "setup" bash "$root/scripts/setup.sh"
fi

step "format: cargo fmt --check" cargo fmt --all --check
step "native: cargo test (all targets)" cargo test --workspace --all-targets
step "native: doctests" cargo test --workspace --doc

# wasm-pack: --mode no-install = never download wasm-bindgen (setup.sh
# installed the exact Cargo.lock version); --chromedriver = use Debian's
# driver instead of downloading one. Chromium binary/flags: webdriver.json.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-600}"
wasm_args=(test --headless --chrome --chromedriver "$(command -v chromedriver)" --mode no-install)
if [ "${WASM_TEST_RELEASE:-0}" = 1 ]; then
    wasm_args+=(--release)
else
    # wasm-pack first runs `cargo build --tests` (dev profile), then
    # `cargo test` (test profile): passing --profile test to both avoids
    # compiling every dependency twice.
    wasm_args+=(-- --profile test)
fi
step "wasm32: wasm-pack test (headless Chromium)" wasm-pack "${wasm_args[@]}"

# The npm package for bundlers builds too (the e2e step builds --target web).
check_bundler_package() {
    wasm-pack build --target bundler --release --mode no-install --out-dir target/pkg-bundler
    test -s target/pkg-bundler/wsts_web.d.ts && grep -q '"types"' target/pkg-bundler/package.json
}
step "wasm32: package for bundlers (wasm-pack build --target bundler)" check_bundler_package

# Several real Chromium pages as signers and coordinator over the relay.
step "e2e: browser ceremonies over the relay (Playwright)" bash "$root/scripts/e2e.sh"
