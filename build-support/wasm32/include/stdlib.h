/* Minimal <stdlib.h> for building libsecp256k1 (p256k1 crate) for
 * wasm32-unknown-unknown, which has no libc. The symbols declared here are
 * provided at link time by src/wasm/libc_shim.rs (Rust global allocator).
 * Only what libsecp256k1 actually uses is declared. */
#ifndef WSTS_WASM32_STDLIB_H
#define WSTS_WASM32_STDLIB_H

#include <stddef.h> /* size_t, NULL (clang builtin header) */

#ifdef __cplusplus
extern "C" {
#endif

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
__attribute__((__noreturn__)) void abort(void);

#ifdef __cplusplus
}
#endif

#endif /* WSTS_WASM32_STDLIB_H */
