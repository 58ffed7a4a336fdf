#!/usr/bin/env bash
# Cargo runner for wasm32 tests: wasm-bindgen-test-runner in headless
# Chromium, started again (at most 3 tries) only when the browser itself did
# not start ("failed to create a Chrome session": chromedriver timed out on
# Chromium's start, seen on a loaded machine). A test that fails is never
# retried: its output has no such line and its exit code is returned as is.
set -u
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for try in 1 2 3; do
    wasm-bindgen-test-runner "$@" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    if [ "$rc" = 0 ] || ! grep -q 'failed to create a Chrome session' "$log"; then
        exit "$rc"
    fi
    echo "wasm-test-runner: Chromium did not start (try $try of 3); starting it again" >&2
    sleep 2
done
exit "$rc"
