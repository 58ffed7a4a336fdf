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
    unsigned int j, k;
    for (j = 0; j < WSTS_COMB_ENTRIES; j++) {
        /* The table is public: its words need no wiping. */
        const unsigned char *entry = (const unsigned char *)&row[j];
        uint64_t mask;
        /* All ones if j == index: (j ^ index) - 1 borrows only from 0. */
        laundered = (uint64_t)0 - (((uint64_t)(j ^ index) - 1) >> 63);
        mask = laundered;
        for (k = 0; k < WORDS; k++) {
            uint64_t word;
            memcpy(&word, entry + k * sizeof(word), sizeof(word));
            acc[k] |= word & mask;
        }
    }
    memcpy(out, acc, sizeof(acc));
    memset(acc, 0, sizeof(acc));
}

/* The bits of B = x/2 + (2^(w*W) - 1)/2 as nine little-endian 32-bit words
 * (the ninth zero, for windows that run past bit 255). */
static void wsts_comb_recode(const wsts_p256k1_comb *comb, uint32_t *words, const secp256k1_scalar *x) {
    secp256k1_scalar b;
    unsigned char bytes[32];
    unsigned int i;
    secp256k1_scalar_mul(&b, x, &comb->half);
    secp256k1_scalar_add(&b, &b, &comb->offset);
    secp256k1_scalar_get_b32(bytes, &b);
    for (i = 0; i < 8; i++) {
        words[i] = (uint32_t)bytes[31 - 4 * i] | ((uint32_t)bytes[30 - 4 * i] << 8) |
                   ((uint32_t)bytes[29 - 4 * i] << 16) | ((uint32_t)bytes[28 - 4 * i] << 24);
    }
    words[8] = 0;
    secp256k1_scalar_clear(&b);
    memset(bytes, 0, sizeof(bytes));
}

/* point = d_i * 2^(w*i) * G for window i of the recoded scalar: the table
 * entry for |d_i|, negated if d_i < 0, both without branches. */
static void wsts_comb_point(const wsts_p256k1_comb *comb, secp256k1_ge *point, const uint32_t *words, unsigned int i) {
    secp256k1_ge_storage entry;
    secp256k1_fe neg_y;
    unsigned int window = wsts_comb_window(words, i * WSTS_COMB_BITS);
    unsigned int top = window >> (WSTS_COMB_BITS - 1);
    /* top = 1: d = 2*(window - 2^(w-1)) + 1 >= 1; top = 0: d < 0 and
     * |d| = 2*(2^(w-1) - 1 - window) + 1: flip the low bits. */
    unsigned int flip = (top - 1) & (WSTS_COMB_ENTRIES - 1);
    unsigned int index = (window & (WSTS_COMB_ENTRIES - 1)) ^ flip;
    wsts_comb_lookup(&entry, comb->table[i], index);
    secp256k1_ge_from_storage(point, &entry);
    secp256k1_fe_negate(&neg_y, &point->y, 1);
    secp256k1_fe_cmov(&point->y, &neg_y, (int)(top ^ 1));
    secp256k1_fe_normalize_weak(&point->y);               /* magnitude 1 */
    memset(&entry, 0, sizeof(entry));
    secp256k1_fe_clear(&neg_y);
}

/* r = x*G, constant time in x. */
void wsts_p256k1_comb_mul(const wsts_p256k1_comb *comb, secp256k1_gej *r, const secp256k1_scalar *x) {
    uint32_t words[9];
    secp256k1_ge point;
    unsigned int i;
    wsts_comb_recode(comb, words, x);
    secp256k1_gej_set_infinity(r);
    for (i = 0; i < WSTS_COMB_WINDOWS; i++) {
        wsts_comb_point(comb, &point, words, i);
        secp256k1_gej_add_ge(r, r, &point);
    }
    memset(words, 0, sizeof(words));
    secp256k1_ge_clear(&point);
}

/* ---- many x*G at once, in affine coordinates ---------------------------
 *
 * Commitments need t multiples of G at once, in affine form. Running the
 * comb for a batch in lockstep, window by window, each addition can be
 * affine: lambda = num/den with one field inversion per window for the
 * whole batch (Montgomery's trick), instead of the Jacobian formula's extra
 * multiplications and a final inversion per point. The addition law is the
 * unified one of secp256k1_gej_add_ge (Brier and Joye, PKC 2002):
 *   lambda = (x1^2 + x1*x2 + x2^2) / (y1 + y2),
 * which also doubles; when y1 = -y2 it falls back to (y2 - y1) / (x2 - x1),
 * and if that is 0/0 too the sum is infinity. Every case is selected with
 * conditional moves, and a zero denominator is replaced by 1 so that the
 * batch inversion never sees zero: the running time depends on the batch
 * size only. */

#define WSTS_BATCH_CHUNK 512

typedef struct {
    uint32_t words[9];
    secp256k1_fe x, y;      /* the running sum (affine, magnitude 1) */
    int infinity;
    secp256k1_ge q;         /* this window's table point */
    secp256k1_fe sum_x;     /* x1 + x2 */
    secp256k1_fe num, den;  /* lambda = num/den; den never zero */
    secp256k1_fe prefix;    /* product of the dens up to this lane */
    int sum_is_infinity;    /* x1 = x2 and y1 = -y2 */
} wsts_comb_lane;

/* First half of an addition: the fraction lambda = num/den. */
static void wsts_comb_fraction(wsts_comb_lane *l) {
    static const secp256k1_fe one = SECP256K1_FE_CONST(0, 0, 0, 0, 0, 0, 0, 1);
    secp256k1_fe t, num_alt, den_alt;
    int degenerate, zero_den;
    l->sum_x = l->x;
    secp256k1_fe_add(&l->sum_x, &l->q.x);                 /* x1 + x2 (2) */
    secp256k1_fe_sqr(&l->num, &l->sum_x);                 /* (x1 + x2)^2 (1) */
    secp256k1_fe_mul(&t, &l->x, &l->q.x);                 /* x1*x2 (1) */
    secp256k1_fe_negate(&t, &t, 1);                       /* (2) */
    secp256k1_fe_add(&l->num, &t);                        /* x1^2 + x1*x2 + x2^2 (3) */
    l->den = l->y;
    secp256k1_fe_add(&l->den, &l->q.y);                   /* y1 + y2 (2) */
    secp256k1_fe_negate(&num_alt, &l->y, 1);
    secp256k1_fe_add(&num_alt, &l->q.y);                  /* y2 - y1 (3) */
    secp256k1_fe_negate(&den_alt, &l->x, 1);
    secp256k1_fe_add(&den_alt, &l->q.x);                  /* x2 - x1 (3) */
    degenerate = secp256k1_fe_normalizes_to_zero(&l->den);
    secp256k1_fe_cmov(&l->num, &num_alt, degenerate);
    secp256k1_fe_cmov(&l->den, &den_alt, degenerate);
    zero_den = secp256k1_fe_normalizes_to_zero(&l->den);
    /* Only a = -b leaves den = 0 (or a garbage x1, y1 when a is infinity). */
    l->sum_is_infinity = zero_den;
    secp256k1_fe_cmov(&l->den, &one, zero_den);
}

/* Second half: (x3, y3) from lambda, then the cases a = infinity (the sum
 * is b) and a = -b (the sum is infinity). */
static void wsts_comb_finish(wsts_comb_lane *l, const secp256k1_fe *inverse) {
    secp256k1_fe lambda, x3, y3, t;
    secp256k1_fe_mul(&lambda, &l->num, inverse);          /* (1) */
    secp256k1_fe_sqr(&x3, &lambda);                       /* (1) */
    secp256k1_fe_negate(&t, &l->sum_x, 2);                /* (3) */
    secp256k1_fe_add(&x3, &t);                            /* lambda^2 - x1 - x2 (4) */
    secp256k1_fe_normalize_weak(&x3);                     /* (1) */
    secp256k1_fe_negate(&t, &x3, 1);                      /* (2) */
    secp256k1_fe_add(&t, &l->x);                          /* x1 - x3 (3) */
    secp256k1_fe_mul(&y3, &lambda, &t);                   /* (1) */
    secp256k1_fe_negate(&t, &l->y, 1);                    /* (2) */
    secp256k1_fe_add(&y3, &t);                            /* lambda*(x1 - x3) - y1 (3) */
    secp256k1_fe_normalize_weak(&y3);                     /* (1) */
    secp256k1_fe_cmov(&x3, &l->q.x, l->infinity);
    secp256k1_fe_cmov(&y3, &l->q.y, l->infinity);
    l->x = x3;
    l->y = y3;
    l->infinity = l->sum_is_infinity & !l->infinity;
}

/* One window for every lane: lookups, fractions, one inversion, sums. */
static void wsts_comb_batch_window(const wsts_p256k1_comb *comb, wsts_comb_lane *lanes, size_t n, unsigned int i) {
    secp256k1_fe inverse, lane_inverse;
    size_t e;
    for (e = 0; e < n; e++) {
        wsts_comb_point(comb, &lanes[e].q, lanes[e].words, i);
        wsts_comb_fraction(&lanes[e]);
        if (e == 0) {
            lanes[e].prefix = lanes[e].den;
        } else {
            secp256k1_fe_mul(&lanes[e].prefix, &lanes[e - 1].prefix, &lanes[e].den);
        }
    }
    secp256k1_fe_inv(&inverse, &lanes[n - 1].prefix);
    for (e = n; e-- > 0;) {
        if (e == 0) {
            lane_inverse = inverse;
        } else {
            secp256k1_fe_mul(&lane_inverse, &inverse, &lanes[e - 1].prefix);
            secp256k1_fe_mul(&inverse, &inverse, &lanes[e].den);
        }
        wsts_comb_finish(&lanes[e], &lane_inverse);
    }
    secp256k1_fe_clear(&inverse);
    secp256k1_fe_clear(&lane_inverse);
}

/* out[e] = x[e]*G for e < n, affine (z = 1, or infinity), each constant time
 * in x[e]. Returns 0 if out of memory. */
int wsts_p256k1_comb_mul_batch(const wsts_p256k1_comb *comb, secp256k1_gej *out, const secp256k1_scalar *x, size_t n) {
    size_t start, e, m;
    unsigned int i;
    wsts_comb_lane *lanes = (wsts_comb_lane *)malloc((n < WSTS_BATCH_CHUNK ? n : WSTS_BATCH_CHUNK) * sizeof(wsts_comb_lane) + 1);
    if (lanes == NULL) {
        return 0;
    }
    for (start = 0; start < n; start += m) {
        m = n - start < WSTS_BATCH_CHUNK ? n - start : WSTS_BATCH_CHUNK;
        for (e = 0; e < m; e++) {
            wsts_comb_recode(comb, lanes[e].words, &x[start + e]);
            wsts_comb_point(comb, &lanes[e].q, lanes[e].words, 0);
            lanes[e].x = lanes[e].q.x;
            lanes[e].y = lanes[e].q.y;
            lanes[e].infinity = 0;
        }
        for (i = 1; i < WSTS_COMB_WINDOWS; i++) {
            wsts_comb_batch_window(comb, lanes, m, i);
        }
        for (e = 0; e < m; e++) {
            secp256k1_gej *r = &out[start + e];
            secp256k1_gej infinity;
            secp256k1_fe_normalize(&lanes[e].x);
            secp256k1_fe_normalize(&lanes[e].y);
            r->x = lanes[e].x;
            r->y = lanes[e].y;
            secp256k1_fe_set_int(&r->z, 1);
            r->infinity = 0;
            secp256k1_gej_set_infinity(&infinity);
            secp256k1_gej_cmov(r, &infinity, lanes[e].infinity);
        }
    }
    memset(lanes, 0, (n < WSTS_BATCH_CHUNK ? n : WSTS_BATCH_CHUNK) * sizeof(wsts_comb_lane));
    free(lanes);
    return 1;
}
