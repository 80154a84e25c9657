/**
 * Sheet and range protections. The emulator enforces them the way Sheets does for a script: a
 * write by a user who is neither the owner nor an editor of a (non-warning-only) protection that
 * covers the cells throws, unless a sheet protection leaves those cells unprotected.
 */
import { makeEnum } from '../enums';
import { emailOf, makeUser, type FakeUser } from '../session';
import { contains, intersects, type AnchoredRect } from './grid';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);
export type ProtectionTypeName = keyof typeof ProtectionType;

export const PROTECTED_EDIT_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export class FakeProtection {
  description = '';
  readonly editors = new Set<string>();
  warningOnly = false;
  domainEdit = false;
  unprotected: AnchoredRect[] = [];
  removed = false;

  constructor(
    readonly sheet: FakeSheet,
    readonly type: ProtectionTypeName,
    /** The protected cells; for a SHEET protection, the whole sheet (see coversRect). */
    readonly rect: AnchoredRect | null,
  ) {}

  private record(method: string): void {
    this.sheet.spreadsheet.record(`Protection.${method}`);
  }

  // ------------------------------------------------------------ public API

  addEditor(emailOrUser: string | { getEmail(): string }): this {
    this.record('addEditor');
    this.editors.add(emailOf(emailOrUser));
    return this;
  }

  addEditors(emails: string[]): this {
    this.record('addEditors');
    for (const e of emails) this.editors.add(e);
    return this;
  }

  removeEditor(emailOrUser: string | { getEmail(): string }): this {
    this.record('removeEditor');
    this.editors.delete(emailOf(emailOrUser));
    return this;
  }

  removeEditors(list: Array<string | { getEmail(): string }>): this {
    this.record('removeEditors');
    for (const e of list) this.editors.delete(emailOf(e));
    return this;
  }

  /** The owner always appears, as in Sheets. */
  getEditors(): FakeUser[] {
    this.record('getEditors');
    const owner = this.sheet.spreadsheet.ownerEmail();
    return [owner, ...[...this.editors].filter((e) => e !== owner)].map(makeUser);
  }

  canEdit(): boolean {
    this.record('canEdit');
    return this.userMayEdit(this.sheet.spreadsheet.ctx.effectiveUser.email);
  }

  canDomainEdit(): boolean { this.record('canDomainEdit'); return this.domainEdit; }
  setDomainEdit(editable: boolean): this { this.record('setDomainEdit'); this.domainEdit = editable; return this; }
  getDescription(): string { this.record('getDescription'); return this.description; }
  setDescription(description: string): this { this.record('setDescription'); this.description = description; return this; }
  isWarningOnly(): boolean { this.record('isWarningOnly'); return this.warningOnly; }
  setWarningOnly(warningOnly: boolean): this { this.record('setWarningOnly'); this.warningOnly = warningOnly; return this; }
  getProtectionType(): ProtectionTypeName { this.record('getProtectionType'); return this.type; }

  getRange(): FakeRange {
    this.record('getRange');
    const r = this.rect ?? { r: 0, c: 0, nr: this.sheet.maxRows, nc: this.sheet.maxColumns };
    return this.sheet.rangeAt(r.r, r.c, r.nr, r.nc);
  }

  getRangeName(): string | null { this.record('getRangeName'); return null; }

  /** Only sheet protections may leave holes; Sheets rejects this on a range protection. */
  setUnprotectedRanges(ranges: FakeRange[]): this {
    this.record('setUnprotectedRanges');
    if (this.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this.unprotected = ranges.map((range) => range.rect());
    return this;
  }

  getUnprotectedRanges(): FakeRange[] {
    this.record('getUnprotectedRanges');
    return this.unprotected.map((u) => this.sheet.rangeAt(u.r, u.c, u.nr, u.nc));
  }

  remove(): void {
    this.record('remove');
    this.removed = true;
    this.sheet.removeProtection(this);
  }

  // ------------------------------------------------------------ emulator internals

  userMayEdit(email: string): boolean {
    return email === this.sheet.spreadsheet.ownerEmail() || this.editors.has(email);
  }

  /** Whether a write to `rect` by `email` is blocked by this protection. */
  blocks(rect: AnchoredRect, email: string): boolean {
    if (this.removed || this.warningOnly || this.userMayEdit(email)) return false;
    if (this.rect) return intersects(this.rect, rect);
    return !this.unprotected.some((u) => contains(u, rect));
  }
}
