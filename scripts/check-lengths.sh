#!/usr/bin/env bash
# No source file of the protocol modules longer than 400 lines (functions
# are held to 60 by clippy's too_many_lines, clippy.toml). Test-only files
# (`tests.rs`, `*_tests.rs`) are exempt: they are not protocol code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

limit=400
dirs=(src/state_machine src/net src/blame src/keys src/crypto src/config src/lib.rs)
long=$(find "${dirs[@]}" -name '*.rs' ! -name 'tests.rs' ! -name '*_tests.rs' -print0 \
    | xargs -0 wc -l | awk -v limit="$limit" '$2 != "total" && $1 > limit { print "  " $2 ": " $1 " lines" }')
if [ -n "$long" ]; then
    echo "files over $limit lines (split them by concern):" >&2
    echo "$long" >&2
    exit 1
fi
echo "no protocol source file over $limit lines"
