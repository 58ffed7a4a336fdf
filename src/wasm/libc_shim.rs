//! The few libc symbols libsecp256k1 (compiled from C inside the `p256k1`
//! crate) needs on `wasm32-unknown-unknown`, which has no libc.
//!
//! The C side is compiled against the stub headers in
//! `build-support/wasm32/include` (see `build-support/wasm32/clang-wrapper.sh`
//! and `.cargo/config.toml`). At link time it needs:
//!
//! * `malloc` / `calloc` / `realloc` / `free`: implemented here on top of
//!   Rust's global allocator. The requested size is stored in a 16-byte header
//!   in front of the returned pointer, so returned pointers are 16-byte
//!   aligned (like glibc's `malloc`) and `free` can rebuild the `Layout`.
//! * `abort`: panics with whatever libsecp256k1 printed just before (its
//!   default illegal-argument / error callbacks `fprintf(stderr, ..)` and then
//!   `abort()`).
//! * `wsts_wasm32_stderr_write`: the sink of the stub `fprintf` in
//!   `build-support/wasm32/include/stdio.h`; forwards to `console.error`.
//!
//! `memcpy`, `memmove`, `memset`, `memcmp`, `bcmp` and `__multi3` come from
//! Rust's `compiler_builtins`.
//!
//! Everything here is only compiled on wasm32 (`src/wasm/mod.rs`).

use core::ffi::{c_char, c_void};
use core::ptr;
use std::alloc::{self, Layout};
use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

/// Alignment of every block handed out, and the header size that keeps the
/// user pointer at that alignment. The header stores the user size (`usize`).
const ALIGN: usize = 16;
const HEADER: usize = 16;

#[inline]
fn layout_for(size: usize) -> Option<Layout> {
    let total = size.checked_add(HEADER)?;
    Layout::from_size_align(total, ALIGN).ok()
}

/// Allocates `size` bytes (zeroed if `zeroed`), returns the user pointer or null.
#[inline]
unsafe fn alloc_block(size: usize, zeroed: bool) -> *mut c_void {
    let Some(layout) = layout_for(size) else {
        return ptr::null_mut();
    };
    // SAFETY: layout has non-zero size (>= HEADER).
    let base = unsafe {
        if zeroed {
            alloc::alloc_zeroed(layout)
        } else {
            alloc::alloc(layout)
        }
    };
    if base.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: base is valid for HEADER + size bytes and 16-aligned.
    unsafe {
        base.cast::<usize>().write(size);
        base.add(HEADER).cast()
    }
}

/// Recovers (base pointer, user size) from a pointer returned by `alloc_block`.
#[inline]
unsafe fn block_of(p: *mut c_void) -> (*mut u8, usize) {
    // SAFETY: caller guarantees `p` came from `alloc_block` and is live.
    unsafe {
        let base = p.cast::<u8>().sub(HEADER);
        (base, base.cast::<usize>().read())
    }
}

/// C `malloc`.
///
/// # Safety
/// Standard C contract; the result must be released with [`free`].
#[no_mangle]
pub unsafe extern "C" fn malloc(size: usize) -> *mut c_void {
    unsafe { alloc_block(size, false) }
}

/// C `calloc`.
///
/// # Safety
/// Standard C contract; the result must be released with [`free`].
#[no_mangle]
pub unsafe extern "C" fn calloc(nmemb: usize, size: usize) -> *mut c_void {
    match nmemb.checked_mul(size) {
        Some(total) => unsafe { alloc_block(total, true) },
        None => ptr::null_mut(),
    }
}

/// C `realloc`. `realloc(NULL, n)` is `malloc(n)`. On failure returns null
/// and leaves the old block untouched. A size of 0 returns a minimal block
/// (never frees and returns null, so callers cannot mistake it for failure
/// after the block is gone).
///
/// # Safety
/// `p` must be null or a live pointer from this allocator.
#[no_mangle]
pub unsafe extern "C" fn realloc(p: *mut c_void, size: usize) -> *mut c_void {
    if p.is_null() {
        return unsafe { alloc_block(size, false) };
    }
    let Some(new_layout) = layout_for(size) else {
        return ptr::null_mut();
    };
    unsafe {
        let (base, old_size) = block_of(p);
        // SAFETY: old layout is exactly what alloc_block used.
        let old_layout = Layout::from_size_align_unchecked(old_size + HEADER, ALIGN);
        let new_base = alloc::realloc(base, old_layout, new_layout.size());
        if new_base.is_null() {
            return ptr::null_mut();
        }
        new_base.cast::<usize>().write(size);
        new_base.add(HEADER).cast()
    }
}

/// C `free`. `free(NULL)` is a no-op.
///
/// # Safety
/// `p` must be null or a live pointer from this allocator, freed once.
#[no_mangle]
pub unsafe extern "C" fn free(p: *mut c_void) {
    if p.is_null() {
        return;
    }
    unsafe {
        let (base, size) = block_of(p);
        alloc::dealloc(base, Layout::from_size_align_unchecked(size + HEADER, ALIGN));
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(msg: &str);
}

/// Max bytes of C stderr output kept for the panic message of `abort`.
const STDERR_KEEP: usize = 1024;

thread_local! {
    static STDERR_TAIL: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Sink for the stub `fprintf(stderr, ..)` (build-support/wasm32/include/stdio.h).
///
/// # Safety
/// `buf` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn wsts_wasm32_stderr_write(buf: *const c_char, len: usize) {
    if buf.is_null() || len == 0 {
        return;
    }
    // SAFETY: caller contract.
    let bytes = unsafe { core::slice::from_raw_parts(buf.cast::<u8>(), len) };
    let text = String::from_utf8_lossy(bytes);
    console_error(text.trim_end());
    STDERR_TAIL.with(|tail| {
        let mut tail = tail.borrow_mut();
        tail.push_str(&text);
        if tail.len() > STDERR_KEEP {
            let mut cut = tail.len() - STDERR_KEEP;
            while !tail.is_char_boundary(cut) {
                cut += 1;
            }
            tail.drain(..cut);
        }
    });
}

/// C `abort`: panics (which traps on wasm32) with the last C stderr output.
#[no_mangle]
pub extern "C" fn abort() -> ! {
    let msg = STDERR_TAIL.with(|tail| core::mem::take(&mut *tail.borrow_mut()));
    let msg = msg.trim_end();
    if msg.is_empty() {
        panic!("libsecp256k1 called abort()");
    }
    panic!("libsecp256k1 called abort(): {msg}");
}
