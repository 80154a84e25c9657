/**
 * ScriptApp and the installable-trigger registry. Triggers belong to the user who created them
 * and run as that user. Apps Script allows 20 triggers per user per script; the add-on rule of one
 * trigger per type per document is not enforced for container-bound scripts, so it is not here.
 */
import type { EmulatorContext, EmulatorUser } from './context';
import { makeEnum } from './enums';
import { runtimeFor } from './runtime';
import { zonedParts } from './timezone';

export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const AuthorizationStatus = makeEnum(['REQUIRED', 'NOT_REQUIRED'] as const);
export const EventType = makeEnum(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
export type EventTypeName = keyof typeof EventType;
export const TriggerSource = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
export type TriggerSourceName = keyof typeof TriggerSource;
export const InstallationSource = makeEnum(['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'] as const);
export const WeekDay = makeEnum(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const);

export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS_MESSAGE = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/** When a clock trigger runs (kept for inspection; firing is explicit, see fireTimeDriven). */
export interface ClockSpec {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  timeZone?: string;
  /** One-off triggers: after(ms) or at(date), as an ISO instant. */
  at?: string;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  /** Spreadsheet/form/document id; '' for clock triggers. */
  sourceId: string;
  ownerEmail: string;
  clock?: ClockSpec;
}

export class FakeTrigger {
  constructor(private readonly ctx: EmulatorContext, readonly record: TriggerRecord) {}
  private rec(method: string): void { this.ctx.meter.record('ScriptApp', `Trigger.${method}`); }
  getUniqueId(): string { this.rec('getUniqueId'); return this.record.uid; }
  getHandlerFunction(): string { this.rec('getHandlerFunction'); return this.record.handler; }
  getEventType(): EventTypeName { this.rec('getEventType'); return this.record.eventType; }
  getTriggerSource(): TriggerSourceName { this.rec('getTriggerSource'); return this.record.source; }
  getTriggerSourceId(): string | null { this.rec('getTriggerSourceId'); return this.record.sourceId || null; }
}

/** The registry of installable triggers; exposed as workspace.triggers. */
export class TriggerRegistry {
  records: TriggerRecord[] = [];

  constructor(private readonly ctx: EmulatorContext) {}

  add(record: Omit<TriggerRecord, 'uid' | 'ownerEmail'>): TriggerRecord {
    const owner = this.ctx.effectiveUser.email;
    if (this.records.filter((t) => t.ownerEmail === owner).length >= MAX_TRIGGERS_PER_USER) {
      throw new Error(TOO_MANY_TRIGGERS_MESSAGE);
    }
    // Real trigger ids are long decimal strings.
    this.ctx.ids.counter += 1;
    const uid = String(1000000000 + this.ctx.ids.counter);
    const full: TriggerRecord = { ...record, uid, ownerEmail: owner };
    this.records.push(full);
    return full;
  }

  remove(uid: string): void {
    this.records = this.records.filter((t) => t.uid !== uid);
  }

  list(filter: Partial<Pick<TriggerRecord, 'handler' | 'eventType' | 'source' | 'sourceId' | 'ownerEmail'>> = {}): TriggerRecord[] {
    return this.records.filter((t) => Object.entries(filter).every(([k, v]) => v === undefined || t[k as keyof TriggerRecord] === v));
  }

  /**
   * Runs every clock trigger (optionally only those calling `functionName`), each as its own
   * execution and as its creator, with a time-driven event object. Returns the handlers' results.
   */
  fireTimeDriven(functionName?: string): unknown[] {
    const due = this.records.filter((t) => t.eventType === 'CLOCK' && (!functionName || t.handler === functionName));
    return due.map((t) => this.fire(t, clockEvent(this.ctx.now(), t)));
  }

  /** Runs the matching triggers of any kind with the given event (plus authMode and triggerUid). */
  fireMatching(filter: Partial<Pick<TriggerRecord, 'eventType' | 'source' | 'sourceId' | 'handler'>>, event: Record<string, unknown>): unknown[] {
    return this.list(filter).map((t) => this.fire(t, { ...event }));
  }

  fire(trigger: TriggerRecord, event: Record<string, unknown>): unknown {
    const handler = this.ctx.resolveFunction(trigger.handler);
    if (!handler) throw new Error(`Script function not found: ${trigger.handler}`);
    const owner: EmulatorUser = { email: trigger.ownerEmail, visibleEmail: true };
    return runtimeFor(this.ctx).run(() => handler({ authMode: AuthMode.FULL, triggerUid: trigger.uid, ...event }), owner);
  }
}

function clockEvent(now: Date, t: TriggerRecord): Record<string, unknown> {
  const p = zonedParts(now, 'UTC');
  const start = Date.UTC(p.year, 0, 1);
  const week = Math.ceil(((now.getTime() - start) / 86400000 + new Date(start).getUTCDay() + 1) / 7);
  return {
    authMode: AuthMode.FULL,
    triggerUid: t.uid,
    year: p.year,
    month: p.month,
    'day-of-month': p.day,
    'day-of-week': p.weekday === 0 ? 7 : p.weekday,
    'week-of-year': week,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    timezone: 'UTC',
  };
}

const registries = new WeakMap<EmulatorContext, TriggerRegistry>();

export function triggerRegistryFor(ctx: EmulatorContext): TriggerRegistry {
  let r = registries.get(ctx);
  if (!r) {
    r = new TriggerRegistry(ctx);
    registries.set(ctx, r);
  }
  return r;
}

/**
 * For the FormApp fake: a response arrived for a form whose destination is this spreadsheet. Runs
 * each installable "on form submit" trigger of the spreadsheet with `event` (values, namedValues,
 * range, …) plus authMode and triggerUid. Returns the handlers' results.
 */
export function fireFormSubmitTriggers(ctx: EmulatorContext, spreadsheetId: string, event: Record<string, unknown>): unknown[] {
  return triggerRegistryFor(ctx).fireMatching({ eventType: 'ON_FORM_SUBMIT', source: 'SPREADSHEETS', sourceId: spreadsheetId }, event);
}

/** For the FormApp fake: form-bound submit triggers (created with forForm(form).onFormSubmit()). */
export function fireFormBoundSubmitTriggers(ctx: EmulatorContext, formId: string, event: Record<string, unknown>): unknown[] {
  return triggerRegistryFor(ctx).fireMatching({ eventType: 'ON_FORM_SUBMIT', source: 'FORMS', sourceId: formId }, event);
}

// ------------------------------------------------------------------ builders

type IdSource = string | { getId(): string };
const idOf = (x: IdSource): string => (typeof x === 'string' ? x : x.getId());

class SourceTriggerBuilder {
  private eventType: EventTypeName | null = null;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly handler: string,
    private readonly source: TriggerSourceName,
    private readonly sourceId: string,
  ) {}

  private set(eventType: EventTypeName): this { this.eventType = eventType; return this; }
  onOpen(): this { return this.set('ON_OPEN'); }
  onEdit(): this { return this.set('ON_EDIT'); }
  onChange(): this { return this.set('ON_CHANGE'); }
  onFormSubmit(): this { return this.set('ON_FORM_SUBMIT'); }

  create(): FakeTrigger {
    this.ctx.meter.record('ScriptApp', 'TriggerBuilder.create');
    if (!this.eventType) throw new Error('Trigger event type has not been set.');
    const record = triggerRegistryFor(this.ctx).add({ handler: this.handler, eventType: this.eventType, source: this.source, sourceId: this.sourceId });
    return new FakeTrigger(this.ctx, record);
  }
}

class ClockTriggerBuilder {
  private readonly spec: ClockSpec = {};

  constructor(private readonly ctx: EmulatorContext, private readonly handler: string) {}

  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('The value you passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
    this.spec.everyMinutes = n;
    return this;
  }
  everyHours(n: number): this { this.spec.everyHours = n; return this; }
  everyDays(n: number): this { this.spec.everyDays = n; return this; }
  everyWeeks(n: number): this { this.spec.everyWeeks = n; return this; }
  atHour(hour: number): this { this.spec.atHour = hour; return this; }
  nearMinute(minute: number): this { this.spec.nearMinute = minute; return this; }
  onWeekDay(day: string): this { this.spec.onWeekDay = String(day); return this; }
  onMonthDay(day: number): this { this.spec.onMonthDay = day; return this; }
  inTimezone(timezone: string): this { this.spec.timeZone = timezone; return this; }
  after(durationMilliseconds: number): this { this.spec.at = new Date(this.ctx.now().getTime() + durationMilliseconds).toISOString(); return this; }
  at(date: Date): this { this.spec.at = date.toISOString(); return this; }
  atDate(year: number, month: number, day: number): this { this.spec.at = new Date(Date.UTC(year, month - 1, day)).toISOString(); return this; }

  create(): FakeTrigger {
    this.ctx.meter.record('ScriptApp', 'TriggerBuilder.create');
    const record = triggerRegistryFor(this.ctx).add({ handler: this.handler, eventType: 'CLOCK', source: 'CLOCK', sourceId: '', clock: { ...this.spec } });
    return new FakeTrigger(this.ctx, record);
  }
}

export class FakeTriggerBuilder {
  constructor(private readonly ctx: EmulatorContext, private readonly handler: string) {}
  forSpreadsheet(sheet: IdSource): SourceTriggerBuilder { return new SourceTriggerBuilder(this.ctx, this.handler, 'SPREADSHEETS', idOf(sheet)); }
  forForm(form: IdSource): SourceTriggerBuilder { return new SourceTriggerBuilder(this.ctx, this.handler, 'FORMS', idOf(form)); }
  forDocument(document: IdSource): SourceTriggerBuilder { return new SourceTriggerBuilder(this.ctx, this.handler, 'DOCUMENTS', idOf(document)); }
  timeBased(): ClockTriggerBuilder { return new ClockTriggerBuilder(this.ctx, this.handler); }
}

export class FakeScriptApp {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly InstallationSource = InstallationSource;
  readonly WeekDay = WeekDay;

  constructor(private readonly ctx: EmulatorContext) {}

  private record(method: string): void {
    this.ctx.meter.record('ScriptApp', method);
  }

  private get registry(): TriggerRegistry {
    return triggerRegistryFor(this.ctx);
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.record('newTrigger');
    return new FakeTriggerBuilder(this.ctx, functionName);
  }

  /** The current user's triggers in this project. */
  getProjectTriggers(): FakeTrigger[] {
    this.record('getProjectTriggers');
    return this.registry.list({ ownerEmail: this.ctx.effectiveUser.email }).map((t) => new FakeTrigger(this.ctx, t));
  }

  /** The current user's triggers for one document, spreadsheet or form. */
  getUserTriggers(container: { getId(): string }): FakeTrigger[] {
    this.record('getUserTriggers');
    return this.registry.list({ ownerEmail: this.ctx.effectiveUser.email, sourceId: container.getId() }).map((t) => new FakeTrigger(this.ctx, t));
  }

  deleteTrigger(trigger: FakeTrigger): void {
    this.record('deleteTrigger');
    this.registry.remove(trigger.record.uid);
  }

  getAuthorizationInfo(_authMode: string): { getAuthorizationStatus(): string; getAuthorizationUrl(): string | null } {
    this.record('getAuthorizationInfo');
    const rt = runtimeFor(this.ctx);
    const required = rt.auth.requireReauthorisation;
    return {
      getAuthorizationStatus: () => (required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED),
      getAuthorizationUrl: () => (required ? `https://script.google.com/macros/d/${rt.scriptId}/authorize` : null),
    };
  }

  requireAllScopes(_authMode: string): void { this.record('requireAllScopes'); }
  requireScopes(_authMode: string, _oAuthScopes: string[]): void { this.record('requireScopes'); }
  invalidateAuth(): void { this.record('invalidateAuth'); runtimeFor(this.ctx).auth.requireReauthorisation = true; }
  getScriptId(): string { this.record('getScriptId'); return runtimeFor(this.ctx).scriptId; }
  getOAuthToken(): string { this.record('getOAuthToken'); return `ya29.emulated.${Buffer.from(this.ctx.effectiveUser.email).toString('base64url')}`; }
  getIdentityToken(): string { this.record('getIdentityToken'); return ''; }
  getInstallationSource(): string { this.record('getInstallationSource'); return InstallationSource.NONE; }

  getService(): { getUrl(): string; isEnabled(): boolean } {
    this.record('getService');
    const id = runtimeFor(this.ctx).scriptId;
    return { getUrl: () => `https://script.google.com/macros/s/${id}/exec`, isEnabled: () => true };
  }
}
