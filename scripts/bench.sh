#!/usr/bin/env bash
# Benchmarks: the workloads W1-W4 natively (`wsts-sim bench`) and in headless
# Chromium on the wasm build (e2e/bench.mjs), one JSON object per line.
#   bash scripts/bench.sh [--w5]     # --w5 adds 100 signers / 4000 keys / 2800
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

workloads=("4/20/13" "4/100/66" "10/400/280" "20/1000/700")
if [ "${1:-}" = "--w5" ]; then workloads+=("100/4000/2800"); fi

bash scripts/build-browser.sh >&2
cargo build --quiet --release --features cli --bin wsts-sim >&2

for w in "${workloads[@]}"; do
    IFS=/ read -r s k t <<<"$w"
    ./target/release/wsts-sim bench --signers "$s" --keys "$k" --threshold "$t" --json
done
browser_args=()
for w in "${workloads[@]}"; do browser_args+=(--workload "$w"); done
node e2e/bench.mjs "${browser_args[@]}"
