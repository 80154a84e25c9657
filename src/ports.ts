/**
 * The only way use cases (src/app) reach Google. Each interface is implemented once in src/gas
 * against the real Apps Script services (and so, in tests, against the Workspace emulator).
 * Every method is one batched round trip or a small fixed number of them: callers can reason
 * about cost from the interface alone.
 */
import type { TableSpec } from './domain/schema/types';
import type { ContactFormSpec } from './domain/contactForm';

/** What a cell holds, as the app sees it: '' for empty; dates as 'YYYY-MM-DD' (date columns) or Date (dateTime columns). */
export type CellValue = string | number | boolean | Date;
export type RowValues = Record<string, CellValue>;

export interface StoredRow {
  /** 1-based sheet row, header is row 1. */
  readonly rowNumber: number;
  readonly values: RowValues;
}

/**
 * Cells exactly as the sheet holds them (no conversion; see src/domain/cells fromCell), for a
 * reader that must go through every row cheaply. `rows[i]` is sheet row `firstRow + i`; blank
 * rows are included.
 */
export interface RawRows {
  readonly firstRow: number;
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue | null | undefined>>;
}

export interface RowChange {
  readonly rowNumber: number;
  readonly values: Partial<RowValues>;
}

/** What setting up a table did, for the set-up report. */
export interface EnsureTableReport {
  readonly table: string;
  readonly sheetName: string;
  readonly created: boolean;
  /** Headers added back because they were missing. */
  readonly addedColumns: readonly string[];
  /** Columns staff added that the add-on does not know: kept, reported. */
  readonly extraColumns: readonly string[];
}

/**
 * The register's sheets, addressed by table and by column header (never by position), so staff
 * can reorder, rename or add columns and rename sheets without breaking anything.
 */
export interface TableStore {
  /** Creates the table's sheet or repairs it without losing data (adds missing headers, validation, protection). */
  ensure(spec: TableSpec, options: EnsureTableOptions): EnsureTableReport;
  /** Re-applies only the add-on's protections, with these editors (when the Staff sheet changes). */
  protect(spec: TableSpec, editors: readonly string[]): void;
  /** Every data row, in one read. Wholly blank rows are skipped. */
  readAll(spec: TableSpec): StoredRow[];
  /**
   * As readAll for a small table read by nearly every execution (TableSpec.cached: Settings and
   * the Calendar), but possibly from a document cache a few minutes old: a change made
   * through the add-on is seen at once, one typed by hand within minutes. For reading only:
   * never change these rows by row number. Absent when there is no cache (then use readAll).
   */
  readAllRecent?(spec: TableSpec): StoredRow[];
  /** The given columns of every row, in that order, unconverted (RawRows), in one read as readAll's. */
  readRaw(spec: TableSpec, columnKeys: readonly string[]): RawRows;
  /**
   * One column (with row numbers), in one read: finding a row without reading the table. With
   * `upToRow`, rows 2 to that row only, without asking the sheet its last row (one round trip
   * fewer): rows past the sheet's last are blank, and rows after `upToRow` are not seen.
   */
  readColumn(spec: TableSpec, columnKey: string, options?: { readonly upToRow?: number }): Array<{ rowNumber: number; value: CellValue }>;
  /** A few columns of every row (with row numbers), in one read of the block spanning them. */
  readColumns(spec: TableSpec, columnKeys: readonly string[]): StoredRow[];
  /** The given rows, in one read spanning them. */
  readRows(spec: TableSpec, rowNumbers: readonly number[]): StoredRow[];
  /** The last `count` data rows, in one read. */
  readTail(spec: TableSpec, count: number): StoredRow[];
  /** Up to `maxCount` rows after row `afterRow`, oldest first, in one read (a cursor's next batch). */
  readAfter(spec: TableSpec, afterRow: number, maxCount: number): StoredRow[];
  /**
   * Appends rows in one write and returns their row numbers. Strings are neutralised against
   * formula injection. With `{ rowNumbers: false }` it returns [] and, for one row, saves the
   * round trip that asks where the row landed (the logs, which never need it).
   */
  append(spec: TableSpec, rows: readonly RowValues[], options?: { readonly rowNumbers?: boolean }): number[];
  /** Changes cells of existing rows in one read and one write of the rows' bounding box. */
  update(spec: TableSpec, changes: readonly RowChange[]): void;
  /** Replaces every data row (for derived sheets such as compliance), in one write. */
  replaceAll(spec: TableSpec, rows: readonly RowValues[]): void;
  /** Deletes rows (retention); highest first so row numbers stay valid. */
  deleteRows(spec: TableSpec, rowNumbers: readonly number[]): void;
  /** The sheet's URL with its gid, so a message can link straight to it. */
  sheetUrl(spec: TableSpec): string;
  /** Deletes a sheet that is not a table and holds nothing (the new spreadsheet's "Sheet1"); true if it did. */
  removeEmptySheet(name: string): boolean;
}

export interface EnsureTableOptions {
  /** Emails allowed to edit computed columns and append-only sheets (the coordinators). */
  readonly editors: readonly string[];
  /** The table whose columns hold the dropdown lists (a column per list, headed by its name). */
  readonly lists: TableSpec;
  /** Rows to write when the table is created empty (default lists, settings, calendar). */
  readonly seedRows?: readonly RowValues[];
}

/** Small internal state of the add-on (sheet ids, form id, cursors, last seal): document properties. */
export interface DocumentState {
  /** All keys in one read; cached for the execution. */
  getAll(): Readonly<Record<string, string>>;
  get(key: string): string | null;
  set(values: Readonly<Record<string, string>>): void;
  remove(key: string): void;
}

export interface Clock {
  now(): Date;
}

export interface Identity {
  /** The person at the keyboard; '' when Apps Script cannot tell (then nothing is done on their behalf). */
  activeUserEmail(): string;
  /** The account the script runs as (a trigger's owner). */
  effectiveUserEmail(): string;
}

export type LockResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

export interface DocumentLock {
  /**
   * Runs fn holding the document lock, or returns ok:false when it could not be had in time.
   * Pending sheet writes are applied before the lock can pass on. With `{ lastInExecution: true }`
   * (a trigger whose locked work is the last thing it does) the lock is left for Apps Script to
   * release as the execution ends, a moment later, saving the release round trip.
   */
  withLock<T>(timeoutMs: number, fn: () => T, options?: { readonly lastInExecution?: boolean }): LockResult<T>;
}

export interface Digest {
  sha256Hex(text: string): string;
}

export interface Ui {
  alert(title: string, message: string): void;
  confirm(title: string, message: string): boolean;
  toast(message: string, title?: string): void;
  showSidebar(page: string, title: string): void;
  showDialog(page: string, title: string, width: number, height: number): void;
}

export interface MailAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: readonly number[];
}

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly replyTo?: string;
  readonly attachments?: readonly MailAttachment[];
}

export interface Mailer {
  remainingDailyQuota(): number;
  send(mail: OutgoingMail): void;
}

export interface TriggerInfo {
  readonly id: string;
  readonly handler: string;
  readonly kind: 'formSubmit' | 'timeDriven' | 'other';
}

export interface Triggers {
  /** This user's triggers on this spreadsheet. */
  list(): TriggerInfo[];
  /**
   * This user's triggers in the whole project. Time-driven triggers belong to no spreadsheet in
   * some listings, so a time-driven trigger is looked for here by the id the document recorded.
   */
  projectTriggers(): TriggerInfo[];
  createFormSubmit(handler: string): TriggerInfo;
  createDaily(handler: string, hour: number): TriggerInfo;
  remove(id: string): void;
  /** True when the user must re-authorise the add-on before triggers can do their work. */
  needsReauthorisation(): boolean;
  /** Where the user re-authorises. */
  authorisationUrl(): string;
}

export interface SpreadsheetInfo {
  readonly id: string;
  readonly name: string;
  readonly url: string;
}

/** A Drive file or folder the add-on made (under drive.file it sees only those). */
export interface DriveItem {
  readonly id: string;
  readonly name: string;
  readonly url: string;
}

/**
 * Google Docs letters through the Drive v3 and Docs v1 advanced services (drive.file scope).
 * Each method is one API call unless it says otherwise.
 */
export interface Documents {
  /** A folder no one else can open until shared; writers cannot re-share it. */
  createFolder(name: string, parentId?: string): DriveItem;
  /** Removes 'anyone' and whole-domain sharing from a folder (two calls: list, then a remove for each); returns what was removed, described. */
  restrictFolder(folderId: string): string[];
  /** The folders directly inside a folder (one call per 1,000). */
  listFolders(parentId: string): DriveItem[];
  /** The file, or null when it was deleted or put in the bin. */
  find(fileId: string): DriveItem | null;
  /** A Google Doc holding the given plain text (one upload, converted). */
  createDocument(name: string, text: string, parentId: string): DriveItem;
  copyFile(sourceId: string, name: string, parentId: string): DriveItem;
  /** The file (not a folder) with exactly this name directly inside the folder, not in the bin, or null (one call). */
  findFileInFolder(parentId: string, name: string): DriveItem | null;
  /** The document's text, paragraphs separated by newlines. Throws when it cannot be read (e.g. deleted): check with find(). */
  readText(documentId: string): string;
  /** Every replacement in ONE Docs batchUpdate; returns how many occurrences changed. */
  replaceAll(documentId: string, replacements: ReadonlyArray<{ find: string; replace: string }>): number;
  /** Exports the document as PDF (one export) and saves it in the folder (one upload). */
  exportPdf(documentId: string, name: string, parentId: string): { file: DriveItem; bytes: number[] };
  /** Moves a file or folder the add-on made to the bin (one call); false when it was already gone. */
  trash(fileId: string): boolean;
}

export interface ClassroomCourse {
  readonly id: string;
  readonly name: string;
  readonly section: string;
  readonly link: string;
}

/** Why Classroom could not do something, for the use case to put in plain words. */
export type ClassroomProblem = 'notInstalled' | 'notEnabled' | 'notTeacher' | 'notFound' | 'failed';

export type ClassroomResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ClassroomProblem; readonly detail: string };

export interface NewCourseWork {
  readonly courseId: string;
  readonly studentId: string;
  readonly title: string;
  readonly description: string;
  /** 'YYYY-MM-DD' (London); the work is due at 23:59 that day. '' for no due date. */
  readonly dueDate: string;
  readonly links: readonly string[];
}

export interface SubmissionState {
  readonly courseWorkId: string;
  /** NEW, CREATED, TURNED_IN, RETURNED or RECLAIMED_BY_STUDENT. */
  readonly state: string;
  readonly late: boolean;
  /** ISO instant of the last change. */
  readonly updatedAt: string;
}

/** Google Classroom as the signed-in teacher ("me") sees it. */
export interface ClassroomGateway {
  /** Whether the Classroom advanced service is present at all (no call made). */
  available(): ClassroomResult<true>;
  /** Active courses the user teaches (one call per 1,000 courses). */
  listCourses(): ClassroomResult<ClassroomCourse[]>;
  /** Ids of the user's courses the pupil is a student of (one call per 1,000). */
  coursesOfStudent(studentEmail: string): ClassroomResult<string[]>;
  /** The pupil's Classroom user id in that course, or null when they are not in it (one call per page of the roster). */
  findStudent(courseId: string, studentEmail: string): ClassroomResult<string | null>;
  /** Published coursework assigned to that one pupil. */
  createIndividualCourseWork(work: NewCourseWork): ClassroomResult<{ id: string; link: string }>;
  /**
   * The newest published coursework with this title assigned to that one pupil, or null (one call
   * per page of the course's work): finds what an attempt that stopped part-way created.
   */
  findIndividualCourseWork(courseId: string, studentId: string, title: string): ClassroomResult<{ id: string; link: string } | null>;
  /** The pupil's submissions across all the course's work (one call per page). */
  submissionStates(courseId: string, studentId: string): ClassroomResult<SubmissionState[]>;
}

/** The contact Form as set-up left it: what the register keeps in document properties. */
export interface ContactFormState {
  readonly formId: string;
  readonly pupilItemId: number;
  /** The sheet of the register Forms writes responses to. */
  readonly responsesSheetId: number;
  readonly editUrl: string;
  readonly publishedUrl: string;
  /** A pre-filled link with PUPIL_PLACEHOLDER where the pupil's choice goes (see domain/contactForm). */
  readonly linkTemplate: string;
  /** The Form was made now (none existed, or the one recorded was deleted). */
  readonly created: boolean;
  /** Responses were (re)directed to a new sheet of the register now. */
  readonly relinked: boolean;
  /** What set-up could not do, in plain English (e.g. sign-in cannot be required on this account). */
  readonly notes: readonly string[];
}

/** The contact Google Form, through FormApp. */
export interface ContactFormGateway {
  /**
   * Opens the Form by id (or makes it when there is none or it was deleted), puts its questions
   * and settings right, sets the pupil choices, sends its responses to this spreadsheet and
   * protects and hides the responses sheet (editable by `editors` only). Set-up only: many calls.
   */
  ensure(formId: string | null, spec: ContactFormSpec, pupilChoices: readonly string[], editors: readonly string[]): ContactFormState;
  /** Replaces the pupil dropdown's choices: a fixed four FormApp calls whatever the number of cases. */
  setPupilChoices(formId: string, pupilItemId: number, choices: readonly string[]): void;
}

/**
 * Scratch resources for "Run self-test", which proves each adapter against the real services on
 * data it makes and then removes (files it makes are removed with Documents.trash).
 */
export interface SelfTestGateway {
  /** A new hidden sheet in this spreadsheet (one insert, one hide); returns its sheet id. */
  createScratchSheet(name: string): number;
  /** Writes the rows exactly as given in one write, then reads values and formulas back (one read each). */
  writeAndReadBack(sheetId: number, rows: readonly (readonly string[])[]): { values: string[][]; formulas: string[][] };
  deleteScratchSheet(sheetId: number): void;
  /** A new Google Form with one short-answer question; returns its id and its questions as read back by reopening it. */
  createScratchForm(title: string, question: string): { id: string; questions: string[] };
}

export interface BarChartBlock {
  readonly title: string;
  /** The block's first data row (1-based sheet row) and how many rows it has. */
  readonly firstRow: number;
  readonly rowCount: number;
}

/** Embedded Sheets charts over a table's own rows (the coordinator's Dashboard). */
export interface SheetCharts {
  /**
   * Replaces the charts on the table's sheet with one bar chart per block, each over the block's
   * label and value columns, placed to the right of the table. Returns how many were drawn.
   */
  drawBarCharts(spec: TableSpec, labelColumn: string, valueColumn: string, blocks: readonly BarChartBlock[]): number;
}

/** Every port, as one bag handed to use cases. */
export interface Services {
  readonly tables: TableStore;
  readonly state: DocumentState;
  readonly clock: Clock;
  readonly identity: Identity;
  readonly lock: DocumentLock;
  readonly digest: Digest;
  readonly ui: Ui;
  readonly mailer: Mailer;
  readonly triggers: Triggers;
  readonly spreadsheet: SpreadsheetInfo;
  readonly documents: Documents;
  readonly classroom: ClassroomGateway;
  readonly contactForm: ContactFormGateway;
  readonly selfTest: SelfTestGateway;
  readonly charts: SheetCharts;
  // Other areas' ports register here.
}
