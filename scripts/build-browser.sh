#!/usr/bin/env bash
# What the browser side needs, built: the toolchain (idempotent), the wasm
# package in pkg/ (the demo build: cargo feature `demo`, with `misbehave`
# and the in-browser benchmark) and the relay binary. Shared by demo.sh,
# e2e.sh, bench.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin:$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
wasm-pack --quiet build --target web --release --mode no-install --out-dir pkg -- --features demo
cargo build --quiet --release -p wsts-relay
