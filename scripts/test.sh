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
#   WSTS_FUZZ_SECONDS          random-input time per fuzz target, s (default 10)
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
step "lint: no protocol source file over 400 lines" bash "$root/scripts/check-lengths.sh"
# Lints, with the test profile so that build scripts (libsecp256k1's C) are
# shared with the test builds that follow. wasm32 with the demo feature,
# which adds the browser-only demo code to what is checked.
step "lint: cargo clippy (native, all targets)" \
    cargo clippy --workspace --all-targets --profile test -- -D warnings
step "lint: cargo clippy (wasm32, lib and tests)" \
    cargo clippy --target wasm32-unknown-unknown --lib --tests --features demo --profile test -- -D warnings
# Every fuzz target (fuzz/) runs here too, as a test: its checked-in corpus,
# then random inputs for WSTS_FUZZ_SECONDS each (bolero; two at a time). In
# the same cargo invocation as the other tests, so that the workspace is
# built once with one feature set. Coverage-guided campaigns use cargo-afl:
# docs/fuzzing.md.
step "native: cargo test (all targets; fuzz targets ${WSTS_FUZZ_SECONDS:-10} s each)" \
    env WSTS_FUZZ_SECONDS="${WSTS_FUZZ_SECONDS:-10}" cargo test --workspace --all-targets
# The browser steps use the relay from the test profile (target/debug): the
# native test step has built it and its dependencies already, where a release
# build would compile them all again.
export RELAY_PROFILE=test WSTS_RELAY_BIN="$root/target/debug/wsts-relay"
step "native: doctests" cargo test --workspace --doc

# wasm32 tests in headless Chromium, as `wasm-pack test --chrome` runs them
# (Debian's chromedriver; binary and flags in webdriver.json), through a
# runner that starts the browser again when it fails to start.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-600}"
wasm_profile=(--profile test)
if [ "${WASM_TEST_RELEASE:-0}" = 1 ]; then
    wasm_profile=(--release)
fi
step "wasm32: cargo test (headless Chromium)" \
    env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="$root/scripts/wasm-test-runner.sh" \
    CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_ONLY_WEB=1 \
    cargo test --target wasm32-unknown-unknown "${wasm_profile[@]}"

# The npm package (the product: no features) builds, with types and without
# demo code, and is packed as the SDK (sdk/ + this wasm build); the demo
# build (pkg/ and sdk/wasm/, what the demo page and the e2e tests load) has
# the demo's `misbehave`. tsc checks the SDK's .d.ts against its JS.
check_packages() {
    wasm-pack build --target web --release --mode no-install --out-dir target/sdk-wasm
    test -s target/sdk-wasm/wsts_web.d.ts && grep -q '"types"' target/sdk-wasm/package.json
    # The demo's method `Signer.misbehave(behaviour)`, not the word (the
    # signed control's docs and types name misbehaviour in every build).
    if grep -q 'misbehave(behaviour' target/sdk-wasm/wsts_web.d.ts; then
        echo "the default package exports misbehave" >&2
        return 1
    fi
    bash "$root/scripts/build-browser.sh"
    if ! grep -q 'misbehave(behaviour: string)' pkg/wsts_web.d.ts; then
        echo "the demo build (pkg/) lacks misbehave" >&2
        return 1
    fi
    bash "$root/scripts/pack-sdk.sh" target/sdk-wasm
    (cd sdk && node_modules/.bin/tsc -p tsconfig.json)
}
step "wasm32: packages (product without misbehave, packed as the SDK; demo build with it; tsc)" check_packages

# The example wallet: the SDK from its tarball, bundled by Vite, a DKG and a
# signature in headless Chromium; then the SDK's API reference (TypeDoc).
step "sdk: example wallet (npm tarball, tsc, Vite, e2e) and API docs" \
    bash -c "bash '$root/scripts/example-wallet.sh' && bash '$root/scripts/sdk-docs.sh'"

# Several real Chromium pages as signers and coordinator over the relay.
step "e2e: browser ceremonies over the relay (Playwright)" bash "$root/scripts/e2e.sh"
