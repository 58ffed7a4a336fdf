#!/usr/bin/env bash
# Main job: set up the toolchain, build the wasm package and the relay, then
# run a whole WSTS ceremony between real (headless Chromium) browser pages:
# 4 signer pages + 1 coordinator page over wsts-relay and WebRTC; DKG, then a
# BIP-340 and a taproot signature, verified in the page and again in node.
#
#   bash scripts/demo.sh [--signers N --keys K --threshold T] [--json] [--serve] [--port P]
#
# --json prints one JSON object (like `wsts-sim run --json`) on stdout;
# --serve keeps the relay running afterwards and prints the demo URL.
# Build output goes to stderr. Exit status is non-zero if anything fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build-browser.sh >&2
exec node e2e/ceremony.mjs "$@"
