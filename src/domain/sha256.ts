/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, for the tamper-evident audit log.
 * The Apps Script layer may use Apps Script's own digest utility instead; this version lets the domain and
 * the tests seal and verify the chain without any platform service. Text is hashed as UTF-8, encoded here
 * because TextEncoder is not part of ES2020 and not available in Apps Script.
 */

const K: readonly number[] = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const H0: readonly number[] = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/**
 * UTF-8 bytes of a JavaScript string. A lone surrogate (not a valid character) becomes U+FFFD, as
 * TextEncoder and Apps Script's digest utility (with the UTF-8 charset) do.
 */
export function utf8Encode(text: string): Uint8Array {
  return buffer.slice(0, encodeInto(text));
}

/** Lower-case hex of bytes. Accepts Java-style signed bytes (−128…127), as Apps Script's digest utility returns. */
export function bytesToHex(bytes: ArrayLike<number>): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] & 0xff;
    hex += (b < 16 ? '0' : '') + b.toString(16);
  }
  return hex;
}

/** SHA-256 of raw bytes, as 32 bytes. */
export function sha256Bytes(message: ArrayLike<number>): Uint8Array {
  const length = message.length;
  const data = paddedBuffer(length);
  for (let i = 0; i < length; i++) data[i] = message[i] & 0xff;
  digestPadded(data, length);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = STATE[i];
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = (v >>> 16) & 0xff;
    out[i * 4 + 2] = (v >>> 8) & 0xff;
    out[i * 4 + 3] = v & 0xff;
  }
  return out;
}

/** SHA-256 of a string's UTF-8 bytes, as 64 lower-case hex characters. */
export function sha256Hex(text: string): string {
  // The UTF-8 bytes go straight into the reused block buffer: no array per message or per byte
  // ("Verify audit log" seals 140,000 rows at 5,000 cases).
  const length = encodeInto(text);
  digestPadded(buffer, length);
  let hex = '';
  for (let i = 0; i < 8; i++) hex += hexWord(STATE[i]);
  return hex;
}

// Held in module constants and locals: in node:vm (and Apps Script) a global looked up in a hot
// loop is slow, and typed arrays avoid boxing the 32-bit words.
const K32 = Int32Array.from(K);
const W = new Int32Array(64);
const STATE = new Int32Array(8);
let buffer = new Uint8Array(1024);

/** A buffer (the shared one, grown when needed) with room for `length` bytes and their padding. */
function paddedBuffer(length: number): Uint8Array {
  const needed = Math.ceil((length + 9) / 64) * 64;
  if (buffer.length < needed) buffer = new Uint8Array(Math.max(needed, buffer.length * 2));
  return buffer;
}

/** Writes the UTF-8 bytes of `text` into the shared buffer; returns how many. */
function encodeInto(text: string): number {
  const out = paddedBuffer(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        code = 0xfffd;
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      code = 0xfffd;
    }
    if (code < 0x800) {
      out[n++] = 0xc0 | (code >> 6);
      out[n++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      out[n++] = 0xe0 | (code >> 12);
      out[n++] = 0x80 | ((code >> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    } else {
      // Four bytes for two UTF-16 units: still within the 3-per-unit room made above.
      out[n++] = 0xf0 | (code >> 18);
      out[n++] = 0x80 | ((code >> 12) & 0x3f);
      out[n++] = 0x80 | ((code >> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    }
  }
  return n;
}

/**
 * Pads the `length` message bytes at the start of `data` (0x80, zeros, the bit length as a 64-bit
 * big-endian integer; a multiple of 64 bytes in all) and leaves the digest in STATE.
 */
function digestPadded(data: Uint8Array, length: number): void {
  const paddedLength = Math.ceil((length + 9) / 64) * 64;
  data[length] = 0x80;
  data.fill(0, length + 1, paddedLength - 8);
  const bitLength = length * 8;
  const high = Math.floor(bitLength / 0x100000000);
  const low = bitLength >>> 0;
  data[paddedLength - 8] = (high >>> 24) & 0xff;
  data[paddedLength - 7] = (high >>> 16) & 0xff;
  data[paddedLength - 6] = (high >>> 8) & 0xff;
  data[paddedLength - 5] = high & 0xff;
  data[paddedLength - 4] = (low >>> 24) & 0xff;
  data[paddedLength - 3] = (low >>> 16) & 0xff;
  data[paddedLength - 2] = (low >>> 8) & 0xff;
  data[paddedLength - 1] = low & 0xff;

  const k = K32;
  const w = W;
  const initial = H0;
  let h0 = initial[0] | 0, h1 = initial[1] | 0, h2 = initial[2] | 0, h3 = initial[3] | 0;
  let h4 = initial[4] | 0, h5 = initial[5] | 0, h6 = initial[6] | 0, h7 = initial[7] | 0;
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let t = 0; t < 16; t++) {
      const j = offset + t * 4;
      w[t] = (data[j] << 24) | (data[j + 1] << 16) | (data[j + 2] << 8) | data[j + 3];
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15];
      const y = w[t - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const temp1 = (hh + S1 + ch + k[t] + w[t]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const temp2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + temp1) | 0;
      d = c;
      c = b;
      b = a;
      a = (temp1 + temp2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + hh) | 0;
  }
  STATE[0] = h0; STATE[1] = h1; STATE[2] = h2; STATE[3] = h3;
  STATE[4] = h4; STATE[5] = h5; STATE[6] = h6; STATE[7] = h7;
}

const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));

function hexWord(v: number): string {
  return HEX_BYTE[(v >>> 24) & 0xff] + HEX_BYTE[(v >>> 16) & 0xff] + HEX_BYTE[(v >>> 8) & 0xff] + HEX_BYTE[v & 0xff];
}
