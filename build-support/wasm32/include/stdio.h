/* Minimal <stdio.h> for libsecp256k1 on wasm32-unknown-unknown.
 *
 * libsecp256k1 only writes to stderr right before abort() (default
 * illegal/error callbacks, CHECK failures). We format those messages
 * (%s, %d, %u, %zu, %c, %%) into a small buffer and hand them to
 * wsts_wasm32_stderr_write() in src/wasm/libc_shim.rs, which keeps the text
 * so that the following abort() can panic with a useful message. */
#ifndef WSTS_WASM32_STDIO_H
#define WSTS_WASM32_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wsts_wasm32_FILE FILE;
#define stderr ((FILE *)0)
#define stdout ((FILE *)0)

void wsts_wasm32_stderr_write(const char *buf, size_t len);

static inline size_t wsts_wasm32_put_uint(char *buf, size_t pos, size_t cap,
                                          unsigned long long v) {
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + (v % 10));
        v /= 10;
    } while (v != 0);
    while (n > 0 && pos < cap) buf[pos++] = tmp[--n];
    return pos;
}

/* Not named fprintf so LLVM cannot treat it as the libc function and
 * rewrite calls into fwrite/fputs, which do not exist here. */
static inline int wsts_wasm32_fprintf(FILE *stream, const char *fmt, ...) {
    char buf[256];
    const size_t cap = sizeof(buf);
    size_t pos = 0;
    va_list ap;
    (void)stream;
    va_start(ap, fmt);
    for (; *fmt != '\0' && pos < cap; ++fmt) {
        if (*fmt != '%') {
            buf[pos++] = *fmt;
            continue;
        }
        ++fmt;
        if (*fmt == 'z' || *fmt == 'l') {
            /* %zu / %lu: size_t and unsigned long are both 32-bit here. */
            ++fmt;
        }
        switch (*fmt) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (s == NULL) s = "(null)";
            while (*s != '\0' && pos < cap) buf[pos++] = *s++;
            break;
        }
        case 'd':
        case 'i': {
            int v = va_arg(ap, int);
            unsigned long long u = (unsigned long long)(v < 0 ? -(long long)v : (long long)v);
            if (v < 0 && pos < cap) buf[pos++] = '-';
            pos = wsts_wasm32_put_uint(buf, pos, cap, u);
            break;
        }
        case 'u':
            pos = wsts_wasm32_put_uint(buf, pos, cap, va_arg(ap, unsigned int));
            break;
        case 'c':
            buf[pos++] = (char)va_arg(ap, int);
            break;
        case '%':
            buf[pos++] = '%';
            break;
        case '\0':
            --fmt; /* trailing '%': stop at the terminator */
            break;
        default:
            buf[pos++] = '?';
            break;
        }
    }
    va_end(ap);
    wsts_wasm32_stderr_write(buf, pos);
    return (int)pos;
}

#define fprintf wsts_wasm32_fprintf

#ifdef __cplusplus
}
#endif

#endif /* WSTS_WASM32_STDIO_H */
