/**
 * The contact Google Form through FormApp. Set-up (ensure) may make many calls; keeping the pupil
 * dropdown in step (setPupilChoices) makes a fixed four whatever the number of cases.
 *
 * Responses go to a sheet of the register itself (the add-on may only make triggers for the file
 * it is used in, so the Sheets form-submit trigger on the register is what fires, not one on the
 * Form). That sheet is hidden and protected: its rows are the source of truth the contact log is
 * built from, and a person sorting or editing it must not be able to move them.
 */
import { PUPIL_PLACEHOLDER, NO_OPEN_CASES, type ContactFormSpec, type FormQuestion } from '../domain/contactForm';
import type { ContactFormGateway, ContactFormState } from '../ports';
import { PROTECTION_PREFIX } from './sheetTables';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

export class FormAppContactForm implements ContactFormGateway {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  ensure(formId: string | null, spec: ContactFormSpec, pupilChoices: readonly string[], editors: readonly string[]): ContactFormState {
    const notes: string[] = [];
    let form = formId ? openIfPresent(formId) : null;
    const created = form === null;
    if (!form) form = FormApp.create(spec.title);
    form.setTitle(spec.title);
    form.setDescription(spec.description);
    form.setConfirmationMessage(spec.confirmationMessage);
    form.setCollectEmail(true);
    try {
      form.setRequireLogin(true);
    } catch {
      notes.push('The contact Form cannot be limited to people signed in to the school\u2019s Google account on this kind of account, so anyone with its link can fill it in. It still records each respondent\u2019s email address.');
    }

    const items = form.getItems();
    const byTitle = new Map<string, Item>();
    for (const item of items) {
      const title = item.getTitle();
      if (!byTitle.has(title)) byTitle.set(title, item);
    }
    let pupilItemId = 0;
    for (const question of spec.questions) {
      const choices = question.title === spec.pupilQuestion ? (pupilChoices.length ? pupilChoices : [NO_OPEN_CASES]) : question.choices;
      const id = ensureQuestion(form, byTitle.get(question.title) ?? null, question, choices);
      if (question.title === spec.pupilQuestion) pupilItemId = id;
    }

    const ssId = this.spreadsheet.getId();
    let sheet = linkedSheet(form, this.spreadsheet, ssId);
    let relinked = false;
    if (!sheet) {
      form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
      SpreadsheetApp.flush();
      sheet = findResponsesSheet(this.spreadsheet, form.getId());
      relinked = true;
      if (!sheet) throw new Error('The contact Form was linked to the register, but its responses sheet could not be found.');
    }
    if (/^Form responses \d+$/.test(sheet.getName()) && !this.spreadsheet.getSheetByName('Contact form responses')) {
      sheet.setName('Contact form responses');
    }
    protectResponses(sheet, editors);
    if (!sheet.isSheetHidden()) sheet.hideSheet();

    const first = (pupilChoices.length ? pupilChoices : [NO_OPEN_CASES])[0];
    const pupilItem = form.getItemById(pupilItemId).asListItem();
    const sample = form.createResponse().withItemResponse(pupilItem.createResponse(first)).toPrefilledUrl();
    return {
      formId: form.getId(),
      pupilItemId,
      responsesSheetId: sheet.getSheetId(),
      editUrl: form.getEditUrl(),
      publishedUrl: form.getPublishedUrl(),
      linkTemplate: templateFrom(sample),
      created,
      relinked,
      notes,
    };
  }

  setPupilChoices(formId: string, pupilItemId: number, choices: readonly string[]): void {
    const item = FormApp.openById(formId).getItemById(pupilItemId);
    if (!item) throw new Error('The pupil question of the contact Form has been deleted. Run Set up / repair register to put it back.');
    item.asListItem().setChoiceValues(choices.length ? [...choices] : [NO_OPEN_CASES]);
  }
}

function openIfPresent(formId: string): Form | null {
  try {
    return FormApp.openById(formId);
  } catch {
    // Deleted, in the bin, or no longer shared with this user: a new Form is made.
    return null;
  }
}

/** Makes the question right (adding it if missing or of the wrong kind) and returns its item id. */
function ensureQuestion(form: Form, existing: Item | null, question: FormQuestion, choices: readonly string[] | undefined): number {
  const wanted = itemTypeOf(question);
  let item = existing && String(existing.getType()) === String(wanted) ? existing : null;
  if (!item) {
    switch (question.kind) {
      case 'list': item = form.addListItem().setTitle(question.title) as unknown as Item; break;
      case 'choice': item = form.addMultipleChoiceItem().setTitle(question.title) as unknown as Item; break;
      case 'date': item = form.addDateItem().setTitle(question.title) as unknown as Item; break;
      default: item = form.addParagraphTextItem().setTitle(question.title) as unknown as Item; break;
    }
  }
  switch (question.kind) {
    case 'list': {
      const list = item.asListItem().setRequired(question.required).setHelpText(question.helpText);
      if (choices) list.setChoiceValues([...choices]);
      break;
    }
    case 'choice': {
      const choice = item.asMultipleChoiceItem().setRequired(question.required).setHelpText(question.helpText);
      if (choices) choice.setChoiceValues([...choices]);
      break;
    }
    case 'date':
      item.asDateItem().setRequired(question.required).setHelpText(question.helpText).setIncludesYear(true);
      break;
    default:
      item.asParagraphTextItem().setRequired(question.required).setHelpText(question.helpText);
      break;
  }
  return item.getId();
}

function itemTypeOf(question: FormQuestion): GoogleAppsScript.Forms.ItemType {
  switch (question.kind) {
    case 'list': return FormApp.ItemType.LIST;
    case 'choice': return FormApp.ItemType.MULTIPLE_CHOICE;
    case 'date': return FormApp.ItemType.DATE;
    default: return FormApp.ItemType.PARAGRAPH_TEXT;
  }
}

/** The sheet of this spreadsheet the Form already writes to, or null when it writes elsewhere or nowhere. */
function linkedSheet(form: Form, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, ssId: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  let destination: string;
  try {
    destination = form.getDestinationId();
  } catch {
    return null;
  }
  return destination === ssId ? findResponsesSheet(spreadsheet, form.getId()) : null;
}

function findResponsesSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, formId: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const sheet of spreadsheet.getSheets()) {
    const url = sheet.getFormUrl();
    if (!url) continue;
    if (url.includes(formId)) return sheet;
    try {
      if (FormApp.openByUrl(url).getId() === formId) return sheet;
    } catch {
      // A form this user cannot open: not ours.
    }
  }
  return null;
}

function protectResponses(sheet: GoogleAppsScript.Spreadsheet.Sheet, editors: readonly string[]): void {
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)) {
    if (p.getDescription().startsWith(PROTECTION_PREFIX)) p.remove();
  }
  const protection = sheet.protect().setDescription(`${PROTECTION_PREFIX} written by the contact Form only`);
  const allowed = [...new Set(editors.filter(Boolean))];
  if (allowed.length) protection.addEditors(allowed);
  const others = protection.getEditors().map((u) => u.getEmail()).filter((e) => !allowed.includes(e));
  if (others.length) protection.removeEditors(others);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/** The pre-filled link with the pupil's value replaced by the placeholder. */
function templateFrom(prefilledUrl: string): string {
  const m = /([?&]entry\.\d+=)[^&#]*/.exec(prefilledUrl);
  if (!m) throw new Error(`The contact Form gave a pre-filled link without an answer in it: ${prefilledUrl}`);
  return prefilledUrl.replace(m[0], `${m[1]}${PUPIL_PLACEHOLDER}`);
}
