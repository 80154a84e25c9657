import { EmulatorContext } from '../../emulator/context';
import { Meter } from '../../emulator/meter';
import { createFormApp, FormsController, FormSubmitEventPayload } from '../../emulator/forms';
import { createSpreadsheet, FakeSpreadsheet } from '../../emulator/spreadsheet/spreadsheet';
import { FakeScriptApp } from '../../emulator/script';
import { createWorkspace } from '../../emulator/workspace';

type SubmitEvent = GoogleAppsScript.Events.SheetsOnFormSubmit;

function setUp(options: { collectEmail?: boolean } = {}) {
  const ctx = new EmulatorContext(new Meter());
  ctx.now = () => new Date('2026-09-07T13:05:09Z'); // 14:05:09 in London (BST)
  const FormApp = createFormApp(ctx);
  const forms = new FormsController(ctx);
  const ss = createSpreadsheet(ctx, 'Health Needs Register');
  const form = FormApp.create('Daily contact log');
  form.setCollectEmail(options.collectEmail ?? true);
  form.addTextItem().setTitle('Pupil').setRequired(true);
  form.addSectionHeaderItem().setTitle('About the contact');
  form.addListItem().setTitle('Contact type').setChoiceValues(['Phone call', 'Home visit', 'Online lesson']).setRequired(true);
  form.addCheckboxItem().setTitle('Subjects').setChoiceValues(['English', 'Maths', 'Science']);
  form.addParagraphTextItem().setTitle('Notes');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.file.id);

  const events: SubmitEvent[] = [];
  ctx.resolveFunction = (name) => (name === 'onFormSubmit' ? (e: unknown) => { events.push(e as SubmitEvent); } : undefined);
  return { ctx, FormApp, forms, ss, form, events };
}

function installTrigger(ctx: EmulatorContext, ss: FakeSpreadsheet): void {
  new FakeScriptApp(ctx).newTrigger('onFormSubmit').forSpreadsheet(ss.file.id).onFormSubmit().create();
}

function rowValues(ss: FakeSpreadsheet, row: number): unknown[] {
  const sheet = ss.sheetNamed('Form responses 1');
  if (!sheet) throw new Error('no responses sheet');
  return sheet.getRange(row, 1, 1, sheet.lastColumn()).getValues()[0];
}

describe('FormApp destination', () => {
  it('adds "Form responses 1" as the first sheet with Timestamp, Email address and one column per question', () => {
    const { ss } = setUp();
    expect(ss.sheets[0].name).toBe('Form responses 1');
    expect(rowValues(ss, 1)).toEqual(['Timestamp', 'Email address', 'Pupil', 'Contact type', 'Subjects', 'Notes']);
    expect(ss.sheets[0].frozenRows).toBe(1);
  });

  it('omits the email column when the form does not collect emails, and numbers a second link', () => {
    const { FormApp, ss } = setUp({ collectEmail: false });
    expect(rowValues(ss, 1)).toEqual(['Timestamp', 'Pupil', 'Contact type', 'Subjects', 'Notes']);
    const second = FormApp.create('Second form');
    second.addTextItem().setTitle('Question');
    second.setDestination(FormApp.DestinationType.SPREADSHEET, ss.file.id);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Form responses 2', 'Form responses 1', 'Sheet1']);
    expect(second.getDestinationId()).toBe(ss.file.id);
  });

  it('adds a column when a question is added to a linked form', () => {
    const { form, ss } = setUp();
    form.addDateItem().setTitle('Date of contact');
    expect(rowValues(ss, 1)).toEqual(['Timestamp', 'Email address', 'Pupil', 'Contact type', 'Subjects', 'Notes', 'Date of contact']);
  });
});

describe('submitAsUser', () => {
  it('appends the row and fires the form-submit trigger with the Sheets event shape', () => {
    const { ctx, forms, form, ss, events } = setUp();
    installTrigger(ctx, ss);
    const result = forms.submitAsUser(form.getId(), {
      Pupil: 'Amira Khan', 'Contact type': 'Home visit', Subjects: ['English', 'Maths'], Notes: '=HYPERLINK("x")',
    }, { respondentEmail: 'tutor@school.example' });

    expect(result.row).toBe(2);
    const row = rowValues(ss, 2);
    expect(row[0]).toBeInstanceOf(Date);
    expect((row[0] as Date).toISOString()).toBe('2026-09-07T13:05:09.000Z');
    // A formula-looking answer stays text, as Forms writes it.
    expect(row.slice(1)).toEqual(['tutor@school.example', 'Amira Khan', 'Home visit', 'English, Maths', '=HYPERLINK("x")']);

    expect(events).toHaveLength(1);
    const e = events[0];
    expect(String(e.authMode)).toBe('FULL');
    expect(typeof e.triggerUid).toBe('string');
    expect(e.values).toEqual(['07/09/2026 14:05:09', 'tutor@school.example', 'Amira Khan', 'Home visit', 'English, Maths', '=HYPERLINK("x")']);
    expect(e.namedValues).toEqual({
      Timestamp: ['07/09/2026 14:05:09'],
      'Email address': ['tutor@school.example'],
      Pupil: ['Amira Khan'],
      'Contact type': ['Home visit'],
      Subjects: ['English, Maths'],
      Notes: ['=HYPERLINK("x")'],
    });
    expect(e.range.getRow()).toBe(2);
    expect(e.range.getNumColumns()).toBe(6);
    expect((e as unknown as { source: FakeSpreadsheet }).source.getId()).toBe(ss.file.id);
    expect(forms.responses(form.getId())).toHaveLength(1);
  });

  it('rejects a list answer that is not one of the choices, and a missing required answer, recording nothing', () => {
    const { forms, form, ss } = setUp();
    expect(() => forms.submitAsUser(form.getId(), { Pupil: 'A', 'Contact type': 'Letter' }, { respondentEmail: 'a@school.example' }))
      .toThrow('The answer to "Contact type" is not accepted: "Letter" is not one of the choices ("Phone call", "Home visit", "Online lesson").');
    expect(() => forms.submitAsUser(form.getId(), { 'Contact type': 'Phone call' }, { respondentEmail: 'a@school.example' }))
      .toThrow('"Pupil" is a required question.');
    expect(() => forms.submitAsUser(form.getId(), { Pupil: 'A', 'Contact type': 'Phone call' }))
      .toThrow('collects email addresses');
    expect(forms.responses(form.getId())).toHaveLength(0);
    expect(ss.sheetNamed('Form responses 1')?.lastRow()).toBe(1);
  });

  it('re-delivers the same event (at-least-once) and delivers a blank one', () => {
    const { ctx, forms, form, ss, events } = setUp();
    installTrigger(ctx, ss);
    const { event } = forms.submitAsUser(form.getId(), { Pupil: 'Ben', 'Contact type': 'Phone call' }, { respondentEmail: 'b@school.example' });
    forms.fireDuplicate(event as FormSubmitEventPayload);
    expect(events).toHaveLength(2);
    expect(events[1].values).toEqual(events[0].values);
    expect(events[1].range.getRow()).toBe(2);

    forms.fireBlankEvent(ss.file.id);
    expect(events).toHaveLength(3);
    expect(events[2].namedValues).toEqual({});
    expect(events[2].values).toEqual([]);
    // The duplicate and the blank event added no rows.
    expect(ss.sheetNamed('Form responses 1')?.lastRow()).toBe(2);
  });

  it('can lose the trigger delivery while still writing the row, so a later sweep must find it', () => {
    const { ctx, forms, form, ss, events } = setUp();
    installTrigger(ctx, ss);
    const result = forms.submitAsUser(form.getId(), { Pupil: 'Cara', 'Contact type': 'Online lesson' }, { respondentEmail: 'c@school.example', fireTriggers: false });
    expect(events).toHaveLength(0);
    expect(result.row).toBe(2);
    expect(rowValues(ss, 2)[2]).toBe('Cara');
  });

  it('refuses responses when the form is closed and a second response when limited to one', () => {
    const { forms, form } = setUp();
    form.setLimitOneResponsePerUser(true);
    forms.submitAsUser(form.getId(), { Pupil: 'D', 'Contact type': 'Phone call' }, { respondentEmail: 'd@school.example' });
    expect(() => forms.submitAsUser(form.getId(), { Pupil: 'D', 'Contact type': 'Phone call' }, { respondentEmail: 'D@school.example' }))
      .toThrow('already responded');
    form.setAcceptingResponses(false);
    expect(() => forms.submitAsUser(form.getId(), { Pupil: 'E', 'Contact type': 'Phone call' }, { respondentEmail: 'e@school.example' }))
      .toThrow('no longer accepting responses');
  });
});

describe('FormResponse from a script', () => {
  it('builds a pre-filled URL with each item\'s entry id and the encoded answer', () => {
    const { form, forms } = setUp();
    const [pupil, , contactType] = form.getItems();
    const url = form.createResponse()
      .withItemResponse(pupil.asTextItem().createResponse('Zoë O\'Neil & co'))
      .withItemResponse(contactType.asListItem().createResponse('Home visit'))
      .toPrefilledUrl();
    const [pupilItem, , contactItem] = forms.items(form.getId());
    expect(url.startsWith(`${form.getPublishedUrl()}?usp=pp_url&`)).toBe(true);
    expect(url).toContain(`entry.${pupilItem.entryId}=Zo%C3%AB+O%27Neil+%26+co`);
    expect(url).toContain(`entry.${contactItem.entryId}=Home+visit`);
    expect(pupilItem.entryId).not.toBe(pupilItem.id);
  });

  it('rejects a choice the item does not offer', () => {
    const { form } = setUp();
    const list = form.getItems(FormAppItemType('LIST'))[0].asListItem();
    expect(() => list.createResponse('Carrier pigeon')).toThrow('"Carrier pigeon" is not one of the choices');
  });

  it('submit() stores the response and writes the row but fires no trigger', () => {
    const { ctx, form, ss, events } = setUp();
    installTrigger(ctx, ss);
    const items = form.getItems();
    const response = form.createResponse()
      .withItemResponse(items[0].asTextItem().createResponse('Farah'))
      .withItemResponse(items[2].asListItem().createResponse('Phone call'))
      .withItemResponse(items[3].asCheckboxItem().createResponse(['Science']))
      .submit();
    expect(events).toHaveLength(0);
    expect(rowValues(ss, 2).slice(1)).toEqual(['', 'Farah', 'Phone call', 'Science', '']);
    expect(response.getTimestamp()?.toISOString()).toBe('2026-09-07T13:05:09.000Z');
    const stored = form.getResponses();
    expect(stored).toHaveLength(1);
    expect(stored[0].getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()])).toEqual([
      ['Pupil', 'Farah'], ['Contact type', 'Phone call'], ['Subjects', ['Science']],
    ]);
  });
});

describe('FormApp basics', () => {
  it('opens by id, errors on an unknown id, and meters every call', () => {
    const { ctx, FormApp, form } = setUp();
    expect(FormApp.openById(form.getId()).getTitle()).toBe('Daily contact log');
    expect(() => FormApp.openById('nope')).toThrow('No item with the given ID could be found, or you do not have permission to access it.');
    expect(FormApp.getActiveForm()).toBeNull();
    const counts = ctx.meter.snapshot();
    expect(counts['FormApp.Form.addListItem']).toBe(1);
    expect(counts['FormApp.ListItem.setChoiceValues']).toBe(1);
    expect(counts['FormApp.Form.setDestination']).toBe(1);
    expect(counts['FormApp.openById']).toBe(2);
  });

  it('moves and deletes items and filters getItems by type', () => {
    const { FormApp, form } = setUp();
    expect(form.getItems(FormApp.ItemType.CHECKBOX).map((i) => i.getTitle())).toEqual(['Subjects']);
    form.moveItem(4, 0);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['Notes', 'Pupil', 'About the contact', 'Contact type', 'Subjects']);
    form.deleteItem(form.getItems()[2]);
    expect(form.getItems().map((i) => String(i.getType()))).toEqual(['PARAGRAPH_TEXT', 'TEXT', 'LIST', 'CHECKBOX']);
    expect(() => form.getItems()[0].asListItem()).toThrow('cannot be cast to ListItem');
  });

  it('setRequireLogin throws for an account outside a Workspace domain', () => {
    const { forms, form } = setUp();
    form.setRequireLogin(true);
    expect(form.requiresLogin()).toBe(true);
    forms.domainAllowsRequireLogin = false;
    expect(() => form.setRequireLogin(true)).toThrow('Google Workspace');
  });
});

function FormAppItemType(name: string): GoogleAppsScript.Forms.ItemType {
  return name as unknown as GoogleAppsScript.Forms.ItemType;
}

describe('FormApp in a workspace', () => {
  it('is a global, fires a trigger installed through ScriptApp, and survives toJSON/fromJSON', () => {
    const workspace = createWorkspace({ now: () => new Date('2026-01-12T09:30:00Z') });
    const received: SubmitEvent[] = [];
    const script: Record<string, unknown> = { onFormSubmit: (e: SubmitEvent) => { received.push(e); } };
    workspace.install(script);
    const FormApp = script.FormApp as GoogleAppsScript.Forms.FormApp;
    const ScriptApp = script.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    const ssId = workspace.spreadsheet.file.id;

    const form = FormApp.create('Contact log');
    form.addTextItem().setTitle('Pupil').setRequired(true);
    form.addScaleItem().setTitle('Engagement').setBounds(1, 5);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ssId).onFormSubmit().create();

    workspace.forms.submitAsUser(form.getId(), { Pupil: 'Amira', Engagement: '4' });
    expect(received.map((e) => e.values)).toEqual([['12/01/2026 09:30:00', 'Amira', '4']]);
    expect(() => workspace.forms.submitAsUser(form.getId(), { Pupil: 'B', Engagement: '9' })).toThrow('not a whole number from 1 to 5');

    const restored = createWorkspace();
    restored.fromJSON(JSON.parse(JSON.stringify(workspace.toJSON())));
    restored.install(script);
    const reopened = (script.FormApp as GoogleAppsScript.Forms.FormApp).openById(form.getId());
    expect(reopened.getItems().map((i) => i.getTitle())).toEqual(['Pupil', 'Engagement']);
    restored.forms.submitAsUser(form.getId(), { Pupil: 'Ben', Engagement: '2' });
    expect(received).toHaveLength(2);
    expect(received[1].range.getRow()).toBe(3);
  });
});
