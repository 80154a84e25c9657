/**
 * Every function Apps Script calls by name: simple triggers, menu items, installable triggers
 * and google.script.run. Each is a thin shim: build the ports, call a use case, report.
 */
import { setUpRegister as setUpRegisterUseCase } from '../app/setUpRegister';
import { buildMenu } from './menu';
import { fromMenu } from './runEntry';

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
