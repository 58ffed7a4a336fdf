// A small, independent BIP-340 verifier and taproot tweak (BigInt, node:crypto),
// to check the browsers' signatures without the wasm code that made them; and
// a signer, for test clients that join the relay as someone (not constant
// time: test keys only).
import { createHash } from 'node:crypto';

const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const G = [0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n, 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n];

const mod = (a, m = P) => ((a % m) + m) % m;
function pow(b, e, m = P) {
  let r = 1n;
  b = mod(b, m);
  for (; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) r = (r * b) % m;
  return r;
}
const inv = (a) => pow(a, P - 2n);

function add(p1, p2) {
  if (p1 === null) return p2;
  if (p2 === null) return p1;
  if (p1[0] === p2[0] && mod(p1[1] + p2[1]) === 0n) return null;
  const l = p1[0] === p2[0] && p1[1] === p2[1]
    ? mod(3n * p1[0] * p1[0] * inv(2n * p1[1]))
    : mod((p2[1] - p1[1]) * inv(p2[0] - p1[0]));
  const x = mod(l * l - p1[0] - p2[0]);
  return [x, mod(l * (p1[0] - x) - p1[1])];
}
function mul(pt, k) {
  let r = null;
  for (; k > 0n; k >>= 1n, pt = add(pt, pt)) if (k & 1n) r = add(r, pt);
  return r;
}
const int = (buf) => BigInt(`0x${Buffer.from(buf).toString('hex') || '0'}`);
const bytes32 = (n) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');

function liftX(x) {
  if (x >= P) return null;
  const c = mod(x ** 3n + 7n);
  const y = pow(c, (P + 1n) / 4n);
  if (mod(y * y) !== c) return null;
  return [x, y & 1n ? P - y : y];
}

export function taggedHash(tag, ...parts) {
  const t = createHash('sha256').update(tag).digest();
  const h = createHash('sha256').update(t).update(t);
  for (const p of parts) h.update(p);
  return h.digest();
}

/** BIP-340 verify: 32-byte x-only key, message bytes, 64-byte signature (Buffers or hex). */
export function verify(pubkey, msg, sig) {
  const pk = Buffer.from(pubkey, typeof pubkey === 'string' ? 'hex' : undefined);
  const m = Buffer.from(msg, typeof msg === 'string' ? 'hex' : undefined);
  const s64 = Buffer.from(sig, typeof sig === 'string' ? 'hex' : undefined);
  if (pk.length !== 32 || s64.length !== 64) return false;
  const Pt = liftX(int(pk));
  const r = int(s64.subarray(0, 32));
  const s = int(s64.subarray(32));
  if (!Pt || r >= P || s >= N) return false;
  const e = mod(int(taggedHash('BIP0340/challenge', s64.subarray(0, 32), pk, m)), N);
  const R = add(mul(G, s), mul(Pt, N - e));
  return R !== null && (R[1] & 1n) === 0n && R[0] === r;
}

/** The compressed public key (hex) of a 32-byte secret. */
export function publicKey(secret) {
  const Pt = mul(G, int(secret));
  return `${Pt[1] & 1n ? '03' : '02'}${bytes32(Pt[0]).toString('hex')}`;
}

/** BIP-340 signing of a message (bytes) with a 32-byte secret; hex. */
export function sign(secret, msg, aux = Buffer.alloc(32)) {
  const d0 = int(secret);
  if (d0 === 0n || d0 >= N) throw new Error('bad secret');
  const Pt = mul(G, d0);
  const d = Pt[1] & 1n ? N - d0 : d0;
  const px = bytes32(Pt[0]);
  const t = Buffer.from(bytes32(d).map((b, i) => b ^ taggedHash('BIP0340/aux', aux)[i]));
  const k0 = mod(int(taggedHash('BIP0340/nonce', t, px, msg)), N);
  const R = mul(G, k0);
  const k = R[1] & 1n ? N - k0 : k0;
  const rx = bytes32(R[0]);
  const e = mod(int(taggedHash('BIP0340/challenge', rx, px, msg)), N);
  return Buffer.concat([rx, bytes32(mod(k + e * d, N))]).toString('hex');
}

/** The BIP-341 output key (x-only hex) for an x-only internal key and optional merkle root. */
export function taprootOutputKey(internalKeyHex, merkleRootHex = null) {
  const pk = Buffer.from(internalKeyHex, 'hex');
  const t = mod(int(taggedHash('TapTweak', pk, merkleRootHex ? Buffer.from(merkleRootHex, 'hex') : Buffer.alloc(0))), N);
  const Q = add(liftX(int(pk)), mul(G, t));
  return bytes32(Q[0]).toString('hex');
}

// Self-check against BIP-340 test vector 0 (and a tampered copy) when run directly.
if (import.meta.url === `file://${process.argv[1]}`) {
  const ok = verify('F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9', '0000000000000000000000000000000000000000000000000000000000000000',
    'E907831F80848D1069A5371B402410364BDF1C5F8307B0084C55F1CE2DCA821525F66A4A85EA8B71E482A74F382D2CE5EBEEE8FDB2172F477DF4900D310536C0');
  const bad = verify('F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9', '0000000000000000000000000000000000000000000000000000000000000001',
    'E907831F80848D1069A5371B402410364BDF1C5F8307B0084C55F1CE2DCA821525F66A4A85EA8B71E482A74F382D2CE5EBEEE8FDB2172F477DF4900D310536C0');
  const secret = taggedHash('self-check');
  const msg = taggedHash('message');
  const signed = verify(publicKey(secret).slice(2), msg, sign(secret, msg));
  console.log(ok && !bad && signed ? 'bip340 self-check ok' : 'bip340 self-check FAILED');
  process.exit(ok && !bad && signed ? 0 : 1);
}
