/* Minimal <string.h> for libsecp256k1 on wasm32-unknown-unknown.
 * The mem* functions map to clang builtins; any out-of-line call the
 * compiler emits resolves to the implementations in Rust's
 * compiler_builtins (memcpy, memmove, memset, memcmp, bcmp). */
#ifndef WSTS_WASM32_STRING_H
#define WSTS_WASM32_STRING_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void *memcpy(void *__restrict dst, const void *__restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

static inline size_t wsts_wasm32_strlen(const char *s) {
    const char *p = s;
    while (*p) ++p;
    return (size_t)(p - s);
}

#define memcpy(d, s, n) __builtin_memcpy((d), (s), (n))
#define memmove(d, s, n) __builtin_memmove((d), (s), (n))
#define memset(d, c, n) __builtin_memset((d), (c), (n))
#define memcmp(a, b, n) __builtin_memcmp((a), (b), (n))
#define strlen(s) wsts_wasm32_strlen(s)

#ifdef __cplusplus
}
#endif

#endif /* WSTS_WASM32_STRING_H */
