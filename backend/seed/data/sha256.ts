/**
 * SHA-256 (FIPS 180-4), synchronous and dependency-free so it runs the same in the browser, in a
 * service worker and in Node. Used for the `email_lc_sha256` identity namespace.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

const INITIAL_STATE = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
])

const HEX_DIGITS = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0))

const utf8 = new TextEncoder()

/** Working buffers, reused by every call (hashing is synchronous, so calls never overlap). */
const state = new Int32Array(8)
const schedule = new Int32Array(64)
let message = new Uint8Array(256)
const hexCodes: number[] = Array.from({ length: 64 }, () => 0)

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n))

/** Writes the UTF-8 bytes of `text` into `message` (growing it as needed), returning the length. */
function encode(text: string): number {
  const worstCase = text.length * 3 + 72
  if (message.length < worstCase) message = new Uint8Array(worstCase * 2)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0x80) return utf8.encodeInto(text, message).written
    message[i] = code
  }
  return text.length
}

/** Compresses the 64-byte block of `message` at `offset` into `state`. */
function compress(offset: number): void {
  const w = schedule
  for (let i = 0; i < 16; i++) {
    const at = offset + i * 4
    w[i] = (message[at] << 24) | (message[at + 1] << 16) | (message[at + 2] << 8) | message[at + 3]
  }
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15]
    const w2 = w[i - 2]
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10)
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0
  }
  let a = state[0]
  let b = state[1]
  let c = state[2]
  let d = state[3]
  let e = state[4]
  let f = state[5]
  let g = state[6]
  let h = state[7]
  for (let i = 0; i < 64; i++) {
    const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    const choice = (e & f) ^ (~e & g)
    const t1 = (h + s1 + choice + K[i] + w[i]) | 0
    const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    const majority = (a & b) ^ (a & c) ^ (b & c)
    const t2 = (s0 + majority) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  state[0] += a
  state[1] += b
  state[2] += c
  state[3] += d
  state[4] += e
  state[5] += f
  state[6] += g
  state[7] += h
}

/** The SHA-256 of a string's UTF-8 bytes, as 64 lower-case hex digits. */
export function sha256(text: string): string {
  const length = encode(text)
  const paddedLength = (((length + 8) >> 6) + 1) << 6
  message[length] = 0x80
  message.fill(0, length + 1, paddedLength)
  const bitLength = length * 8
  const high = Math.floor(bitLength / 0x1_0000_0000)
  for (let i = 0; i < 4; i++) {
    message[paddedLength - 8 + i] = high >>> (24 - i * 8)
    message[paddedLength - 4 + i] = bitLength >>> (24 - i * 8)
  }

  state.set(INITIAL_STATE)
  for (let offset = 0; offset < paddedLength; offset += 64) compress(offset)

  for (let i = 0; i < 64; i++)
    hexCodes[i] = HEX_DIGITS[(state[i >> 3] >>> (28 - (i & 7) * 4)) & 0xf]
  return String.fromCharCode(...hexCodes)
}
