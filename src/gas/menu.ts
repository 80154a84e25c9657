/**
 * The add-on's menu. Each item names a top-level function of the built bundle (see main.ts);
 * the bundle test checks that every one exists.
 */
export interface MenuItem {
  readonly caption: string;
  readonly functionName: string;
}

export const MENU_ITEMS: ReadonlyArray<MenuItem | 'separator'> = [
  { caption: 'Open sidebar', functionName: 'showSidebar' },
  { caption: 'Check the register now', functionName: 'refreshRegisterNow' },
  { caption: 'Import pupils from the MIS\u2026', functionName: 'showImportDialog' },
  { caption: 'Attendance check for this week', functionName: 'buildAttendanceCheck' },
  { caption: 'Run daily check now', functionName: 'runDailyCheckFromMenu' },
  { caption: 'Make the governors\u2019 report', functionName: 'makeGovernorsReportFromMenu' },
  { caption: 'Refresh dashboard', functionName: 'refreshDashboardFromMenu' },
  { caption: 'Policy review', functionName: 'showPolicyReviewFromMenu' },
  // Other areas' menu items register here.
  'separator',
  { caption: 'Verify audit log', functionName: 'verifyAuditLog' },
  { caption: 'Check triggers', functionName: 'checkTriggers' },
  { caption: 'Review records past retention\u2026', functionName: 'reviewRetention' },
  { caption: 'Run self-test', functionName: 'runSelfTest' },
  'separator',
  { caption: 'Set up / repair register', functionName: 'setUpRegister' },
];

/**
 * Works in every auth mode, including AuthMode.NONE (an add-on's onOpen before the user has
 * used it in this document), because it only builds the menu and reads nothing.
 */
export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}
