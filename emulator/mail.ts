/**
 * MailApp: sends nothing, keeps an outbox. The daily quota counts recipients (to + cc + bcc), not
 * messages, as Apps Script does; the default is the Google Workspace figure of 1,500 a day.
 * Mail goes out from the effective user: the person at the keyboard, or a trigger's installer.
 */
import type { EmulatorContext } from './context';

type MailAdvancedParameters = GoogleAppsScript.Mail.MailAdvancedParameters;

export interface SentAttachment {
  name: string;
  contentType: string;
  size: number;
}

export interface SentEmail {
  from: string;
  /** The display name the message asked for (the `name` option), if any. */
  fromName?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  noReply: boolean;
  subject: string;
  body: string;
  htmlBody?: string;
  attachments: SentAttachment[];
  /** ISO timestamp from the emulator clock. */
  sentAt: string;
}

interface MailState {
  remainingQuota: number;
  outbox: SentEmail[];
}

const DEFAULT_DAILY_QUOTA = 1500;
const MAX_RECIPIENTS_PER_MESSAGE = 50;
const MAX_BODY_BYTES = 400 * 1024;
const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

const states = new WeakMap<EmulatorContext, MailState>();

function stateOf(ctx: EmulatorContext): MailState {
  let state = states.get(ctx);
  if (!state) {
    state = { remainingQuota: DEFAULT_DAILY_QUOTA, outbox: [] };
    states.set(ctx, state);
  }
  return state;
}

/** Addresses Apps Script accepts: "a@b.c" or "Name <a@b.c>". */
const ADDRESS = /^[^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;"]+$/;

function parseRecipients(list: string | undefined): string[] {
  if (!list) return [];
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const angled = /<([^>]*)>\s*$/.exec(entry);
    const address = angled ? angled[1].trim() : entry;
    if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${entry}`);
    return address;
  });
}

export class FakeMailApp {
  constructor(private readonly ctx: EmulatorContext) {}

  getRemainingDailyQuota(): number {
    this.ctx.meter.record('MailApp', 'getRemainingDailyQuota', 0);
    return stateOf(this.ctx).remainingQuota;
  }

  sendEmail(message: MailAdvancedParameters): void;
  sendEmail(recipient: string, subject: string, body: string, options?: MailAdvancedParameters): void;
  sendEmail(to: string, replyTo: string, subject: string, body: string): void;
  sendEmail(...args: unknown[]): void {
    this.ctx.meter.record('MailApp', 'sendEmail', 0);
    const message = normaliseArguments(args);
    const state = stateOf(this.ctx);
    const to = parseRecipients(message.to);
    const cc = parseRecipients(message.cc);
    const bcc = parseRecipients(message.bcc);
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) throw new Error('Failed to send email: no recipient');
    if (message.replyTo) parseRecipients(message.replyTo);
    if (recipients > MAX_RECIPIENTS_PER_MESSAGE) throw new Error('Limit Exceeded: Email Recipients Per Message.');
    if (state.remainingQuota < recipients) throw new Error('Service invoked too many times for one day: email.');
    const body = message.body ?? '';
    if (Buffer.byteLength(body) + Buffer.byteLength(message.htmlBody ?? '') > MAX_BODY_BYTES) {
      throw new Error('Limit Exceeded: Email Body Size.');
    }
    const attachments = (message.attachments ?? []).map(describeAttachment);
    if (attachments.reduce((n, a) => n + a.size, 0) > MAX_ATTACHMENT_BYTES) {
      throw new Error('Limit Exceeded: Email Total Attachments Size.');
    }
    state.remainingQuota -= recipients;
    state.outbox.push({
      from: this.ctx.effectiveUser.email,
      ...(message.name ? { fromName: message.name } : {}),
      to,
      cc,
      bcc,
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
      noReply: message.noReply === true,
      subject: message.subject ?? '',
      body,
      ...(message.htmlBody !== undefined ? { htmlBody: message.htmlBody } : {}),
      attachments,
      sentAt: this.ctx.now().toISOString(),
    });
  }
}

/** The four public overloads, reduced to one message object. */
function normaliseArguments(args: unknown[]): MailAdvancedParameters {
  if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) return args[0] as MailAdvancedParameters;
  if (args.length === 4 && typeof args[3] === 'string') {
    const [to, replyTo, subject, body] = args as string[];
    return { to, replyTo, subject, body };
  }
  if (args.length === 3 || args.length === 4) {
    const [to, subject, body, options] = args as [string, string, string, MailAdvancedParameters | undefined];
    return { ...(options ?? {}), to, subject, body };
  }
  throw new Error(`The parameters (${args.map((a) => typeof a).join(',')}) don't match any method signature for MailApp.sendEmail.`);
}

function describeAttachment(source: GoogleAppsScript.Base.BlobSource): SentAttachment {
  const blob = typeof (source as GoogleAppsScript.Base.Blob).getBytes === 'function'
    ? source as GoogleAppsScript.Base.Blob
    : source.getBlob();
  return {
    name: blob.getName() ?? 'attachment',
    contentType: blob.getContentType() ?? 'application/octet-stream',
    size: blob.getBytes().length,
  };
}

/** The `MailApp` global. */
export function createMailApp(ctx: EmulatorContext): GoogleAppsScript.Mail.MailApp {
  return new FakeMailApp(ctx);
}

/** Exposed as workspace.mail: the outbox and the quota. */
export class MailController {
  constructor(private readonly ctx: EmulatorContext) {}

  /** Every message sent so far, oldest first. */
  get outbox(): readonly SentEmail[] {
    return stateOf(this.ctx).outbox;
  }

  /** Sets what getRemainingDailyQuota reports (e.g. 100 for a consumer account, 0 to test the limit). */
  setRemainingDailyQuota(n: number): void {
    stateOf(this.ctx).remainingQuota = n;
  }

  /** A new day: the quota is back to the given daily allowance. */
  resetDailyQuota(daily = DEFAULT_DAILY_QUOTA): void {
    stateOf(this.ctx).remainingQuota = daily;
  }

  /** What getRemainingDailyQuota would report, without metering. */
  get remainingDailyQuota(): number {
    return stateOf(this.ctx).remainingQuota;
  }

  /** Empties the outbox in place (the workspace may hold a reference to it). */
  clearOutbox(): void {
    stateOf(this.ctx).outbox.length = 0;
  }

  /** Sends into this array from now on (the workspace's own outbox, which it persists). */
  useOutbox(outbox: SentEmail[]): void {
    const state = stateOf(this.ctx);
    outbox.push(...state.outbox);
    state.outbox = outbox;
  }

  toJSON(): MailState {
    const state = stateOf(this.ctx);
    return { remainingQuota: state.remainingQuota, outbox: state.outbox };
  }

  fromJSON(data: Partial<MailState> | undefined): void {
    const state = stateOf(this.ctx);
    state.remainingQuota = data?.remainingQuota ?? DEFAULT_DAILY_QUOTA;
    state.outbox.splice(0, state.outbox.length, ...(data?.outbox ?? []));
  }
}
