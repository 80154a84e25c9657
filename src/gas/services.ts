/**
 * The composition root: builds every port from the real Apps Script services, once per
 * execution. Entry points call this, then hand the result to a use case.
 */
import type { Services } from '../ports';
import { CachingSheetTableStore } from './cachingTables';
import { ALL_TABLES } from '../domain/schema';
import { EmbeddedSheetCharts } from './sheetCharts';
import { PropertiesDocumentState } from './documentState';
import { DriveDocsDocuments } from './driveDocs';
import { AdvancedClassroomGateway } from './classroom';
import { FormAppContactForm } from './contactForm';
import { AppsScriptSelfTest } from './selfTest';
import {
  documentLock,
  mailAppMailer,
  ScriptAppTriggers,
  sessionIdentity,
  spreadsheetUi,
  systemClock,
  utilitiesDigest,
} from './platform';

export function createGasServices(): Services {
  const spreadsheet = SpreadsheetApp.getActive();
  const state = new PropertiesDocumentState(PropertiesService.getDocumentProperties());
  return {
    tables: new CachingSheetTableStore(spreadsheet, state, ALL_TABLES.filter((t) => t.cached)),
    state,
    clock: systemClock,
    identity: sessionIdentity,
    lock: documentLock,
    digest: utilitiesDigest,
    ui: spreadsheetUi,
    mailer: mailAppMailer,
    triggers: new ScriptAppTriggers(spreadsheet),
    spreadsheet: lazySpreadsheetInfo(spreadsheet),
    charts: new EmbeddedSheetCharts(spreadsheet, state),
    documents: new DriveDocsDocuments(),
    classroom: new AdvancedClassroomGateway(),
    contactForm: new FormAppContactForm(spreadsheet),
    selfTest: new AppsScriptSelfTest(spreadsheet),
  };
}

/** Each getter is a round trip, so only the ones a use case asks for are made, once. */
function lazySpreadsheetInfo(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Services['spreadsheet'] {
  let id: string | undefined;
  let name: string | undefined;
  let url: string | undefined;
  return {
    get id() { return (id ??= spreadsheet.getId()); },
    get name() { return (name ??= spreadsheet.getName()); },
    get url() { return (url ??= spreadsheet.getUrl()); },
  };
}
