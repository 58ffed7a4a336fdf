/* wsts-web patch: constant-time scalar multiplications.
 *
 * This file is libsecp256k1's own translation unit (it includes
 * src/secp256k1.c, which build.rs no longer compiles on its own) plus a few
 * exported functions, so that they can use libsecp256k1's static internals:
 * the constant-time group law (secp256k1_gej_add_ge), conditional moves and
 * ecmult_const. See PATCHES.md. */

#include "_secp256k1/src/secp256k1.c"

/* ---- x*P with libsecp256k1's ecmult_const ----------------------------- */

/* r = x*a, constant time in x. The point a is public: bringing it to affine
 * form may take variable time. */
void wsts_p256k1_ecmult_const(secp256k1_gej *r, const secp256k1_gej *a, const secp256k1_scalar *x) {
    secp256k1_gej aj = *a;
    secp256k1_ge ag;
    if (aj.infinity) {
        secp256k1_gej_set_infinity(r);
        return;
    }
    secp256k1_ge_set_gej_var(&ag, &aj);
    secp256k1_ecmult_const(r, &ag, x, 256);
}

/* ---- x*G on a signed-digit comb ----------------------------------------
 *
 * Every number B below 2^(w*W) is sum_j (2*b_j - 1) * 2^j = 2B - (2^(w*W) - 1)
 * read as digits +-1 (b_j its bits). With B = (x + 2^(w*W) - 1) / 2 mod n,
 * grouping the bits of B in W windows of w bits gives
 *   x = sum_i d_i * 2^(w*i),  d_i = 2*b_i - (2^w - 1)  (mod n),
 * where b_i is window i of B: every digit d_i is odd, in
 * [-(2^w - 1), 2^w - 1], never zero. So each window is one table point
 * |d_i| * 2^(w*i) * G from 2^(w-1) odd multiples, negated if d_i < 0, added
 * with the constant-time group law: W additions, no doublings, and every
 * entry of every window read under a mask. (The same recoding as the
 * signed-digit multi-comb of later libsecp256k1 versions, with one tooth.) */

#define WSTS_COMB_BITS 6
#define WSTS_COMB_WINDOWS ((256 + WSTS_COMB_BITS - 1) / WSTS_COMB_BITS)
#define WSTS_COMB_ENTRIES (1 << (WSTS_COMB_BITS - 1))

typedef struct {
    /* (2^(w*W) - 1) / 2 mod n, and 1/2 mod n. */
    secp256k1_scalar offset;
    secp256k1_scalar half;
    secp256k1_ge_storage table[WSTS_COMB_WINDOWS][WSTS_COMB_ENTRIES];
} wsts_p256k1_comb;

size_t wsts_p256k1_comb_size(void) {
    return sizeof(wsts_p256k1_comb);
}

/* Fill a comb: table[i][j] = (2j + 1) * 2^(w*i) * G. Public data, variable
 * time. `comb` points to wsts_p256k1_comb_size() bytes, 8-byte aligned. */
int wsts_p256k1_comb_build(wsts_p256k1_comb *comb) {
    const size_t total = (size_t)WSTS_COMB_WINDOWS * WSTS_COMB_ENTRIES;
    secp256k1_gej *points = (secp256k1_gej *)malloc(total * sizeof(secp256k1_gej));
    secp256k1_ge *affine = (secp256k1_ge *)malloc(total * sizeof(secp256k1_ge));
    secp256k1_gej base, twice;
    secp256k1_scalar two_pow, one;
    size_t i, j;
    if (points == NULL || affine == NULL) {
        free(points);
        free(affine);
        return 0;
    }
    secp256k1_gej_set_ge(&base, &secp256k1_ge_const_g);
    for (i = 0; i < WSTS_COMB_WINDOWS; i++) {
        secp256k1_gej *row = points + i * WSTS_COMB_ENTRIES;
        secp256k1_gej_double_var(&twice, &base, NULL);
        row[0] = base;
        for (j = 1; j < WSTS_COMB_ENTRIES; j++) {
            secp256k1_gej_add_var(&row[j], &row[j - 1], &twice, NULL);
        }
        for (j = 0; j < WSTS_COMB_BITS; j++) {
            secp256k1_gej_double_var(&base, &base, NULL);
        }
    }
    secp256k1_ge_set_all_gej_var(affine, points, total);
    for (i = 0; i < total; i++) {
        secp256k1_ge_to_storage(&comb->table[i / WSTS_COMB_ENTRIES][i % WSTS_COMB_ENTRIES], &affine[i]);
    }
    free(points);
    free(affine);

    /* 2^(w*W) mod n by doubling, then the offset (2^(w*W) - 1) / 2. */
    secp256k1_scalar_set_int(&one, 1);
    two_pow = one;
    for (i = 0; i < (size_t)WSTS_COMB_BITS * WSTS_COMB_WINDOWS; i++) {
        secp256k1_scalar_add(&two_pow, &two_pow, &two_pow);
    }
    /* 1/2 = (n + 1) / 2, which is -(n - 1)/2 = -((n-1)/2); compute it as the
     * inverse of 2 (public constant, variable time is fine). */
    secp256k1_scalar_set_int(&comb->half, 2);
    secp256k1_scalar_inverse_var(&comb->half, &comb->half);
    secp256k1_scalar_negate(&one, &one);
    secp256k1_scalar_add(&comb->offset, &two_pow, &one);
    secp256k1_scalar_mul(&comb->offset, &comb->offset, &comb->half);
    return 1;
}

/* Bits [offset, offset + WSTS_COMB_BITS) of a 256-bit number held as nine
 * little-endian 32-bit words (the ninth zero). The position is public. */
static unsigned int wsts_comb_window(const uint32_t *words, unsigned int offset) {
    uint64_t pair = ((uint64_t)words[(offset >> 5) + 1] << 32) | words[offset >> 5];
    return (unsigned int)(pair >> (offset & 31)) & ((1u << WSTS_COMB_BITS) - 1);
}

/* *out = row[index], reading every entry of the row under a mask, as
 * 64-bit words whatever the limb size (on wasm32 that halves the operations
 * of libsecp256k1's 32-bit secp256k1_ge_storage_cmov). Each mask goes
 * through a volatile so that the compiler cannot know it is 0 or all ones
 * and turn the masking into a branch (as libsecp256k1 >= 0.4 does in its
 * cmov functions). */
static void wsts_comb_lookup(secp256k1_ge_storage *out, const secp256k1_ge_storage *row, unsigned int index) {
    enum { WORDS = sizeof(secp256k1_ge_storage) / sizeof(uint64_t) };
    volatile uint64_t laundered;
    uint64_t acc[WORDS] = {0};
    uint64_t words[WORDS];
    unsigned int j, k;
    for (j = 0; j < WSTS_COMB_ENTRIES; j++) {
        uint64_t mask;
        /* All ones if j == index: (j ^ index) - 1 borrows only from 0. */
        laundered = (uint64_t)0 - (((uint64_t)(j ^ index) - 1) >> 63);
        mask = laundered;
        memcpy(words, &row[j], sizeof(words));
        for (k = 0; k < WORDS; k++) {
            acc[k] |= words[k] & mask;
        }
    }
    memcpy(out, acc, sizeof(acc));
    memset(acc, 0, sizeof(acc));
    memset(words, 0, sizeof(words));
}

/* r = x*G, constant time in x. */
void wsts_p256k1_comb_mul(const wsts_p256k1_comb *comb, secp256k1_gej *r, const secp256k1_scalar *x) {
    secp256k1_scalar b;
    unsigned char bytes[32];
    uint32_t words[9];
    secp256k1_ge_storage entry;
    secp256k1_ge point;
    secp256k1_fe neg_y;
    unsigned int i;

    /* B = x/2 + (2^(w*W) - 1)/2. */
    secp256k1_scalar_mul(&b, x, &comb->half);
    secp256k1_scalar_add(&b, &b, &comb->offset);
    secp256k1_scalar_get_b32(bytes, &b);
    for (i = 0; i < 8; i++) {
        words[i] = (uint32_t)bytes[31 - 4 * i] | ((uint32_t)bytes[30 - 4 * i] << 8) |
                   ((uint32_t)bytes[29 - 4 * i] << 16) | ((uint32_t)bytes[28 - 4 * i] << 24);
    }
    words[8] = 0;

    secp256k1_gej_set_infinity(r);
    memset(&entry, 0, sizeof(entry));
    for (i = 0; i < WSTS_COMB_WINDOWS; i++) {
        unsigned int window = wsts_comb_window(words, i * WSTS_COMB_BITS);
        unsigned int top = window >> (WSTS_COMB_BITS - 1);
        /* top = 1: d = 2*(window - 2^(w-1)) + 1 >= 1; top = 0: d < 0 and
         * |d| = 2*(2^(w-1) - 1 - window) + 1: flip the low bits. */
        unsigned int flip = (top - 1) & (WSTS_COMB_ENTRIES - 1);
        unsigned int index = (window & (WSTS_COMB_ENTRIES - 1)) ^ flip;
        wsts_comb_lookup(&entry, comb->table[i], index);
        secp256k1_ge_from_storage(&point, &entry);
        secp256k1_fe_negate(&neg_y, &point.y, 1);
        secp256k1_fe_cmov(&point.y, &neg_y, (int)(top ^ 1));
        secp256k1_gej_add_ge(r, r, &point);
    }

    secp256k1_scalar_clear(&b);
    memset(bytes, 0, sizeof(bytes));
    memset(words, 0, sizeof(words));
    memset(&entry, 0, sizeof(entry));
    secp256k1_ge_clear(&point);
    secp256k1_fe_clear(&neg_y);
}
