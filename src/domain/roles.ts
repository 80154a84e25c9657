/**
 * Who may do what. The Staff sheet gives each member of staff one role; each action the add-on
 * offers needs a permission, and health details are a permission of their own, so staff who set
 * work or log a call see only what that job needs.
 */
export const ROLES = ['Coordinator', 'Pastoral', 'SLT', 'Teacher', 'Office'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'register.setUp'
  | 'register.view'
  | 'case.open'
  | 'case.change'
  | 'case.close'
  | 'health.view'
  | 'contact.log'
  | 'work.set'
  | 'letter.send'
  | 'la.share'
  | 'audit.verify'
  | 'staff.manage'
  | 'pupils.import'
  | 'checks.run'
  | 'retention.dispose'
  | 'governance.report';

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  Coordinator: [
    'register.setUp', 'register.view', 'case.open', 'case.change', 'case.close', 'health.view', 'contact.log',
    'work.set', 'letter.send', 'la.share', 'audit.verify', 'staff.manage', 'pupils.import', 'checks.run',
    'retention.dispose', 'governance.report',
  ],
  Pastoral: ['register.view', 'case.open', 'case.change', 'case.close', 'health.view', 'contact.log', 'work.set', 'letter.send', 'checks.run'],
  SLT: ['register.view', 'case.open', 'case.change', 'case.close', 'health.view', 'contact.log', 'work.set', 'letter.send', 'la.share', 'audit.verify', 'checks.run', 'governance.report'],
  Teacher: ['register.view', 'contact.log', 'work.set'],
  Office: ['register.view', 'contact.log', 'pupils.import'],
};

/** What each permission lets a person do, for refusals in plain English. */
export const PERMISSION_PHRASES: Readonly<Record<Permission, string>> = {
  'register.setUp': 'set up or repair the register',
  'register.view': 'use the register',
  'case.open': 'open a case',
  'case.change': 'change a case',
  'case.close': 'close a case',
  'health.view': 'see health details',
  'contact.log': 'log a contact',
  'work.set': 'set work',
  'letter.send': 'make or send letters',
  'la.share': 'share information with the local authority',
  'audit.verify': 'check the audit log',
  'staff.manage': 'change staff roles',
  'pupils.import': 'import pupils from the MIS',
  'checks.run': 'run the daily check',
  'retention.dispose': 'remove records past their retention period',
  'governance.report': 'make the governors\u2019 report',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role | null, permission: Permission): boolean {
  return role !== null && GRANTS[role].includes(permission);
}

export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => GRANTS[r].includes(permission));
}

export interface StaffMember {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
}

/** The staff member for an email (case-insensitive), or null when not listed or not active. */
export function findStaff(staff: readonly StaffMember[], email: string): StaffMember | null {
  const wanted = email.trim().toLowerCase();
  if (!wanted) return null;
  return staff.find((s) => s.active && s.email.trim().toLowerCase() === wanted) ?? null;
}
