/**
 * What a use case works with during one execution: the ports, plus settings and staff read at
 * most once (Apps Script charges a round trip for every read, so nothing is read twice).
 */
import type { Services, StoredRow } from '../ports';
import type { TableSpec } from '../domain/schema/types';
import { ALL_SETTINGS, parseSettings, Settings } from '../domain/settings';
import { SETTINGS, STAFF } from '../domain/schema';
import { can, findStaff, isRole, PERMISSION_PHRASES, rolesWith, type Permission, type StaffMember } from '../domain/roles';
import { NotAllowedError } from '../domain/errors';
import { toIsoDate } from '../domain/dates';

export class AppContext {
  private cachedSettings?: Settings;
  private cachedStaff?: StaffMember[];
  private cachedActor?: string;
  private cachedActiveUser?: string;

  constructor(readonly services: Services) {}

  get settings(): Settings {
    if (!this.cachedSettings) {
      const rows = this.readRecent(SETTINGS).map((r) => ({ setting: r.values.setting, value: r.values.value }));
      this.cachedSettings = new Settings(parseSettings(rows, ALL_SETTINGS));
    }
    return this.cachedSettings;
  }

  get staff(): StaffMember[] {
    if (!this.cachedStaff) {
      this.cachedStaff = this.services.tables.readAll(STAFF).flatMap((r) => {
        const role = String(r.values.role).trim();
        if (!isRole(role)) return [];
        return [{ email: String(r.values.email).trim(), name: String(r.values.name).trim(), role, active: r.values.active === true }];
      });
    }
    return this.cachedStaff;
  }

  private fresh = false;

  /** Settings and the Calendar: from the document cache when there is one (a hand edit is seen within minutes). */
  readRecent(spec: TableSpec): StoredRow[] {
    const { tables } = this.services;
    return tables.readAllRecent && !this.fresh ? tables.readAllRecent(spec) : tables.readAll(spec);
  }

  /** This execution reads cached tables from their sheets (and so refreshes the cache): opening the sidebar does. */
  readCachedTablesAfresh(): void {
    this.fresh = true;
  }

  /** Forget cached staff and settings (after setup writes them). */
  refresh(): void {
    this.cachedSettings = undefined;
    this.cachedStaff = undefined;
  }

  /** The person acting: the user at the keyboard, or the trigger's owner for triggers. */
  get actorEmail(): string {
    if (this.cachedActor === undefined) {
      this.cachedActor = this.activeUserEmail || this.services.identity.effectiveUserEmail();
    }
    return this.cachedActor;
  }

  /**
   * For a trigger, once its owner (the effective user) is known and checked: the owner is the
   * actor, so the audit log does not ask Apps Script for the active user as well (a round trip).
   */
  actAsTriggerOwner(email: string): void {
    this.cachedActor = email;
  }

  /** The user at the keyboard ('' when Apps Script cannot tell), asked once per execution: each ask is a round trip. */
  get activeUserEmail(): string {
    if (this.cachedActiveUser === undefined) this.cachedActiveUser = this.services.identity.activeUserEmail();
    return this.cachedActiveUser;
  }

  now(): Date {
    return this.services.clock.now();
  }

  today(): string {
    return toIsoDate(this.now());
  }

  /** The staff member allowed to do this, or a refusal that says why and who can help. */
  authorise(permission: Permission): StaffMember {
    const email = this.activeUserEmail;
    const phrase = PERMISSION_PHRASES[permission];
    if (!email) {
      throw new NotAllowedError(
        `The add-on cannot tell who you are, so it cannot let you ${phrase}. This happens when you are signed in to ` +
          'more than one Google account, or use an account outside the school\u2019s Google Workspace. Open the register ' +
          'in a browser window signed in only to your school account and try again.',
      );
    }
    const member = findStaff(this.staff, email);
    if (!member) {
      throw new NotAllowedError(
        `You (${email}) are not on the Staff sheet of this register, so you cannot ${phrase}. ` +
          `Ask ${this.coordinatorPhrase()} to add you.`,
      );
    }
    if (!can(member.role, permission)) {
      throw new NotAllowedError(
        `Your role (${member.role}) does not allow you to ${phrase}. Roles that can: ${rolesWith(permission).join(', ')}. ` +
          `Ask ${this.coordinatorPhrase()} if you need this.`,
      );
    }
    return member;
  }

  /** Whether the current user may do something, without throwing (for showing or hiding actions). */
  may(permission: Permission): boolean {
    const member = findStaff(this.staff, this.activeUserEmail);
    return member !== null && can(member.role, permission);
  }

  coordinators(): string[] {
    return this.staff.filter((s) => s.active && s.role === 'Coordinator').map((s) => s.email);
  }

  private coordinatorPhrase(): string {
    const first = this.staff.find((s) => s.active && s.role === 'Coordinator');
    return first ? `the coordinator (${first.name}, ${first.email})` : 'the learning centre manager';
  }
}
