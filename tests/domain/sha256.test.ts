import { createHash } from 'crypto';
import { bytesToHex, sha256Bytes, sha256Hex, utf8Encode } from '../../src/domain/sha256';

/** Node's own SHA-256, used only as an independent oracle in tests. */
function nodeSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 / NIST test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes one million "a" characters (many blocks) correctly', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('encodes non-ASCII text as UTF-8 before hashing (long text, accents, CJK, emoji)', () => {
    const long = 'Zoë Ó Briain — São Paulo, 東京, 🏥📚 £5 '.repeat(500);
    expect(sha256Hex(long)).toBe(nodeSha256(long));
    expect(sha256Hex('£')).toBe(nodeSha256('£'));
    expect(sha256Hex('é')).not.toBe(sha256Hex('e\u0301')); // no Unicode normalisation: bytes are hashed as given
  });

  it('agrees with Node at every padding boundary (lengths 0–130)', () => {
    for (let n = 0; n <= 130; n++) {
      const text = 'x'.repeat(n);
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });
});

describe('utf8Encode', () => {
  it('produces the same bytes as Node for 1-, 2-, 3- and 4-byte characters', () => {
    const text = 'A£€😀';
    expect(Array.from(utf8Encode(text))).toEqual(Array.from(Buffer.from(text, 'utf8')));
  });

  it('replaces a lone surrogate with U+FFFD, as TextEncoder does', () => {
    expect(Array.from(utf8Encode('a\uD800b'))).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect(Array.from(utf8Encode('\uDC00'))).toEqual([0xef, 0xbf, 0xbd]);
  });
});

describe('bytesToHex', () => {
  it('reads Java-style signed bytes as Utilities.computeDigest returns them', () => {
    expect(bytesToHex([-128, -1, 0, 1, 127, 15])).toBe('80ff00017f0f');
  });

  it('round-trips sha256Bytes', () => {
    expect(bytesToHex(sha256Bytes(utf8Encode('abc')))).toBe(sha256Hex('abc'));
    expect(sha256Bytes([])).toHaveLength(32);
  });
});
