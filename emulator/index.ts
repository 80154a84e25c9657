/** Public entry point of the emulator. */
export { createWorkspace, extraServiceFactories, Workspace, type WorkspaceOptions, type ServiceFactory, type OutboxMessage } from './workspace';
export { Meter, standardLatencyModel, zeroLatencyModel, type Fault, type LatencyModel } from './meter';
export { EmulatorContext, MIME, type DriveFileRecord, type EmulatorUser } from './context';
export { createSpreadsheet, findSpreadsheet, spreadsheetById, spreadsheetUrl, FakeSpreadsheet } from './spreadsheet/spreadsheet';
export { FakeSheet } from './spreadsheet/sheet';
export { FakeRange } from './spreadsheet/range';
export { copySpreadsheet, saveSpreadsheet, loadSpreadsheet } from './spreadsheet/state';
export { fireFormSubmitTriggers, fireFormBoundSubmitTriggers, triggerRegistryFor, type TriggerRecord } from './script';
export { FakeBlob, formatDate, parseCsv, toSignedBytes } from './utilities';
export { FakeHtmlOutput } from './html';
export { makeUser, type FakeUser } from './session';
export { runtimeFor } from './runtime';
export { LOCK_TIMEOUT_MESSAGE } from './lock';
export { loadBundle, readHtmlFiles, DEFAULT_DIST, type LoadedBundle } from './bundle';
export { PROTECTED_EDIT_MESSAGE } from './spreadsheet/protection';
export { encode, decode, type StateSerialiser, type FileContentCodec } from './persistence';
export { chartsOnSheet, FakeEmbeddedChart, FAKE_CHARTS } from './charts';
