#!/usr/bin/env bash
# What the browser side needs, built: the toolchain (idempotent), the wasm
# package in pkg/ and sdk/wasm/ (the demo build: cargo feature `demo`, with `misbehave`
# and the in-browser benchmark) and the relay binary. Shared by demo.sh,
# e2e.sh, bench.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin:$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
wasm-pack --quiet build --target web --release --mode no-install --out-dir pkg -- --features demo
# The SDK (sdk/, served at /pkg/ by the relay for the pages) loads the same
# demo build from sdk/wasm/; its npm tarball gets the product build instead
# (scripts/pack-sdk.sh).
mkdir -p sdk/wasm
cp pkg/wsts_web.js pkg/wsts_web_bg.wasm pkg/wsts_web.d.ts pkg/wsts_web_bg.wasm.d.ts sdk/wasm/
# RELAY_PROFILE=test (test.sh): the relay from the test profile, whose
# dependencies the native test step has already built.
cargo build --quiet --profile "${RELAY_PROFILE:-release}" -p wsts-relay
