#!/bin/sh
# C compiler for the wasm32-unknown-unknown target (used by the cc crate to
# build libsecp256k1 inside p256k1). Wired up via .cargo/config.toml [env]
# as CC_wasm32_unknown_unknown.
#
# wasm32-unknown-unknown has no libc, so we put a tiny stub libc
# (build-support/wasm32/include) on the system include path; the symbols it
# declares are implemented in Rust (src/wasm/libc_shim.rs).
#
# Override the compiler with WSTS_WASM_CLANG=/path/to/clang if needed.
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)

if [ -n "${WSTS_WASM_CLANG:-}" ]; then
    cc_bin=$WSTS_WASM_CLANG
elif command -v clang >/dev/null 2>&1; then
    cc_bin=clang
else
    # Debian ships versioned binaries; take the newest available.
    cc_bin=$(ls /usr/bin/clang-[0-9]* 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$cc_bin" ]; then
        echo "clang-wrapper.sh: clang not found (apt-get install clang llvm)" >&2
        exit 127
    fi
fi

# --target is also passed by the cc crate; repeating it is harmless and makes
# the wrapper usable on its own.
# -fno-stack-protector: no __stack_chk_* symbols exist on this target.
exec "$cc_bin" \
    --target=wasm32-unknown-unknown \
    -isystem "$here/include" \
    -fvisibility=default \
    -fno-stack-protector \
    -D__wasm32_wsts_stub_libc__=1 \
    "$@"
