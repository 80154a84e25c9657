import { UPN_LETTERS, upnCheckLetter, validateUpn } from '../../src/domain/upn';

describe('upnCheckLetter', () => {
  it('uses the 23-letter table without I, O and S', () => {
    expect(UPN_LETTERS).toHaveLength(23);
    expect(UPN_LETTERS).not.toMatch(/[IOS]/);
  });

  it('works the census error 1510 help example 207000016049 correctly (P, not the Q the help page states)', () => {
    // 2·2 + 0·3 + 7·4 + 0·5 + 0·6 + 0·7 + 0·8 + 1·9 + 6·10 + 0·11 + 4·12 + 9·13
    // = 4 + 28 + 9 + 60 + 48 + 117 = 266; 266 mod 23 = 266 − 253 = 13 → table[13] = P
    // (A0 … H7 J8 K9 L10 M11 N12 P13 Q14). The help page lists these same products but adds them to 267
    // and so answers Q: an arithmetic slip on that page, not a different rule.
    expect(upnCheckLetter('207000016049')).toBe('P');
  });

  it('gives B for 801200005001 (the python-stdnum documented valid UPN B801200005001)', () => {
    // 8·2 + 1·4 + 2·5 + 5·10 + 1·13 = 16 + 4 + 10 + 50 + 13 = 93; 93 mod 23 = 1 → B.
    expect(upnCheckLetter('801200005001')).toBe('B');
  });

  it('gives H for 801200001001', () => {
    // 8·2 + 1·4 + 2·5 + 1·10 + 1·13 = 53; 53 mod 23 = 7 → table[7] = H.
    expect(upnCheckLetter('801200001001')).toBe('H');
  });

  it('counts a temporary UPN final letter as its index in the table', () => {
    // 8·2 + 1·4 + 2·5 + 1·10 + A(0)·13 = 40; 40 mod 23 = 17 → table[17] = U.
    expect(upnCheckLetter('80120000100A')).toBe('U');
    // 8·2 + 1·4 + 2·5 + 5·10 + Z(22)·13 = 80 + 286 = 366; 366 mod 23 = 21 → Y.
    expect(upnCheckLetter('80120000500Z')).toBe('Y');
    // J is index 8 (I is skipped): 40 + 8·13 = 144; 144 mod 23 = 6 → G.
    expect(upnCheckLetter('80120000100J')).toBe('G');
  });

  it('maps a zero sum to A', () => {
    expect(upnCheckLetter('000000000000')).toBe('A');
  });

  it('refuses malformed input rather than guessing', () => {
    expect(() => upnCheckLetter('80120000100')).toThrow(RangeError);
    expect(() => upnCheckLetter('8012000010O1')).toThrow(RangeError);
    expect(() => upnCheckLetter('80120000100I')).toThrow(RangeError);
  });
});

describe('validateUpn', () => {
  it.each([
    ['B801200005001', 'B801200005001', false],
    ['P207000016049', 'P207000016049', false],
    ['  h801200001001 ', 'H801200001001', false],
    ['H801 2000 01001', 'H801200001001', false],
    ['U80120000100A', 'U80120000100A', true],
    ['y80120000500z', 'Y80120000500Z', true],
  ])('accepts %j as %s (temporary: %s)', (input, upn, temporary) => {
    expect(validateUpn(input)).toEqual({ ok: true, upn, temporary });
  });

  it('names the right check letter when the first letter is wrong', () => {
    expect(validateUpn('A801200005001')).toEqual({
      ok: false,
      message: 'The UPN A801200005001 does not check out: its first letter should be B for these digits. Please check it against the MIS.',
    });
  });

  it('rejects Q207000016049, whose stated check letter comes from an arithmetic slip', () => {
    expect(validateUpn('Q207000016049')).toEqual({
      ok: false,
      message: 'The UPN Q207000016049 does not check out: its first letter should be P for these digits. Please check it against the MIS.',
    });
  });

  it('catches a single mistyped digit and two swapped digits', () => {
    const typo = validateUpn('B801200005002');
    expect(typo.ok).toBe(false);
    const swapped = validateUpn('B810200005001');
    expect(swapped.ok).toBe(false);
    if (!swapped.ok) expect(swapped.message).toContain('does not check out');
  });

  it('says how long a UPN is', () => {
    expect(validateUpn('A1234')).toEqual({ ok: false, message: 'A UPN has 13 characters; "A1234" has 5.' });
    expect(validateUpn('B8012000050011')).toEqual({ ok: false, message: 'A UPN has 13 characters; "B8012000050011" has 14.' });
  });

  it('asks for a UPN when blank', () => {
    const result = validateUpn('   ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^Please enter the UPN/);
  });

  it('says which character is wrong', () => {
    const digitFirst = validateUpn('1801200005001');
    expect(digitFirst).toEqual({
      ok: false,
      message: 'A UPN starts with a letter (its check letter); "1801200005001" starts with "1". Please check it against the MIS.',
    });
    const letterInside = validateUpn('B80120O005001');
    expect(letterInside).toEqual({
      ok: false,
      message: 'Characters 2 to 12 of a UPN are all digits; "B80120O005001" has "O" at character 7. Please check it against the MIS.',
    });
    const badLast = validateUpn('B80120000500O');
    expect(badLast.ok).toBe(false);
    if (!badLast.ok) expect(badLast.message).toContain('ends in "O"');
    const symbol = validateUpn('B80120000500#');
    expect(symbol.ok).toBe(false);
    if (!symbol.ok) expect(symbol.message).toContain('ends in "#"');
  });

  it('rejects formula-like input as a bad character, not a crash', () => {
    const result = validateUpn('=HYPERLINK(1)');
    expect(result.ok).toBe(false);
  });

  it('accepts every UPN whose letter was generated by upnCheckLetter', () => {
    for (let serial = 0; serial < 200; serial++) {
      const body = `80120${String(24).padStart(2, '0')}${String(serial).padStart(5, '0')}`;
      const upn = upnCheckLetter(body) + body;
      expect(validateUpn(upn)).toEqual({ ok: true, upn, temporary: false });
    }
  });
});
