#!/usr/bin/env bash
# The example wallet (examples/wallet/) as a wallet developer builds it: the
# SDK installed from its `npm pack` tarball (scripts/pack-sdk.sh), type-checked
# with tsc against the package's own .d.ts, bundled by Vite, then its e2e:
# a DKG and a signature against the relay in headless Chromium.
#
# Expects target/sdk-pack/*.tgz, pkg/ and the relay binary (WSTS_RELAY_BIN, default target/release/wsts-relay; the
# package and browser steps of test.sh build them). --no-test: build only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
tgz=$(ls "$root"/target/sdk-pack/wsts-web-*.tgz 2>/dev/null | head -n1)
[ -n "$tgz" ] || { echo "example-wallet: no SDK tarball; run bash scripts/pack-sdk.sh" >&2; exit 1; }
cd examples/wallet
# The SDK from the tarball, as `npm install ./wsts-web-0.1.0.tgz` would (not
# saved: the tarball changes with the SDK; vite comes from the lock file).
npm install --no-save --prefer-offline --no-audit --no-fund --loglevel=error "$tgz" </dev/null
"$root/sdk/node_modules/.bin/tsc" --noEmit -p .
node_modules/.bin/vite build
test -s dist/index.html
ls dist/assets/*.wasm >/dev/null
if [ "${1:-}" != --no-test ]; then
    cd "$root"
    mkdir -p test-output
    node --test --test-timeout=200000 examples/wallet/test/e2e.test.mjs
fi
