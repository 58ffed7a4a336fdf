//! Browser glue. On wasm32 only.
mod libc_shim;
