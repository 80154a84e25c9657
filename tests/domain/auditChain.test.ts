import {
  GENESIS,
  canonicalAuditContent,
  chainDigest,
  sealAuditRows,
  verifyAuditChain,
  type AuditContent,
  type AuditRow,
} from '../../src/domain/auditChain';
import { sha256Hex } from '../../src/domain/sha256';

function entry(n: number, overrides: Partial<AuditContent> = {}): AuditContent {
  return {
    when: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}T14:05:00.000Z`,
    who: n % 2 === 0 ? 'j.smith@school.org.uk' : 'a.khan@school.org.uk',
    action: n % 3 === 0 ? 'Arrangement changed' : 'Contact logged',
    caseRef: `HN-${String(n).padStart(3, '0')}`,
    before: n % 3 === 0 ? 'Not yet arranged' : '',
    after: n % 3 === 0 ? 'School work: online' : `Phoned parent, day ${n}`,
    ...overrides,
  };
}

function sealed(count: number): AuditRow[] {
  return sealAuditRows(GENESIS, Array.from({ length: count }, (_, i) => entry(i + 1)), sha256Hex);
}

describe('canonicalAuditContent', () => {
  it('is a JSON array in fixed order that leaves out the digest', () => {
    const row: AuditRow = { ...entry(1), digest: 'abc' };
    expect(canonicalAuditContent(row)).toBe(
      JSON.stringify([row.when, row.who, row.action, row.caseRef, row.before, row.after]),
    );
    expect(canonicalAuditContent(row)).not.toContain('abc');
  });

  it('does not let one field run into the next', () => {
    const a = entry(1, { who: 'x,', action: 'y' });
    const b = entry(1, { who: 'x', action: ',y' });
    expect(canonicalAuditContent(a)).not.toBe(canonicalAuditContent(b));
  });
});

describe('chainDigest and sealAuditRows', () => {
  it('hashes the previous digest, a newline and the canonical content', () => {
    const row = entry(4);
    expect(chainDigest(GENESIS, row, sha256Hex)).toBe(sha256Hex(`${GENESIS}\n${canonicalAuditContent(row)}`));
    expect(GENESIS).toBe('0'.repeat(64));
  });

  it('chains each row on from the one before', () => {
    const rows = sealed(3);
    expect(rows[0].digest).toBe(chainDigest(GENESIS, rows[0], sha256Hex));
    expect(rows[1].digest).toBe(chainDigest(rows[0].digest, rows[1], sha256Hex));
    expect(rows[2].digest).toBe(chainDigest(rows[1].digest, rows[2], sha256Hex));
    expect(rows[2].digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('continues an existing log from its last seal', () => {
    const all = sealed(5);
    const firstThree = all.slice(0, 3);
    const nextTwo = sealAuditRows(firstThree[2].digest, [entry(4), entry(5)], sha256Hex);
    expect([...firstThree, ...nextTwo]).toEqual(all);
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact log, and an empty one', () => {
    expect(verifyAuditChain(sealed(50), sha256Hex)).toEqual({ ok: true, rows: 50 });
    expect(verifyAuditChain([], sha256Hex)).toEqual({ ok: true, rows: 0 });
  });

  it('finds a row edited by hand, naming the sheet row, date and person', () => {
    const rows = sealed(50);
    rows[40] = { ...rows[40], after: 'Phoned parent, no answer' }; // data row 41 → sheet row 42
    const result = verifyAuditChain(rows, sha256Hex);
    expect(result).toEqual({
      ok: false,
      firstBadRow: 41,
      message:
        'The audit log was changed by hand at row 42 (entry of 14 Nov 2026, 14:05 by a.khan@…): its seal does not match. Rows from there on cannot be trusted; compare them with a backup copy.',
    });
  });

  it('shows the London time of the entry (BST in summer)', () => {
    const rows = sealAuditRows(GENESIS, [entry(1, { when: '2026-06-30T23:30:00.000Z' })], sha256Hex);
    rows[0] = { ...rows[0], action: 'Deleted' };
    const result = verifyAuditChain(rows, sha256Hex, { headerRows: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('row 1 (entry of 1 Jul 2026, 00:30 by a.khan@…)');
  });

  it('finds a row whose digest was edited', () => {
    const rows = sealed(10);
    rows[3] = { ...rows[3], digest: rows[3].digest.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) };
    const result = verifyAuditChain(rows, sha256Hex);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.firstBadRow).toBe(4);
  });

  it('finds a row inserted by hand, even one sealed correctly for its position', () => {
    const rows = sealed(10);
    const fake = entry(99, { action: 'Arrangement changed' });
    const withFake = [...rows.slice(0, 5), { ...fake, digest: '' }, ...rows.slice(5)];
    const r1 = verifyAuditChain(withFake, sha256Hex);
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.firstBadRow).toBe(6);

    const sealedFake = { ...fake, digest: chainDigest(rows[4].digest, fake, sha256Hex) };
    const r2 = verifyAuditChain([...rows.slice(0, 5), sealedFake, ...rows.slice(5)], sha256Hex);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.firstBadRow).toBe(7); // the genuine row after it no longer chains
  });

  it('finds a deleted row at the row that followed it', () => {
    const rows = sealed(10);
    const withoutSeventh = [...rows.slice(0, 6), ...rows.slice(7)];
    const result = verifyAuditChain(withoutSeventh, sha256Hex);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.firstBadRow).toBe(7);
  });

  it('finds rows swapped in order', () => {
    const rows = sealed(6);
    const swapped = [rows[0], rows[2], rows[1], ...rows.slice(3)];
    const result = verifyAuditChain(swapped, sha256Hex);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.firstBadRow).toBe(2);
  });

  it('catches rows deleted from the end only when given the last seal kept elsewhere', () => {
    const rows = sealed(10);
    const truncated = rows.slice(0, 8);
    expect(verifyAuditChain(truncated, sha256Hex).ok).toBe(true); // the documented limit
    const result = verifyAuditChain(truncated, sha256Hex, { expectedLastDigest: rows[9].digest });
    expect(result).toEqual({
      ok: false,
      firstBadRow: 9,
      message: 'The audit log has lost entries from its end: it should continue after row 9, but those rows have been deleted.',
    });
    expect(verifyAuditChain(rows, sha256Hex, { expectedLastDigest: rows[9].digest.toUpperCase() })).toEqual({ ok: true, rows: 10 });
  });

  it('verifies a slice of the log from a known earlier seal', () => {
    const rows = sealed(10);
    expect(verifyAuditChain(rows.slice(5), sha256Hex, { previousDigest: rows[4].digest })).toEqual({ ok: true, rows: 5 });
    expect(verifyAuditChain(rows.slice(5), sha256Hex).ok).toBe(false);
  });

  it('verifies rows whose "when" reads back from the sheet as a Date', () => {
    const rows = sealed(3);
    const asRead = rows.map((r) => ({ ...r, when: new Date(r.when) as unknown as string }));
    expect(verifyAuditChain(asRead, sha256Hex)).toEqual({ ok: true, rows: 3 });
    asRead[1] = { ...asRead[1], when: new Date(Date.parse(rows[1].when) + 1000) as unknown as string };
    const result = verifyAuditChain(asRead, sha256Hex);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('row 3 (entry of 3 Nov 2026, 14:05 by j.smith@…)');
  });

  it('copes with an unreadable date in a tampered row', () => {
    const rows = sealed(2);
    rows[1] = { ...rows[1], when: 'yesterday' };
    const result = verifyAuditChain(rows, sha256Hex);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('(entry of "yesterday" by j.smith@…)');
  });
});
