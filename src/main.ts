/**
 * The bundle's entry: it only assigns entry points to `global`. gas-webpack-plugin turns each
 * assignment into a top-level function declaration, which is what Apps Script needs to find
 * menu items, triggers and google.script.run targets by name.
 */
import * as entry from './gas/entryPoints';
import * as trust from './gas/trustEntryPoints';
import * as casesApi from './gas/pageApi/cases';
import * as workApi from './gas/pageApi/work';
import * as lettersApi from './gas/pageApi/letters';
import * as contactsApi from './gas/pageApi/contacts';
import * as laApi from './gas/pageApi/la';
import * as laMenu from './gas/laMenu';

declare const global: Record<string, unknown>;

global.onOpen = entry.onOpen;
global.onInstall = entry.onInstall;
global.setUpRegister = entry.setUpRegister;
global.showSidebar = entry.showSidebar;
global.refreshRegisterNow = entry.refreshRegisterNow;
global.showImportDialog = entry.showImportDialog;
global.buildAttendanceCheck = entry.buildAttendanceCheck;
global.getSidebarState = casesApi.getSidebarState;
global.getFormChoices = casesApi.getFormChoices;
global.searchPupils = casesApi.searchPupils;
global.getCaseSummary = casesApi.getCaseSummary;
global.getCaseSections = casesApi.getCaseSections;
global.openCase = casesApi.openCase;
global.changeCase = casesApi.changeCase;
global.recordReturn = casesApi.recordReturn;
global.recordNewAbsence = casesApi.recordNewAbsence;
global.closeCase = casesApi.closeCase;
global.importPupilsCsv = casesApi.importPupilsCsv;
global.logWork = workApi.logWork;
global.logWeekOfWork = workApi.logWeekOfWork;
global.recordWorkOutcome = workApi.recordWorkOutcome;
global.listClassroomCourses = workApi.listClassroomCourses;
global.setClassroomWork = workApi.setClassroomWork;
global.refreshClassroomStates = workApi.refreshClassroomStates;
global.previewLetter = lettersApi.previewLetter;
global.generateLetters = lettersApi.generateLetters;
global.runLetterBatch = lettersApi.runLetterBatch;
global.retryFailedLetters = lettersApi.retryFailedLetters;
global.onContactFormSubmit = entry.onContactFormSubmit;
global.runDailyCheck = entry.runDailyCheck;
global.runDailyCheckFromMenu = entry.runDailyCheckFromMenu;
global.logContact = contactsApi.logContact;
global.listUnmatchedContacts = contactsApi.listUnmatchedContacts;
global.resolveUnmatchedContact = contactsApi.resolveUnmatchedContact;
global.getChronology = contactsApi.getChronology;
global.exportChronology = contactsApi.exportChronology;
global.runDailyCheckNow = contactsApi.runDailyCheckNow;
global.verifyAuditLog = trust.verifyAuditLog;
global.checkTriggers = trust.checkTriggers;
global.runSelfTest = trust.runSelfTest;
global.reviewRetention = trust.reviewRetention;
global.generateReferralPack = laApi.generateReferralPack;
global.recordReferralSent = laApi.recordReferralSent;
global.logInformationShared = laApi.logInformationShared;
global.getLawfulBasisOptions = laApi.getLawfulBasisOptions;
global.recordProvision = laApi.recordProvision;
global.recordHoursDelivered = laApi.recordHoursDelivered;
global.generateLaProvisionLetters = laApi.generateLaProvisionLetters;
global.logKeepInTouch = laApi.logKeepInTouch;
global.recordPartTimeTimetable = laApi.recordPartTimeTimetable;
global.createReintegrationPlan = laApi.createReintegrationPlan;
global.recordPlanReview = laApi.recordPlanReview;
global.recordAdjustment = laApi.recordAdjustment;
global.reviewAdjustment = laApi.reviewAdjustment;
global.recordPolicyReview = laApi.recordPolicyReview;
global.generateGovernorsReport = laApi.generateGovernorsReport;
global.refreshDashboard = laApi.refreshDashboard;
global.getLaReminders = laApi.getLaReminders;
global.makeGovernorsReportFromMenu = laMenu.makeGovernorsReportFromMenu;
global.refreshDashboardFromMenu = laMenu.refreshDashboardFromMenu;
global.showPolicyReviewFromMenu = laMenu.showPolicyReviewFromMenu;
