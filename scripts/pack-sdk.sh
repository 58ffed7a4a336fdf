#!/usr/bin/env bash
# Pack the SDK (sdk/) as npm would publish it, with the product wasm build
# (no `demo` feature): target/sdk-pack/wsts-web-<version>.tgz.
#
#   bash scripts/pack-sdk.sh [WASM_DIR]
#
# WASM_DIR (default target/sdk-wasm) holds `wasm-pack build --target web
# --release` output; test.sh's package step builds it. sdk/wasm/ holds the
# demo build the repository's pages load, so the package is staged in
# target/sdk-stage/ with the product build instead (and its prepack check
# refuses a demo build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
wasm_dir=${1:-target/sdk-wasm}
[ -s "$wasm_dir/wsts_web_bg.wasm" ] || {
    echo "pack-sdk: $wasm_dir has no wasm build (wasm-pack build --target web --release --out-dir $wasm_dir)" >&2
    exit 1
}
stage=target/sdk-stage
rm -rf "$stage" target/sdk-pack
mkdir -p "$stage/wasm" target/sdk-pack
cp -r sdk/package.json sdk/index.d.ts sdk/README.md sdk/CHANGELOG.md sdk/src sdk/tools "$stage/"
cp "$wasm_dir"/wsts_web.js "$wasm_dir"/wsts_web_bg.wasm "$wasm_dir"/wsts_web.d.ts "$wasm_dir"/wsts_web_bg.wasm.d.ts "$stage/wasm/"
(cd "$stage" && npm pack --pack-destination ../sdk-pack --silent --loglevel=error >/dev/null)
ls target/sdk-pack/*.tgz
