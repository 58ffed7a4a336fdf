#!/usr/bin/env bash
# Browser end-to-end tests: build the wasm package and the relay, then run
# e2e/*.test.mjs (node --test, playwright-core driving the system Chromium).
# Screenshots go to test-output/. Exit status is non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build-browser.sh >&2
mkdir -p test-output
# One test file at a time: each starts its own relay and Chromium (2 cores).
exec node --experimental-websocket --test --test-concurrency=1 --test-timeout=240000 e2e/*.test.mjs
