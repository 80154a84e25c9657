/**
 * Every function Apps Script calls by name: simple triggers, menu items, installable triggers
 * and google.script.run. Each is a thin shim: build the ports, call a use case, report.
 */
import { setUpRegister as setUpRegisterUseCase } from '../app/setUpRegister';
import { refreshRegister } from '../app/cases/refresh';
import { buildAttendanceCheck as buildAttendanceCheckUseCase } from '../app/cases/attendanceCheck';
import { handleContactFormSubmit } from '../app/contacts/formResponses';
import { runDailyCheck as runDailyCheckUseCase } from '../app/contacts/dailyCheck';
import { guardTrigger } from '../app/trust/guardTrigger';
import { buildMenu } from './menu';
import { fromMenu, fromTrigger } from './runEntry';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function setUpRegister(): void {
  fromMenu((ctx) => setUpRegisterUseCase(ctx).summary);
}

export function showSidebar(): void {
  fromMenu((ctx) => {
    ctx.authorise('register.view');
    ctx.services.ui.showSidebar('Sidebar', 'Health Needs Register');
  });
}

/** Menu: "Check the register now". */
export function refreshRegisterNow(): void {
  fromMenu((ctx) => refreshRegister(ctx).summary);
}

/** Menu: "Import pupils from the MIS…" opens a small dialog that reads the CSV in the browser. */
export function showImportDialog(): void {
  fromMenu((ctx) => {
    ctx.authorise('pupils.import');
    ctx.services.ui.showDialog('ImportPupils', 'Import pupils from the MIS', 560, 520);
  });
}

/** Menu: "Attendance check for this week". */
export function buildAttendanceCheck(): void {
  fromMenu((ctx) => buildAttendanceCheckUseCase(ctx).summary);
}

/**
 * Installable Sheets form-submit trigger for the contact Form. The event is only a nudge: it may
 * be a repeat or blank, so no response is read from it; new rows of the responses sheet are copied.
 */
export function onContactFormSubmit(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  fromTrigger('onContactFormSubmit', (ctx) => {
    // Only the trigger's id is taken from the event: it tells guardTrigger whose trigger this is.
    if (!guardTrigger(ctx, 'onContactFormSubmit', e?.triggerUid)) return;
    const outcome = handleContactFormSubmit(ctx);
    if (!outcome.locked) console.warn('onContactFormSubmit: the register was busy; the response waits for the next run.');
  });
}

/** Installable daily time-driven trigger. */
export function runDailyCheck(_e?: GoogleAppsScript.Events.TimeDriven): void {
  fromTrigger('runDailyCheck', (ctx) => {
    if (!guardTrigger(ctx, 'runDailyCheck')) return;
    console.log(runDailyCheckUseCase(ctx, 'trigger').summary);
  });
}

/** Menu: "Run daily check now" (the sidebar calls pageApi runDailyCheckNow, which returns the report instead). */
export function runDailyCheckFromMenu(): void {
  fromMenu((ctx) => {
    ctx.authorise('checks.run');
    return runDailyCheckUseCase(ctx, 'person').summary;
  });
}
