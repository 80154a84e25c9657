/**
 * Assembles the emulated Google Workspace: one shared EmulatorContext, the container spreadsheet
 * the add-on is bound to, and every global service under its Apps Script name. Tests and the
 * local workbench start here (createWorkspace), then install() the globals and call the product.
 */
import vm from 'node:vm';
import { EmulatorContext, MIME, type DriveFileRecord, type EmulatorUser } from './context';
import { Meter, type LatencyModel } from './meter';
import { FakeCacheService, cachesFor } from './cache';
import { FakeHtmlService } from './html';
import { FakeLockService, lockRegistryFor, type LockRegistry } from './lock';
import { FakeLogger, createConsole } from './logger';
import { decode, encode, type FileContentCodec, type Json, type StateSerialiser } from './persistence';
import { FakePropertiesService, propertyStoresFor } from './properties';
import { runtimeFor, type Runtime } from './runtime';
import { FakeScriptApp, triggerRegistryFor, type TriggerRecord, type TriggerRegistry } from './script';
import { FakeSession } from './session';
import { FakeSpreadsheetApp } from './spreadsheet/spreadsheetApp';
import { createSpreadsheet, FakeSpreadsheet } from './spreadsheet/spreadsheet';
import { loadSpreadsheet, saveSpreadsheet } from './spreadsheet/state';
import { uiStateFor, type UiState } from './spreadsheet/ui';
import { FakeUtilities } from './utilities';
import { installGoogleServices } from './google-services';

export interface WorkspaceOptions {
  /** Modelled latency per call (default: zero). Use standardLatencyModel for the benchmark. */
  latency?: LatencyModel;
  /** The signed-in user (default coordinator@school.example). */
  activeUser?: string;
  /** The project's HTML files by name ("Sidebar" or "Sidebar.html"). */
  htmlFiles?: Record<string, string>;
  /** Name of the container spreadsheet (default "Health Needs Register"). */
  spreadsheetName?: string;
  /** The clock; Utilities.sleep adds to it. Default: the real time. */
  now?: () => Date;
}

/** A service some other fake adds to the workspace (FormApp, Drive, Docs, Classroom, MailApp). */
export type ServiceFactory = (workspace: Workspace) => void;

/**
 * Factories run by every createWorkspace, after the built-in services exist. Other fakes may
 * push theirs here from their own module, or be called from the marked block in createWorkspace.
 */
export const extraServiceFactories: ServiceFactory[] = [];

export interface OutboxMessage { [field: string]: unknown }

const FORMAT_VERSION = 1;

export class Workspace {
  readonly ctx: EmulatorContext;
  readonly meter: Meter;
  /** Every global service by its Apps Script name. */
  readonly globals: Record<string, unknown> = {};
  /** The spreadsheet the add-on is bound to (SpreadsheetApp.getActive()). */
  spreadsheet: FakeSpreadsheet;
  /** Mail sent by MailApp (filled by the MailApp fake). */
  readonly outbox: OutboxMessage[] = [];
  private readonly serialisers = new Map<string, StateSerialiser>();
  private readonly fileCodecs = new Map<string, FileContentCodec>();
  private baseNow: () => Date;

  constructor(options: WorkspaceOptions = {}) {
    this.meter = new Meter(options.latency);
    this.ctx = new EmulatorContext(this.meter);
    const user = options.activeUser ?? this.ctx.activeUser.email;
    this.ctx.activeUser = { email: user, visibleEmail: true };
    this.ctx.effectiveUser = { email: user, visibleEmail: true };
    this.baseNow = options.now ?? (() => new Date());
    this.ctx.now = () => new Date(this.baseNow().getTime() + this.runtime.clockOffsetMs);
    this.runtime.htmlFiles = { ...(options.htmlFiles ?? {}) };
    this.spreadsheet = createSpreadsheet(this.ctx, options.spreadsheetName ?? 'Health Needs Register');
    this.runtime.activeSpreadsheetId = this.spreadsheet.file.id;

    this.registerGlobal('SpreadsheetApp', new FakeSpreadsheetApp(this.ctx));
    this.registerGlobal('PropertiesService', new FakePropertiesService(this.ctx));
    this.registerGlobal('CacheService', new FakeCacheService(this.ctx));
    this.registerGlobal('LockService', new FakeLockService(this.ctx));
    this.registerGlobal('ScriptApp', new FakeScriptApp(this.ctx));
    this.registerGlobal('Session', new FakeSession(this.ctx));
    this.registerGlobal('Utilities', new FakeUtilities(this.ctx));
    this.registerGlobal('HtmlService', new FakeHtmlService(this.ctx));
    this.registerGlobal('Logger', new FakeLogger(this.ctx));
    this.registerGlobal('console', createConsole(this.ctx));

    this.registerFileCodec(MIME.spreadsheet, {
      save: (content) => saveSpreadsheet(content as FakeSpreadsheet),
      load: (data, fileId) => {
        const file = this.ctx.file(fileId);
        if (!file) throw new Error(`No file ${fileId} to load a spreadsheet into.`);
        return loadSpreadsheet(this.ctx, file, data);
      },
    });
    this.registerState('outbox', {
      save: () => this.outbox,
      load: (data) => { this.outbox.splice(0, this.outbox.length, ...((data as OutboxMessage[]) ?? [])); },
    });
  }

  get runtime(): Runtime { return runtimeFor(this.ctx); }
  /** Lock contention controls: holdDocumentLock(), holdScriptLock(), holdUserLock(), releaseHeld(). */
  get locks(): LockRegistry { return lockRegistryFor(this.ctx); }
  /** Installable triggers: records, fireTimeDriven(fn?), fireMatching(filter, event). */
  get triggers(): TriggerRegistry { return triggerRegistryFor(this.ctx); }
  /** Menus built, the last sidebar, dialogs, alerts, toasts; answer()/answerPrompt() script the user. */
  get ui(): UiState { return uiStateFor(this.ctx); }
  /** Set requireReauthorisation = true to make getAuthorizationInfo report REQUIRED. */
  get auth(): { requireReauthorisation: boolean } { return this.runtime.auth; }
  /** Lines from Logger.log and console.*. */
  get logs(): string[] { return this.runtime.logs; }

  /** Adds (or replaces) a global service. */
  registerGlobal(name: string, value: unknown): void {
    this.globals[name] = value;
  }

  /** Adds a part of the state to toJSON/fromJSON under `key`. */
  registerState(key: string, serialiser: StateSerialiser): void {
    this.serialisers.set(key, serialiser);
  }

  /** Teaches toJSON/fromJSON how to store the `content` of Drive files of a MIME type. */
  registerFileCodec(mimeType: string, codec: FileContentCodec): void {
    this.fileCodecs.set(mimeType, codec);
  }

  /**
   * Copies the globals onto `target` (default globalThis) and makes the script's functions (for
   * triggers, menus, google.script.run and template include()) resolve on it.
   */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
    Object.assign(target, this.globals);
    if (vm.isContext(target)) this.runtime.scriptDate = vm.runInContext('Date', target) as DateConstructor;
    this.ctx.resolveFunction = (name) => {
      const fn = target[name];
      return typeof fn === 'function' ? (fn as (...args: unknown[]) => unknown) : undefined;
    };
  }

  /** Switches who is using the add-on (and, as in the editor, who the script runs as). */
  setActiveUser(email: string, options: { visibleEmail?: boolean } = {}): void {
    const user: EmulatorUser = { email, visibleEmail: options.visibleEmail ?? true };
    this.ctx.activeUser = user;
    this.ctx.effectiveUser = { ...user };
  }

  /** Moves the clock: a fixed date, or a function. Sleeps already taken stay added. */
  setNow(now: Date | (() => Date)): void {
    this.baseNow = typeof now === 'function' ? now : () => new Date(now.getTime());
  }

  /** Advances the clock by `ms` (as time passing between executions). */
  advanceClock(ms: number): void {
    this.runtime.clockOffsetMs += ms;
  }

  /** Runs fn as one Apps Script execution: locks it leaves held are released at the end. */
  run<T>(fn: () => T): T {
    return this.runtime.run(fn);
  }

  /** Ends the current (implicit) execution, releasing its locks — for tests that call the product directly. */
  endExecution(): void {
    this.runtime.endExecution();
  }

  /**
   * Calls a top-level script function as google.script.run does: as one execution, with
   * arguments and result passed through the same serialisation (a result containing a Date,
   * function or other non-plain value arrives as null, as in the real client).
   */
  runFunction(name: string, ...args: unknown[]): unknown {
    const fn = this.ctx.resolveFunction(name);
    if (!fn) throw new Error(`Script function not found: ${name}`);
    const passed = args.map(cloneForClient);
    return this.run(() => {
      const result = fn(...passed);
      return isClientSafe(result) ? cloneForClient(result) : null;
    });
  }

  /** Calls a script function as a menu item or installable handler would, without serialisation. */
  callFunction(name: string, ...args: unknown[]): unknown {
    const fn = this.ctx.resolveFunction(name);
    if (!fn) throw new Error(`Script function not found: ${name}`);
    return this.run(() => fn(...args));
  }

  // ---------------------------------------------------------------- persistence

  /** The whole state as plain JSON (Dates tagged), for the workbench to persist between runs. */
  toJSON(): Json {
    const files = [...this.ctx.files.values()].map((f) => {
      const codec = this.fileCodecs.get(f.mimeType);
      return { ...f, content: codec ? codec.save(f.content) : f.content } as DriveFileRecord;
    });
    const extras: Record<string, unknown> = {};
    for (const [key, s] of this.serialisers) extras[key] = s.save();
    return encode({
      version: FORMAT_VERSION,
      ids: this.ctx.ids.counter,
      activeUser: this.ctx.activeUser,
      effectiveUser: this.ctx.effectiveUser,
      activeSpreadsheetId: this.runtime.activeSpreadsheetId,
      clockOffsetMs: this.runtime.clockOffsetMs,
      files,
      properties: propertyStoresFor(this.ctx).toJSON(),
      triggers: this.triggers.records,
      auth: this.runtime.auth,
      extras,
    });
  }

  /** Replaces this workspace's state with one saved by toJSON (caches, locks and UI start empty). */
  fromJSON(json: unknown): void {
    const data = decode(json) as {
      version: number; ids: number; activeUser: EmulatorUser; effectiveUser: EmulatorUser; activeSpreadsheetId: string;
      clockOffsetMs: number; files: DriveFileRecord[]; properties: Record<string, Record<string, string>>;
      triggers: TriggerRecord[]; auth: { requireReauthorisation: boolean }; extras: Record<string, unknown>;
    };
    if (data.version !== FORMAT_VERSION) throw new Error(`Saved workspace has format ${data.version}; expected ${FORMAT_VERSION}.`);
    this.ctx.ids.counter = data.ids;
    this.ctx.activeUser = data.activeUser;
    this.ctx.effectiveUser = data.effectiveUser;
    this.runtime.clockOffsetMs = data.clockOffsetMs;
    this.runtime.auth.requireReauthorisation = data.auth.requireReauthorisation;
    this.ctx.files.clear();
    // Records first, so content loaders can find any file by id.
    const pending: Array<[DriveFileRecord, unknown]> = [];
    for (const f of data.files) {
      const record = { ...f, content: null } as DriveFileRecord;
      this.ctx.files.set(record.id, record);
      pending.push([record, f.content]);
    }
    for (const [record, content] of pending) {
      const codec = this.fileCodecs.get(record.mimeType);
      record.content = codec ? codec.load(content, record.id) : content;
    }
    propertyStoresFor(this.ctx).load(data.properties);
    this.triggers.records = data.triggers;
    this.runtime.activeSpreadsheetId = data.activeSpreadsheetId;
    const active = this.ctx.file(data.activeSpreadsheetId)?.content;
    if (!(active instanceof FakeSpreadsheet)) throw new Error('Saved workspace has no container spreadsheet.');
    this.spreadsheet = active;
    for (const [key, s] of this.serialisers) if (key in data.extras) s.load(data.extras[key]);
    cachesFor(this.ctx).clear();
    this.locks.releaseHeld();
    this.ui.reset();
  }
}

function isClientSafe(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'function' || Object.prototype.toString.call(value) === '[object Date]') return false;
  if (Array.isArray(value)) return value.every(isClientSafe);
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    // A plain object made by a script loaded in node:vm has that context's Object.prototype.
    if (proto !== Object.prototype && proto !== null && !isPlainObjectPrototype(proto)) return false;
    return Object.values(value as Record<string, unknown>).every(isClientSafe);
  }
  return true;
}

/** Object.prototype of any realm: its own prototype is null and its constructor is named Object. */
function isPlainObjectPrototype(proto: object): boolean {
  return Object.getPrototypeOf(proto) === null && (proto as { constructor?: { name?: string } }).constructor?.name === 'Object';
}

function cloneForClient<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function createWorkspace(options: WorkspaceOptions = {}): Workspace {
  const workspace = new Workspace(options);

  // ---- Other services register here (FormApp, Drive, Docs, Classroom, MailApp) ----
  installGoogleServices(workspace, options);
  // ---- end of other services ----

  for (const factory of extraServiceFactories) factory(workspace);
  return workspace;
}
