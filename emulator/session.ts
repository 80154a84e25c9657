/** Session and the User objects every service hands out (Protection.getEditors, Spreadsheet.getOwner…). */
import { createHash } from 'node:crypto';
import type { EmulatorContext } from './context';
import { runtimeFor } from './runtime';

export const SCRIPT_TIME_ZONE = 'Europe/London';
export const USER_LOCALE = 'en-GB';

export interface FakeUser {
  getEmail(): string;
  getUserLoginId(): string;
  toString(): string;
}

export function makeUser(email: string): FakeUser {
  return {
    getEmail: () => email,
    getUserLoginId: () => email,
    toString: () => email,
  };
}

/** Accepts what Protection.addEditor and friends accept: an email address or a User. */
export function emailOf(userOrEmail: string | { getEmail(): string }): string {
  return typeof userOrEmail === 'string' ? userOrEmail : userOrEmail.getEmail();
}

export class FakeSession {
  constructor(private readonly ctx: EmulatorContext) {}

  private record(method: string): void {
    this.ctx.meter.record('Session', method);
  }

  /** Empty email when Apps Script cannot reveal who the user is (consumer accounts, simple triggers). */
  getActiveUser(): FakeUser {
    this.record('getActiveUser');
    const u = this.ctx.activeUser;
    return makeUser(u.visibleEmail ? u.email : '');
  }

  getEffectiveUser(): FakeUser {
    this.record('getEffectiveUser');
    const u = this.ctx.effectiveUser;
    return makeUser(u.visibleEmail ? u.email : '');
  }

  getScriptTimeZone(): string {
    this.record('getScriptTimeZone');
    return SCRIPT_TIME_ZONE;
  }

  getTimeZone(): string {
    this.record('getTimeZone');
    return SCRIPT_TIME_ZONE;
  }

  getActiveUserLocale(): string {
    this.record('getActiveUserLocale');
    return USER_LOCALE;
  }

  /** Stable per user and script, opaque, and different from the email (as the real key is). */
  getTemporaryActiveUserKey(): string {
    this.record('getTemporaryActiveUserKey');
    const seed = `${runtimeFor(this.ctx).scriptId}:${this.ctx.activeUser.email}`;
    return createHash('sha256').update(seed).digest('base64').slice(0, 43);
  }
}
