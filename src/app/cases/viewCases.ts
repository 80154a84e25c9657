/**
 * Reading the register for the sidebar: the list of open cases with what needs action first, the
 * problems to fix, one case's summary, and the choices the forms offer. Reads only: nothing here
 * writes, and each costs the register's three reads plus settings and staff, whatever its size.
 */
import type { CaseListItem, CaseSections, CaseSummary, CurrentUser, FormChoices, PermissionName, SidebarState } from '../../shared/api';
import { UNMATCHED_CONTACTS } from '../../domain/schema';
import { UserFacingError } from '../../domain/errors';
import { ARRANGEMENT_LABELS } from '../../domain/arrangements';
import { findStaff, can, type Permission } from '../../domain/roles';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { accessIsCurrent, syncStaffAccess } from '../access/staffAccess';
import { computeCaseColumns, loadCaseRegister, loadRegister, openCasesByUpn, periodsByUpn, type Register } from './register';
import { readLists, requireCase, storedContactState } from './caseStore';
import { caseListItem, caseSections, summariseCase } from './summary';

const ALL_PERMISSIONS: readonly Permission[] = [
  'register.setUp', 'register.view', 'case.open', 'case.change', 'case.close', 'health.view', 'contact.log', 'work.set',
  'letter.send', 'la.share', 'audit.verify', 'staff.manage', 'pupils.import', 'checks.run', 'retention.dispose', 'governance.report',
];

export function currentUser(ctx: AppContext): CurrentUser {
  const member = findStaff(ctx.staff, ctx.services.identity.activeUserEmail());
  if (!member) return { email: ctx.services.identity.activeUserEmail(), name: '', role: '', permissions: [] };
  return {
    email: member.email,
    name: member.name,
    role: member.role,
    permissions: ALL_PERMISSIONS.filter((p) => can(member.role, p)) as PermissionName[],
  };
}

/** Open cases, those with an LA flag first, then those needing action, then by pupil. */
export function openCaseItems(ctx: AppContext, register: Register): { items: CaseListItem[]; problems: string[] } {
  const today = ctx.today();
  const byUpn = periodsByUpn(register);
  const openByUpn = openCasesByUpn(register);
  const items: CaseListItem[] = [];
  const problems: string[] = [];
  for (const record of register.cases) {
    const duplicates = record.status === 'Open' ? (openByUpn.get(record.upn) ?? []).filter((r) => r !== record.ref) : [];
    const columns = computeCaseColumns(ctx, record, byUpn.get(record.upn) ?? record.periods, register.calendar, today, storedContactState(record), duplicates);
    if (!record.ref) problems.push(`Row ${record.rowNumber} of the Cases sheet (${record.pupilName || 'no name'}) has no Case ref yet: choose Check the register now to accept it.`);
    if (columns.problems.length) problems.push(`${record.ref || `Row ${record.rowNumber}`} (${record.pupilName || 'no name'}): ${columns.problems.join(' ')}`);
    if (record.status === 'Open' && record.ref) items.push(caseListItem(record, columns));
  }
  const rank = (i: CaseListItem) => (i.laFlag.startsWith('Yes') ? 0 : i.nextAction ? 1 : 2);
  items.sort((a, b) => rank(a) - rank(b) || a.pupilName.localeCompare(b.pupilName) || a.ref.localeCompare(b.ref));
  return { items, problems };
}

export function listOpenCases(ctx: AppContext): CaseListItem[] {
  ctx.authorise('register.view');
  return openCaseItems(ctx, loadRegister(ctx)).items;
}

export function getSidebarState(ctx: AppContext): SidebarState {
  // Opening the sidebar (what staff do after typing into the Settings or Calendar sheet) reads
  // them afresh, so the cached copies the summaries use are brought up to date.
  ctx.readCachedTablesAfresh();
  ctx.authorise('register.view');
  // A coordinator opening the sidebar brings staff access up to date after the Staff sheet changed.
  // (Skipped, not waited for, when someone else holds the lock: the next opening or the daily check does it.)
  if (ctx.may('staff.manage') && !accessIsCurrent(ctx)) {
    ctx.services.lock.withLock(5000, () => {
      const notes = syncStaffAccess(ctx);
      if (notes.length) recordAudit(ctx, [{ action: 'Staff access updated', after: notes.join(' ') }]);
    });
  }
  const register = loadRegister(ctx);
  const { items, problems } = openCaseItems(ctx, register);
  return {
    user: currentUser(ctx),
    schoolName: ctx.settings.text('School name'),
    today: ctx.today(),
    openCases: items,
    unmatchedContacts: countUnmatched(ctx),
    problems: [...ctx.settings.parsed.problems, ...register.problems, ...problems],
  };
}

/** Contact Form responses waiting to be matched (one read; none when the sheet is not there yet). */
function countUnmatched(ctx: AppContext): number {
  try {
    return ctx.services.tables.readAll(UNMATCHED_CONTACTS).filter((r) => String(r.values.resolution ?? '').trim() === '').length;
  } catch (error) {
    if (error instanceof UserFacingError) return 0;
    throw error;
  }
}

/** The summary's core: the case's row and the pupil's other cases, not the whole register. */
export function getCaseSummary(ctx: AppContext, ref: string): CaseSummary {
  ctx.authorise('register.view');
  const register = loadCaseRegister(ctx, ref);
  return summariseCase(ctx, register, requireCase(register, ref));
}

/** The other areas' sections of a case (work set, letters, LA and reintegration), which the sidebar loads after the core. */
export function getCaseSections(ctx: AppContext, ref: string): CaseSections {
  ctx.authorise('register.view');
  const register = loadRegister(ctx);
  return caseSections(ctx, register, requireCase(register, ref));
}

export function getFormChoices(ctx: AppContext): FormChoices {
  ctx.authorise('register.view');
  const lists = readLists(ctx);
  const known = new Set<string>(ARRANGEMENT_LABELS);
  const arrangements = lists.Arrangement.filter((a) => known.has(a) && a !== 'Closed');
  return {
    arrangements: arrangements.length ? arrangements : ARRANGEMENT_LABELS.filter((a) => a !== 'Closed'),
    healthNeeds: ctx.may('health.view') ? lists['Kind of health need'] : [],
    yearGroups: lists['Year group'],
    contacted: lists.Contacted,
    methods: lists.Method,
    outcomes: lists.Outcome,
  };
}
