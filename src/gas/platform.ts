/**
 * Small adapters over Apps Script's platform services: time, who the user is, the document lock,
 * digests, the editor UI, mail and triggers.
 */
import type {
  Clock,
  Digest,
  DocumentLock,
  Identity,
  LockResult,
  Mailer,
  OutgoingMail,
  TriggerInfo,
  Triggers,
  Ui,
} from '../ports';
import { sha256Hex } from '../domain/sha256';

export const systemClock: Clock = { now: () => new Date() };

export const sessionIdentity: Identity = {
  activeUserEmail: () => Session.getActiveUser().getEmail() ?? '',
  effectiveUserEmail: () => Session.getEffectiveUser().getEmail() ?? '',
};

/**
 * The document lock, not the script lock: the add-on serialises work per register, and a
 * script lock would make every school using the add-on wait for each other.
 */
export const documentLock: DocumentLock = {
  withLock<T>(timeoutMs: number, fn: () => T, options?: { readonly lastInExecution?: boolean }): LockResult<T> {
    const lock = LockService.getDocumentLock();
    if (!lock || !lock.tryLock(timeoutMs)) return { ok: false };
    try {
      const value = fn();
      // Pending writes reach the sheet before the next execution can take the lock: releaseLock
      // does not apply them (Google's Lock reference says to flush before releasing), and the
      // release Apps Script makes when an execution ends is not documented to either.
      SpreadsheetApp.flush();
      return { ok: true, value };
    } finally {
      // "The lock is automatically released when the script terminates": for a trigger whose
      // locked work is its last, an explicit release only moves that moment earlier by the
      // release's own round trip. After a failure too, the execution ends straight away.
      if (!options?.lastInExecution) lock.releaseLock();
    }
  },
};

/**
 * SHA-256 computed in the script (src/domain/sha256), not by Utilities.computeDigest: the same
 * hex, without a service call per seal (20 letters seal 40 audit rows). The name is kept so the
 * composition root and tests need not change.
 */
export const utilitiesDigest: Digest = {
  sha256Hex(text: string): string {
    return sha256Hex(text);
  },
};

export const spreadsheetUi: Ui = {
  alert(title, message) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  },
  confirm(title, message) {
    const ui = SpreadsheetApp.getUi();
    return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
  },
  toast(message, title) {
    SpreadsheetApp.getActive().toast(message, title ?? 'Health Needs Register');
  },
  showSidebar(page, title) {
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(page).setTitle(title));
  },
  showDialog(page, title, width, height) {
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutputFromFile(page).setWidth(width).setHeight(height), title);
  },
};

export const mailAppMailer: Mailer = {
  remainingDailyQuota: () => MailApp.getRemainingDailyQuota(),
  send(mail: OutgoingMail) {
    MailApp.sendEmail({
      to: mail.to,
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody,
      replyTo: mail.replyTo,
      name: 'Health Needs Register',
      attachments: (mail.attachments ?? []).map((a) => Utilities.newBlob([...a.bytes], a.contentType, a.name)),
    });
  },
};

export class ScriptAppTriggers implements Triggers {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  list(): TriggerInfo[] {
    return ScriptApp.getUserTriggers(this.spreadsheet).map(describeTrigger);
  }

  projectTriggers(): TriggerInfo[] {
    return ScriptApp.getProjectTriggers().map(describeTrigger);
  }

  createFormSubmit(handler: string): TriggerInfo {
    return describeTrigger(ScriptApp.newTrigger(handler).forSpreadsheet(this.spreadsheet).onFormSubmit().create());
  }

  createDaily(handler: string, hour: number): TriggerInfo {
    return describeTrigger(
      ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).inTimezone('Europe/London').create(),
    );
  }

  remove(id: string): void {
    for (const trigger of ScriptApp.getUserTriggers(this.spreadsheet)) {
      if (trigger.getUniqueId() === id) ScriptApp.deleteTrigger(trigger);
    }
  }

  needsReauthorisation(): boolean {
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
  }

  authorisationUrl(): string {
    return ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationUrl() ?? '';
  }
}

function describeTrigger(trigger: GoogleAppsScript.Script.Trigger): TriggerInfo {
  const type = trigger.getEventType();
  const kind = type === ScriptApp.EventType.ON_FORM_SUBMIT ? 'formSubmit' : type === ScriptApp.EventType.CLOCK ? 'timeDriven' : 'other';
  return { id: trigger.getUniqueId(), handler: trigger.getHandlerFunction(), kind };
}
