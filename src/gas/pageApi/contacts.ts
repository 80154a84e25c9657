/**
 * The contacts area's server functions for the sidebar (google.script.run). Each is a thin shim
 * over a use case in src/app/contacts; errors come back readable (see fromPage).
 */
import type { CaseSummary, ChronologyEntry, LogContactInput, UnmatchedContact } from '../../shared/api';
import { getCaseSummary } from '../../app/cases/viewCases';
import * as contacts from '../../app/contacts/logContact';
import { exportChronology as exportChronologyUseCase, getChronology as getChronologyUseCase } from '../../app/contacts/chronology';
import { runDailyCheck } from '../../app/contacts/dailyCheck';
import { fromPage } from '../runEntry';

/** Logs the contact and returns the case as it now stands. */
export function logContact(input: LogContactInput): CaseSummary {
  return fromPage((ctx) => getCaseSummary(ctx, contacts.logContact(ctx, input).caseRef));
}

export function listUnmatchedContacts(): UnmatchedContact[] {
  return fromPage((ctx) => contacts.listUnmatchedContacts(ctx));
}

export function resolveUnmatchedContact(contactId: string, ref: string | null): UnmatchedContact[] {
  return fromPage((ctx) => contacts.resolveUnmatchedContact(ctx, contactId, ref));
}

export function getChronology(ref: string): ChronologyEntry[] {
  return fromPage((ctx) => getChronologyUseCase(ctx, ref));
}

export function exportChronology(ref: string): { url: string; name: string } {
  return fromPage((ctx) => exportChronologyUseCase(ctx, ref));
}

export function runDailyCheckNow(): string {
  return fromPage((ctx) => {
    ctx.authorise('checks.run');
    return runDailyCheck(ctx, 'person').summary;
  });
}
