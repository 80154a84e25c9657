import { createHash } from 'node:crypto';
import { createWorkspace, fireFormSubmitTriggers, LOCK_TIMEOUT_MESSAGE, type Workspace } from '../../emulator';
import type { FakeCacheService } from '../../emulator/cache';
import type { FakeHtmlService } from '../../emulator/html';
import type { FakeLockService } from '../../emulator/lock';
import type { FakePropertiesService } from '../../emulator/properties';
import type { FakeScriptApp } from '../../emulator/script';
import type { FakeSession } from '../../emulator/session';
import type { FakeSpreadsheetApp } from '../../emulator/spreadsheet/spreadsheetApp';
import type { FakeUtilities } from '../../emulator/utilities';

const NOW = new Date('2026-09-07T09:00:00Z');

function services(ws: Workspace) {
  const g = ws.globals;
  return {
    props: g.PropertiesService as FakePropertiesService,
    cache: g.CacheService as FakeCacheService,
    locks: g.LockService as FakeLockService,
    script: g.ScriptApp as FakeScriptApp,
    session: g.Session as FakeSession,
    utils: g.Utilities as FakeUtilities,
    html: g.HtmlService as FakeHtmlService,
    sheets: g.SpreadsheetApp as FakeSpreadsheetApp,
  };
}

describe('PropertiesService', () => {
  test('stores strings per scope; user properties are per user', () => {
    const ws = createWorkspace();
    const { props } = services(ws);
    props.getDocumentProperties()!.setProperty('schemaVersion', 3 as unknown as string);
    expect(props.getDocumentProperties()!.getProperty('schemaVersion')).toBe('3');
    expect(props.getDocumentProperties()!.getProperty('missing')).toBeNull();
    props.getUserProperties().setProperty('pref', 'a');
    ws.setActiveUser('teacher@school.example');
    expect(props.getUserProperties().getProperty('pref')).toBeNull();
    props.getScriptProperties().setProperties({ a: '1', b: '2' });
    props.getScriptProperties().setProperties({ c: '3' }, true);
    expect(props.getScriptProperties().getProperties()).toEqual({ c: '3' });
    expect(props.getScriptProperties().getKeys()).toEqual(['c']);
    props.getScriptProperties().deleteAllProperties();
    expect(props.getScriptProperties().getKeys()).toEqual([]);
  });

  test('enforces 9 KB per value and 500 KB per store, leaving the store unchanged', () => {
    const ws = createWorkspace();
    const store = services(ws).props.getScriptProperties();
    expect(() => store.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    store.setProperty('ok', 'x'.repeat(9 * 1024));
    for (let i = 0; i < 54; i++) store.setProperty(`k${i}`, 'y'.repeat(9 * 1024));
    expect(() => store.setProperty('k99', 'y'.repeat(9 * 1024))).toThrow('You have exceeded the property storage quota.');
    expect(store.getProperty('k99')).toBeNull();
    expect(store.getKeys()).toHaveLength(55);
  });
});

describe('CacheService', () => {
  test('values expire by the workspace clock and large values are refused', () => {
    const ws = createWorkspace({ now: () => NOW });
    const cache = services(ws).cache.getScriptCache();
    cache.put('a', 'A', 60);
    cache.putAll({ b: 'B', c: 'C' }, 120);
    expect(cache.getAll(['a', 'b', 'z'])).toEqual({ a: 'A', b: 'B' });
    ws.advanceClock(61000);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toBe('B');
    cache.removeAll(['b', 'c']);
    expect(cache.get('c')).toBeNull();
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });
});

describe('LockService', () => {
  test('contention: tryLock fails at once and waitLock throws the real message', () => {
    const ws = createWorkspace();
    const { locks } = services(ws);
    ws.locks.holdDocumentLock();
    expect(locks.getDocumentLock()!.tryLock(10000)).toBe(false);
    expect(() => locks.getDocumentLock()!.waitLock(10000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(locks.getScriptLock().tryLock(1000)).toBe(true);
    ws.locks.releaseHeld();
    const lock = locks.getDocumentLock()!;
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(ws.meter.snapshot()['LockService.tryLock']).toBe(3);
    expect(ws.meter.snapshot()['LockService.waitLock']).toBe(1);
  });

  test('a held lock blocks other executions until released; the end of an execution releases it', () => {
    const ws = createWorkspace();
    const { locks } = services(ws);
    ws.run(() => {
      expect(locks.getScriptLock().tryLock(1000)).toBe(true);
      // A trigger firing meanwhile is another execution: it cannot get the lock.
      ws.run(() => expect(locks.getScriptLock().tryLock(1000)).toBe(false));
    });
    // The outer run ended without releaseLock(): Apps Script releases it.
    ws.run(() => expect(locks.getScriptLock().tryLock(1000)).toBe(true));
    expect(ws.locks.held()).toEqual({});
  });

  test('a holder that lets go after some attempts lets a retry loop succeed', () => {
    const ws = createWorkspace();
    ws.locks.holdScriptLock({ releaseAfterAttempts: 2 });
    const lock = services(ws).locks.getScriptLock();
    expect([lock.tryLock(100), lock.tryLock(100), lock.tryLock(100)]).toEqual([false, false, true]);
  });
});

describe('ScriptApp triggers', () => {
  test('creation, per-user listing, deletion and the 20-trigger limit', () => {
    const ws = createWorkspace();
    const { script, sheets } = services(ws);
    const ss = sheets.getActive()!;
    const submit = script.newTrigger('onRegisterFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    script.newTrigger('dailyCheck').timeBased().everyDays(1).atHour(7).inTimezone('Europe/London').create();
    expect(submit.getEventType()).toBe(script.EventType.ON_FORM_SUBMIT);
    expect(submit.getTriggerSource()).toBe(script.TriggerSource.SPREADSHEETS);
    expect(submit.getTriggerSourceId()).toBe(ss.getId());
    expect(script.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['onRegisterFormSubmit', 'dailyCheck']);
    expect(script.getUserTriggers(ss).map((t) => t.getHandlerFunction())).toEqual(['onRegisterFormSubmit']);

    ws.setActiveUser('deputy@school.example');
    expect(script.getProjectTriggers()).toEqual([]);
    for (let i = 0; i < 20; i++) script.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => script.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    script.deleteTrigger(script.getProjectTriggers()[0]);
    script.newTrigger('f20').timeBased().everyHours(1).create();

    ws.setActiveUser('coordinator@school.example');
    script.deleteTrigger(submit);
    expect(script.getUserTriggers(ss)).toEqual([]);
  });

  test('firing runs handlers as the trigger owner with the event and triggerUid', () => {
    const ws = createWorkspace({ now: () => NOW });
    const target: Record<string, unknown> = {};
    const seen: Array<{ who: string; event: Record<string, unknown> }> = [];
    const { script, session, sheets } = services(ws);
    target.dailyCheck = (e: Record<string, unknown>) => seen.push({ who: session.getEffectiveUser().getEmail(), event: e });
    target.onSubmit = (e: Record<string, unknown>) => seen.push({ who: session.getActiveUser().getEmail(), event: e });
    ws.install(target);
    ws.setActiveUser('deputy@school.example');
    const daily = script.newTrigger('dailyCheck').timeBased().everyDays(1).create();
    const submit = script.newTrigger('onSubmit').forSpreadsheet(sheets.getActive()!).onFormSubmit().create();
    ws.setActiveUser('teacher@school.example', { visibleEmail: false });

    ws.triggers.fireTimeDriven();
    expect(seen[0].who).toBe('deputy@school.example');
    expect(seen[0].event).toMatchObject({ triggerUid: daily.getUniqueId(), authMode: 'FULL', year: 2026, month: 9, 'day-of-month': 7, hour: 9 });

    fireFormSubmitTriggers(ws.ctx, ws.spreadsheet.getId(), { namedValues: { Name: ['A'] } });
    expect(seen[1]).toEqual({ who: 'deputy@school.example', event: { authMode: 'FULL', triggerUid: submit.getUniqueId(), namedValues: { Name: ['A'] } } });
    // The user who was at the keyboard is restored afterwards.
    expect(ws.ctx.activeUser).toEqual({ email: 'teacher@school.example', visibleEmail: false });
    expect(session.getActiveUser().getEmail()).toBe('');
  });

  test('a trigger whose handler does not exist fails with the real message', () => {
    const ws = createWorkspace();
    ws.install({});
    services(ws).script.newTrigger('gone').timeBased().everyHours(1).create();
    expect(() => ws.triggers.fireTimeDriven()).toThrow('Script function not found: gone');
  });

  test('authorisation status follows workspace.auth', () => {
    const ws = createWorkspace();
    const { script } = services(ws);
    expect(script.getAuthorizationInfo(script.AuthMode.FULL).getAuthorizationStatus()).toBe(script.AuthorizationStatus.NOT_REQUIRED);
    expect(script.getAuthorizationInfo(script.AuthMode.FULL).getAuthorizationUrl()).toBeNull();
    ws.auth.requireReauthorisation = true;
    expect(script.getAuthorizationInfo(script.AuthMode.FULL).getAuthorizationStatus()).toBe('REQUIRED');
    expect(script.getAuthorizationInfo(script.AuthMode.FULL).getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\//);
  });
});

describe('Utilities', () => {
  const ws = createWorkspace();
  const { utils } = services(ws);

  test('computeDigest returns Java signed bytes equal to node sha256', () => {
    const bytes = utils.computeDigest(utils.DigestAlgorithm.SHA_256, 'Health needs £');
    const expected = [...createHash('sha256').update('Health needs £', 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(bytes).toEqual(expected);
    expect(bytes.some((b) => b < 0)).toBe(true);
    expect(Math.min(...bytes)).toBeGreaterThanOrEqual(-128);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(127);
  });

  test('formatDate follows British Summer Time across the March change', () => {
    expect(utils.formatDate(new Date('2026-03-29T00:30:00Z'), 'Europe/London', 'yyyy-MM-dd HH:mm z')).toBe('2026-03-29 00:30 GMT');
    expect(utils.formatDate(new Date('2026-03-29T01:30:00Z'), 'Europe/London', 'yyyy-MM-dd HH:mm z XXX')).toBe('2026-03-29 02:30 BST +01:00');
    expect(utils.formatDate(new Date('2026-09-07T14:05:09Z'), 'Europe/London', "EEE d MMM yyyy 'at' h:mm a")).toBe('Mon 7 Sep 2026 at 3:05 PM');
    expect(utils.formatDate(new Date('2026-09-07T14:05:09Z'), 'Europe/London', 'EEEE dd MMMM yy HH:mm:ss Z')).toBe('Monday 07 September 26 15:05:09 +0100');
    expect(utils.formatDate(new Date('2026-01-07T00:00:00Z'), 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-01-07T00:00:00Z');
  });

  test('parseCsv handles quotes, doubled quotes, embedded newlines and delimiters', () => {
    expect(utils.parseCsv('a,"b,c","say ""hi"""\r\n"line1\nline2",,x\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['line1\nline2', '', 'x'],
    ]);
    expect(utils.parseCsv('a;b\n1;2', ';')).toEqual([['a', 'b'], ['1', '2']]);
  });

  test('base64, HMAC, blobs and sleep', () => {
    expect(utils.base64Encode('hello?')).toBe('aGVsbG8/');
    expect(utils.base64EncodeWebSafe('hello?')).toBe('aGVsbG8_');
    expect(String.fromCharCode(...utils.base64Decode('aGk='))).toBe('hi');
    expect(utils.computeHmacSha256Signature('v', 'k')).toHaveLength(32);
    const blob = utils.newBlob('héllo', 'text/plain', 'note.txt');
    expect(blob.getBytes()).toEqual([104, -61, -87, 108, 108, 111]);
    expect(blob.getDataAsString()).toBe('héllo');
    const pdf = blob.getAs('application/pdf');
    expect([pdf.getName(), pdf.getContentType(), pdf.getDataAsString()]).toEqual(['note.pdf', 'application/pdf', 'héllo']);
    const before = ws.ctx.now().getTime();
    utils.sleep(5000);
    expect(ws.ctx.now().getTime() - before).toBeGreaterThanOrEqual(5000);
    expect(utils.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('Session', () => {
  test('hides the email when Apps Script cannot reveal it', () => {
    const ws = createWorkspace();
    const { session } = services(ws);
    expect(session.getActiveUser().getEmail()).toBe('coordinator@school.example');
    expect(session.getScriptTimeZone()).toBe('Europe/London');
    expect(session.getActiveUserLocale()).toBe('en-GB');
    const key = session.getTemporaryActiveUserKey();
    ws.setActiveUser('parent@gmail.example', { visibleEmail: false });
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getTemporaryActiveUserKey()).not.toBe(key);
  });
});

describe('HtmlService and the Ui', () => {
  test('files, templates with scriptlets, sidebar, menus and scripted answers', () => {
    const ws = createWorkspace({ htmlFiles: { Sidebar: '<h1><?= title ?></h1><?!= include("Styles") ?><? for (const n of items) { ?><li><?= n ?></li><? } ?>', Styles: '<style>b{}</style>' } });
    const target: Record<string, unknown> = {};
    const { html, sheets } = services(ws);
    target.include = (name: string) => html.createHtmlOutputFromFile(name).getContent();
    ws.install(target);
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    const template = html.createTemplateFromFile('Sidebar');
    template.title = 'A & B';
    template.items = ['x', '<y>'];
    const output = template.evaluate().setTitle('Register');
    expect(output.getContent()).toBe('<h1>A &amp; B</h1><style>b{}</style><li>x</li><li>&lt;y&gt;</li>');

    const ui = sheets.getUi();
    ui.createAddonMenu().addItem('Open register', 'showSidebar').addSeparator().addSubMenu(ui.createMenu('Admin').addItem('Set up', 'setUp')).addToUi();
    ui.showSidebar(output);
    expect(ws.ui.sidebar!.title).toBe('Register');
    expect(ws.ui.menus[0].entries[0]).toEqual({ kind: 'item', caption: 'Open register', functionName: 'showSidebar' });

    ws.ui.answer('NO');
    ws.ui.answerPrompt('UPN123', 'OK');
    expect(ui.alert('Close case?', 'This cannot be undone.', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const reply = ui.prompt('UPN?', ui.ButtonSet.OK_CANCEL);
    expect([reply.getResponseText(), reply.getSelectedButton()]).toEqual(['UPN123', 'OK']);
    expect(ui.alert('Done')).toBe('OK');
    expect(ws.ui.alerts.map((a) => a.prompt)).toEqual(['This cannot be undone.', 'UPN?', 'Done']);
  });
});
