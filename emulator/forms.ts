/**
 * FormApp: forms, their items, responses, and the link to a response spreadsheet.
 *
 * A form is a Drive file (MIME form) whose content is plain data (FormContent), so it persists as
 * JSON with the rest of Drive. Every public method records "FormApp.<Class>.<method>" on the meter.
 *
 * Two ways a response arrives, as in production:
 *  - a script calls FormResponse.submit(): the response is stored and the row appended to the
 *    destination sheet, but installable triggers do NOT fire;
 *  - a person fills the form in (FormsController.submitAsUser): the answers are validated like
 *    the form does, the row is appended, and the spreadsheet's form-submit triggers fire with the
 *    Sheets event shape. Apps Script delivers those at least once and sometimes blank, so the
 *    controller can also re-deliver an event and deliver a blank one.
 */
import type { EmulatorContext } from './context';
import { MIME } from './context';
import { makeEnum, asEnum } from './enums';
import { findSpreadsheet, spreadsheetById, FakeSpreadsheet } from './spreadsheet/spreadsheet';
import type { FakeSheet } from './spreadsheet/sheet';
import { coerceInput } from './spreadsheet/values';
import { zonedParts, zonedTimeToUtc } from './timezone';
import { fireFormSubmitTriggers } from './script';

// ---------------------------------------------------------------- stored state

const ITEM_TYPE_NAMES = [
  'CHECKBOX', 'CHECKBOX_GRID', 'DATE', 'DATETIME', 'DURATION', 'GRID', 'IMAGE', 'LIST', 'MULTIPLE_CHOICE',
  'PAGE_BREAK', 'PARAGRAPH_TEXT', 'SCALE', 'SECTION_HEADER', 'TEXT', 'TIME', 'VIDEO', 'FILE_UPLOAD',
] as const;
type ItemTypeName = typeof ITEM_TYPE_NAMES[number];

/** The item types the emulator can add; each maps to its Apps Script class name. */
const CLASS_OF: Partial<Record<ItemTypeName, string>> = {
  CHECKBOX: 'CheckboxItem', DATE: 'DateItem', LIST: 'ListItem', MULTIPLE_CHOICE: 'MultipleChoiceItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem', SCALE: 'ScaleItem', SECTION_HEADER: 'SectionHeaderItem', TEXT: 'TextItem',
};
/** Items that are not questions get no column in the response sheet and take no answer. */
const NON_QUESTION: ReadonlySet<ItemTypeName> = new Set(['SECTION_HEADER', 'PAGE_BREAK', 'IMAGE', 'VIDEO']);
const CHOICE_TYPES: ReadonlySet<ItemTypeName> = new Set(['LIST', 'MULTIPLE_CHOICE', 'CHECKBOX']);

export interface ItemState {
  id: number;
  /** The number in the form's "entry.<n>" field names (pre-filled links). Differs from the id, as in Forms. */
  entryId: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  scale?: { lower: number; upper: number; leftLabel: string; rightLabel: string };
  includesYear?: boolean;
}

export interface StoredResponse {
  id: string;
  /** ISO instant. */
  timestamp: string;
  respondentEmail: string;
  answers: Array<{ itemId: number; value: string | string[] }>;
}

/** Where responses go: a sheet of a spreadsheet, and which item each column holds. */
export interface StoredDestination {
  spreadsheetId: string;
  sheetId: number;
  columns: Array<'timestamp' | 'email' | number>;
}

export interface FormContent {
  kind: 'form';
  title: string;
  description: string;
  publishedKey: string;
  collectEmail: boolean;
  requireLogin: boolean;
  limitOneResponsePerUser: boolean;
  allowResponseEdits: boolean;
  confirmationMessage: string;
  acceptingResponses: boolean;
  items: ItemState[];
  responses: StoredResponse[];
  destination: StoredDestination | null;
  nextNumber: number;
}

function isFormContent(content: unknown): content is FormContent {
  return typeof content === 'object' && content !== null && (content as { kind?: unknown }).kind === 'form';
}

/** The script's time zone (appsscript.json), used for DateItem answers made from a Date. */
const SCRIPT_TIME_ZONE = 'Europe/London';
const NOT_FOUND = 'No item with the given ID could be found, or you do not have permission to access it.';

/** Workspace-level switches the controller changes. */
interface FormsSettings {
  /** A Google Workspace domain allows "only users in my organisation" forms; a consumer account does not. */
  domainAllowsRequireLogin: boolean;
}

const settings = new WeakMap<EmulatorContext, FormsSettings>();

function settingsOf(ctx: EmulatorContext): FormsSettings {
  let s = settings.get(ctx);
  if (!s) {
    s = { domainAllowsRequireLogin: true };
    settings.set(ctx, s);
  }
  return s;
}

// ---------------------------------------------------------------- FormApp

export const ItemType = makeEnum(ITEM_TYPE_NAMES);
export const DestinationType = makeEnum(['SPREADSHEET'] as const);

export class FakeFormApp {
  readonly ItemType = ItemType;
  readonly DestinationType = DestinationType;
  readonly Alignment = makeEnum(['LEFT', 'CENTER', 'RIGHT'] as const);
  readonly FeedbackType = makeEnum(['CORRECT', 'INCORRECT', 'GENERAL'] as const);
  readonly PageNavigationType = makeEnum(['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT'] as const);

  constructor(private readonly ctx: EmulatorContext) {}

  create(title: string): FakeForm {
    this.ctx.meter.record('FormApp', 'create', 0);
    const record = this.ctx.addFile({ name: title, mimeType: MIME.form, parents: ['root'], content: null });
    const content: FormContent = {
      kind: 'form',
      title,
      description: '',
      publishedKey: `1FAIpQLS${Buffer.from(record.id).toString('base64url')}`,
      collectEmail: false,
      requireLogin: false,
      limitOneResponsePerUser: false,
      allowResponseEdits: false,
      confirmationMessage: '',
      acceptingResponses: true,
      items: [],
      responses: [],
      destination: null,
      nextNumber: 1,
    };
    record.content = content;
    return new FakeForm(this.ctx, record.id);
  }

  openById(id: string): FakeForm {
    this.ctx.meter.record('FormApp', 'openById', 0);
    formContent(this.ctx, id);
    return new FakeForm(this.ctx, id);
  }

  /** Accepts the edit URL (/forms/d/<id>/…) and the published URL (/forms/d/e/<key>/…). */
  openByUrl(url: string): FakeForm {
    this.ctx.meter.record('FormApp', 'openByUrl', 0);
    const published = /\/forms\/d\/e\/([^/?#]+)/.exec(url);
    if (published) {
      for (const file of this.ctx.files.values()) {
        if (isFormContent(file.content) && file.content.publishedKey === published[1]) return new FakeForm(this.ctx, file.id);
      }
      throw new Error(NOT_FOUND);
    }
    const edit = /\/forms\/d\/([^/?#]+)/.exec(url);
    if (!edit) throw new Error('Invalid argument: url');
    formContent(this.ctx, edit[1]);
    return new FakeForm(this.ctx, edit[1]);
  }

  /** A Sheets add-on is not bound to a form. */
  getActiveForm(): FakeForm | null {
    this.ctx.meter.record('FormApp', 'getActiveForm', 0);
    return null;
  }
}

function formContent(ctx: EmulatorContext, id: string): FormContent {
  const record = ctx.file(id);
  if (!record || record.trashed || !isFormContent(record.content)) throw new Error(NOT_FOUND);
  return record.content;
}

function viewFormUrl(content: FormContent): string {
  return `https://docs.google.com/forms/d/e/${content.publishedKey}/viewform`;
}

// ---------------------------------------------------------------- Form

export class FakeForm {
  constructor(private readonly ctx: EmulatorContext, private readonly id: string) {}

  private get content(): FormContent {
    return formContent(this.ctx, this.id);
  }

  private record(method: string): FormContent {
    this.ctx.meter.record('FormApp', `Form.${method}`, 0);
    return this.content;
  }

  getId(): string { this.record('getId'); return this.id; }
  getTitle(): string { return this.record('getTitle').title; }
  setTitle(title: string): this { this.record('setTitle').title = title; return this; }
  getDescription(): string { return this.record('getDescription').description; }
  setDescription(description: string): this { this.record('setDescription').description = description; return this; }
  getPublishedUrl(): string { return viewFormUrl(this.record('getPublishedUrl')); }
  getEditUrl(): string { this.record('getEditUrl'); return `https://docs.google.com/forms/d/${this.id}/edit`; }
  getSummaryUrl(): string { this.record('getSummaryUrl'); return `https://docs.google.com/forms/d/${this.id}/viewanalytics`; }

  shortenFormUrl(url: string): string {
    this.record('shortenFormUrl');
    if (!/^https:\/\/docs\.google\.com\/forms\//.test(url)) throw new Error('Invalid argument: url');
    return `https://forms.gle/${Buffer.from(url).toString('base64url').slice(-17)}`;
  }

  collectsEmail(): boolean { return this.record('collectsEmail').collectEmail; }
  setCollectEmail(collect: boolean): this { this.record('setCollectEmail').collectEmail = collect; return this; }

  requiresLogin(): boolean { return this.record('requiresLogin').requireLogin; }
  setRequireLogin(requireLogin: boolean): this {
    const content = this.record('setRequireLogin');
    if (!settingsOf(this.ctx).domainAllowsRequireLogin) {
      throw new Error('Only Google Workspace accounts can restrict a form to users in their organisation; this account is not in a domain.');
    }
    content.requireLogin = requireLogin;
    return this;
  }

  hasLimitOneResponsePerUser(): boolean { return this.record('hasLimitOneResponsePerUser').limitOneResponsePerUser; }
  setLimitOneResponsePerUser(enabled: boolean): this { this.record('setLimitOneResponsePerUser').limitOneResponsePerUser = enabled; return this; }
  canEditResponse(): boolean { return this.record('canEditResponse').allowResponseEdits; }
  setAllowResponseEdits(enabled: boolean): this { this.record('setAllowResponseEdits').allowResponseEdits = enabled; return this; }
  getConfirmationMessage(): string { return this.record('getConfirmationMessage').confirmationMessage; }
  setConfirmationMessage(message: string): this { this.record('setConfirmationMessage').confirmationMessage = message; return this; }
  isAcceptingResponses(): boolean { return this.record('isAcceptingResponses').acceptingResponses; }
  setAcceptingResponses(enabled: boolean): this { this.record('setAcceptingResponses').acceptingResponses = enabled; return this; }

  // ---- destination

  /**
   * Links the form to a spreadsheet: Sheets adds a new first sheet "Form responses N" whose
   * header row is Timestamp, Email address (when collecting emails), then one column per question.
   */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): this {
    const content = this.record('setDestination');
    if (String(type) !== 'SPREADSHEET') throw new Error('Invalid argument: type');
    const ss = spreadsheetById(this.ctx, id);
    if (content.destination) unlinkSheet(this.ctx, content);
    let n = 1;
    while (ss.sheetNamed(`Form responses ${n}`)) n += 1;
    const sheet = ss.addSheet(`Form responses ${n}`, 0);
    sheet.frozenRows = 1;
    const columns: StoredDestination['columns'] = ['timestamp'];
    if (content.collectEmail) columns.push('email');
    for (const item of content.items) if (!NON_QUESTION.has(item.type)) columns.push(item.id);
    content.destination = { spreadsheetId: id, sheetId: sheet.sheetId, columns };
    const formUrl = `https://docs.google.com/forms/d/${this.id}/viewform`;
    sheet.formUrl = formUrl;
    ss.formUrl = formUrl;
    writeHeader(sheet, content);
    return this;
  }

  getDestinationId(): string {
    const content = this.record('getDestinationId');
    if (!content.destination) throw new Error('This form does not currently have a response destination.');
    return content.destination.spreadsheetId;
  }

  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    const content = this.record('getDestinationType');
    if (!content.destination) throw new Error('This form does not currently have a response destination.');
    return asEnum(DestinationType.SPREADSHEET);
  }

  /** Unlinks; the sheet and its rows stay, as in Sheets. */
  removeDestination(): this {
    const content = this.record('removeDestination');
    unlinkSheet(this.ctx, content);
    content.destination = null;
    return this;
  }

  // ---- items

  addCheckboxItem(): FakeItem { return this.addItem('addCheckboxItem', 'CHECKBOX'); }
  addDateItem(): FakeItem { return this.addItem('addDateItem', 'DATE'); }
  addListItem(): FakeItem { return this.addItem('addListItem', 'LIST'); }
  addMultipleChoiceItem(): FakeItem { return this.addItem('addMultipleChoiceItem', 'MULTIPLE_CHOICE'); }
  addParagraphTextItem(): FakeItem { return this.addItem('addParagraphTextItem', 'PARAGRAPH_TEXT'); }
  addScaleItem(): FakeItem { return this.addItem('addScaleItem', 'SCALE'); }
  addSectionHeaderItem(): FakeItem { return this.addItem('addSectionHeaderItem', 'SECTION_HEADER'); }
  addTextItem(): FakeItem { return this.addItem('addTextItem', 'TEXT'); }

  private addItem(method: string, type: ItemTypeName): FakeItem {
    const content = this.record(method);
    const n = content.nextNumber;
    content.nextNumber += 1;
    const item: ItemState = {
      id: 1000000000 + n * 7919,
      entryId: 2000000000 + n * 104729,
      type,
      title: '',
      helpText: '',
      required: false,
      choices: [],
      ...(type === 'SCALE' ? { scale: { lower: 1, upper: 5, leftLabel: '', rightLabel: '' } } : {}),
      ...(type === 'DATE' ? { includesYear: true } : {}),
    };
    content.items.push(item);
    // A linked sheet gains a column for a new question straight away.
    if (content.destination && !NON_QUESTION.has(type)) {
      content.destination.columns.push(item.id);
      const sheet = destinationSheet(this.ctx, content);
      if (sheet) writeHeader(sheet, content);
    }
    return new FakeItem(this.ctx, this.id, item.id, CLASS_OF[type] as string);
  }

  getItems(itemType?: GoogleAppsScript.Forms.ItemType): FakeItem[] {
    const content = this.record('getItems');
    return content.items
      .filter((i) => itemType === undefined || i.type === String(itemType))
      .map((i) => new FakeItem(this.ctx, this.id, i.id, 'Item'));
  }

  getItemById(id: number): FakeItem | null {
    const content = this.record('getItemById');
    return content.items.some((i) => i.id === id) ? new FakeItem(this.ctx, this.id, id, 'Item') : null;
  }

  deleteItem(indexOrItem: number | FakeItem): void {
    const content = this.record('deleteItem');
    const index = typeof indexOrItem === 'number' ? indexOrItem : content.items.findIndex((i) => i.id === indexOrItem.getIdUnmetered());
    if (index < 0 || index >= content.items.length) throw new Error(`Invalid argument: index ${index} is out of range.`);
    content.items.splice(index, 1);
  }

  moveItem(fromOrItem: number | FakeItem, to: number): FakeItem {
    const content = this.record('moveItem');
    const from = typeof fromOrItem === 'number' ? fromOrItem : content.items.findIndex((i) => i.id === fromOrItem.getIdUnmetered());
    if (from < 0 || from >= content.items.length || to < 0 || to >= content.items.length) {
      throw new Error('Invalid argument: the item index is out of range.');
    }
    const [item] = content.items.splice(from, 1);
    content.items.splice(to, 0, item);
    return new FakeItem(this.ctx, this.id, item.id, 'Item');
  }

  // ---- responses

  createResponse(): FakeFormResponse {
    this.record('createResponse');
    return new FakeFormResponse(this.ctx, this.id, null, []);
  }

  getResponses(timestamp?: Date): FakeFormResponse[] {
    const content = this.record('getResponses');
    return content.responses
      .filter((r) => !timestamp || new Date(r.timestamp).getTime() >= timestamp.getTime())
      .map((r) => new FakeFormResponse(this.ctx, this.id, r, r.answers));
  }

  getResponse(responseId: string): FakeFormResponse {
    const content = this.record('getResponse');
    const r = content.responses.find((x) => x.id === responseId);
    if (!r) throw new Error(`No response with ID ${responseId} exists for this form.`);
    return new FakeFormResponse(this.ctx, this.id, r, r.answers);
  }

  deleteAllResponses(): this {
    this.record('deleteAllResponses').responses = [];
    return this;
  }
}

// ---------------------------------------------------------------- items

export class FakeChoice {
  constructor(private readonly ctx: EmulatorContext, private readonly value: string) {}
  getValue(): string { this.ctx.meter.record('FormApp', 'Choice.getValue', 0); return this.value; }
  isCorrectAnswer(): boolean { this.ctx.meter.record('FormApp', 'Choice.isCorrectAnswer', 0); return false; }
  /** The value without metering, for the emulator's own use. */
  valueUnmetered(): string { return this.value; }
}

/**
 * One handle class serves every item type: `getItems()` returns it as "Item", and the as…Item()
 * casts check the type and return it under the specific class name (which is what the meter shows).
 */
export class FakeItem {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly formId: string,
    private readonly itemId: number,
    private readonly className: string,
  ) {}

  private state(method: string): ItemState {
    this.ctx.meter.record('FormApp', `${this.className}.${method}`, 0);
    return this.stateUnmetered();
  }

  private stateUnmetered(): ItemState {
    const item = formContent(this.ctx, this.formId).items.find((i) => i.id === this.itemId);
    if (!item) throw new Error('The item has been deleted from the form.');
    return item;
  }

  getIdUnmetered(): number { return this.itemId; }

  getId(): number { this.state('getId'); return this.itemId; }
  getTitle(): string { return this.state('getTitle').title; }
  setTitle(title: string): this {
    this.state('setTitle').title = title;
    const content = formContent(this.ctx, this.formId);
    const sheet = destinationSheet(this.ctx, content);
    if (sheet) writeHeader(sheet, content);
    return this;
  }
  getHelpText(): string { return this.state('getHelpText').helpText; }
  setHelpText(text: string): this { this.state('setHelpText').helpText = text; return this; }
  getType(): GoogleAppsScript.Forms.ItemType { return asEnum(this.state('getType').type); }
  getIndex(): number {
    this.state('getIndex');
    return formContent(this.ctx, this.formId).items.findIndex((i) => i.id === this.itemId);
  }
  isRequired(): boolean { return this.question('isRequired').required; }
  setRequired(enabled: boolean): this { this.question('setRequired').required = enabled; return this; }

  // ---- choices (list, multiple choice, checkbox)

  setChoiceValues(values: string[]): this {
    this.choiceItem('setChoiceValues').choices = values.map(String);
    return this;
  }
  setChoices(choices: FakeChoice[]): this {
    this.choiceItem('setChoices').choices = choices.map((c) => c.valueUnmetered());
    return this;
  }
  getChoices(): FakeChoice[] {
    return this.choiceItem('getChoices').choices.map((v) => new FakeChoice(this.ctx, v));
  }
  createChoice(value: string): FakeChoice {
    this.choiceItem('createChoice');
    return new FakeChoice(this.ctx, String(value));
  }

  // ---- scale and date

  setBounds(lower: number, upper: number): this {
    const item = this.ofType('setBounds', 'SCALE');
    if (!(lower === 0 || lower === 1) || upper < 3 || upper > 10) throw new Error('Invalid argument: the scale must start at 0 or 1 and end between 3 and 10.');
    (item.scale as NonNullable<ItemState['scale']>).lower = lower;
    (item.scale as NonNullable<ItemState['scale']>).upper = upper;
    return this;
  }
  setLabels(lower: string, upper: string): this {
    const item = this.ofType('setLabels', 'SCALE');
    (item.scale as NonNullable<ItemState['scale']>).leftLabel = lower;
    (item.scale as NonNullable<ItemState['scale']>).rightLabel = upper;
    return this;
  }
  getLowerBound(): number { return this.ofType('getLowerBound', 'SCALE').scale?.lower ?? 1; }
  getUpperBound(): number { return this.ofType('getUpperBound', 'SCALE').scale?.upper ?? 5; }
  getLeftLabel(): string { return this.ofType('getLeftLabel', 'SCALE').scale?.leftLabel ?? ''; }
  getRightLabel(): string { return this.ofType('getRightLabel', 'SCALE').scale?.rightLabel ?? ''; }
  setIncludesYear(enableYear: boolean): this { this.ofType('setIncludesYear', 'DATE').includesYear = enableYear; return this; }
  includesYear(): boolean { return this.ofType('includesYear', 'DATE').includesYear !== false; }

  // ---- casts

  asCheckboxItem(): FakeItem { return this.cast('asCheckboxItem', 'CHECKBOX'); }
  asDateItem(): FakeItem { return this.cast('asDateItem', 'DATE'); }
  asListItem(): FakeItem { return this.cast('asListItem', 'LIST'); }
  asMultipleChoiceItem(): FakeItem { return this.cast('asMultipleChoiceItem', 'MULTIPLE_CHOICE'); }
  asParagraphTextItem(): FakeItem { return this.cast('asParagraphTextItem', 'PARAGRAPH_TEXT'); }
  asScaleItem(): FakeItem { return this.cast('asScaleItem', 'SCALE'); }
  asSectionHeaderItem(): FakeItem { return this.cast('asSectionHeaderItem', 'SECTION_HEADER'); }
  asTextItem(): FakeItem { return this.cast('asTextItem', 'TEXT'); }

  private cast(method: string, type: ItemTypeName): FakeItem {
    const item = this.state(method);
    if (item.type !== type) throw new Error(`Item ${this.itemId} is a ${item.type} item and cannot be cast to ${CLASS_OF[type]}.`);
    return new FakeItem(this.ctx, this.formId, this.itemId, CLASS_OF[type] as string);
  }

  // ---- responses

  /** Builds an answer to this item; choice items refuse a value that is not one of their choices. */
  createResponse(response: string | string[] | number | Date): FakeItemResponse {
    const item = this.question('createResponse');
    const value = answerFromScript(item, response);
    const problem = answerProblem(item, value);
    if (problem) throw new Error(`Invalid response submitted to item "${item.title}": ${problem}`);
    return new FakeItemResponse(this.ctx, this.formId, this.itemId, value);
  }

  private question(method: string): ItemState {
    const item = this.state(method);
    if (NON_QUESTION.has(item.type)) throw new Error(`${this.className}.${method} is not available: a ${item.type} item is not a question.`);
    return item;
  }

  private choiceItem(method: string): ItemState {
    const item = this.state(method);
    if (!CHOICE_TYPES.has(item.type)) throw new Error(`${this.className}.${method} is only available on list, multiple-choice and checkbox items.`);
    return item;
  }

  private ofType(method: string, type: ItemTypeName): ItemState {
    const item = this.state(method);
    if (item.type !== type) throw new Error(`${this.className}.${method} is only available on ${CLASS_OF[type]}s.`);
    return item;
  }
}

/** Script-side answers: a Date becomes "yyyy-MM-dd" in the script's zone; a scale number its text. */
function answerFromScript(item: ItemState, response: string | string[] | number | Date): string | string[] {
  if (item.type === 'CHECKBOX') {
    if (!Array.isArray(response)) throw new Error('Invalid argument: a checkbox item takes an array of choices.');
    return response.map(String);
  }
  if (response instanceof Date) {
    const p = zonedParts(response, SCRIPT_TIME_ZONE);
    return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  }
  if (Array.isArray(response)) throw new Error(`Invalid argument: a ${item.type} item takes a single answer.`);
  return String(response);
}

/** Why a (non-empty) answer is not acceptable for this item, or null when it is. */
function answerProblem(item: ItemState, value: string | string[]): string | null {
  const values = Array.isArray(value) ? value : [value];
  if (CHOICE_TYPES.has(item.type)) {
    const bad = values.find((v) => !item.choices.includes(v));
    if (bad !== undefined) return `"${bad}" is not one of the choices (${item.choices.map((c) => `"${c}"`).join(', ')}).`;
    if (item.type !== 'CHECKBOX' && values.length !== 1) return 'only one choice may be given.';
  }
  if (item.type === 'SCALE') {
    const n = Number(values[0]);
    const { lower, upper } = item.scale ?? { lower: 1, upper: 5 };
    if (!Number.isInteger(n) || n < lower || n > upper) return `"${values[0]}" is not a whole number from ${lower} to ${upper}.`;
  }
  if (item.type === 'DATE') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values[0]);
    const valid = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDate() === +m[3];
    if (!valid) return `"${values[0]}" is not a date written as yyyy-mm-dd.`;
  }
  return null;
}

function isEmptyAnswer(value: string | string[] | undefined): boolean {
  return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
}

// ---------------------------------------------------------------- responses

export class FakeItemResponse {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly formId: string,
    readonly itemId: number,
    readonly value: string | string[],
  ) {}

  getItem(): FakeItem {
    this.ctx.meter.record('FormApp', 'ItemResponse.getItem', 0);
    return new FakeItem(this.ctx, this.formId, this.itemId, 'Item');
  }

  getResponse(): string | string[] {
    this.ctx.meter.record('FormApp', 'ItemResponse.getResponse', 0);
    return Array.isArray(this.value) ? [...this.value] : this.value;
  }
}

export class FakeFormResponse {
  private answers: Array<{ itemId: number; value: string | string[] }>;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly formId: string,
    private stored: StoredResponse | null,
    answers: Array<{ itemId: number; value: string | string[] }>,
  ) {
    this.answers = answers.map((a) => ({ ...a }));
  }

  private record(method: string): FormContent {
    this.ctx.meter.record('FormApp', `FormResponse.${method}`, 0);
    return formContent(this.ctx, this.formId);
  }

  /** Adds (or replaces) the answer to one item. */
  withItemResponse(response: FakeItemResponse): this {
    this.record('withItemResponse');
    if (this.stored) throw new Error('This response has already been submitted; create a new response to change answers.');
    this.answers = this.answers.filter((a) => a.itemId !== response.itemId);
    this.answers.push({ itemId: response.itemId, value: response.value });
    return this;
  }

  /** The form's viewform URL with "usp=pp_url" and one "entry.<n>=" field per answer. */
  toPrefilledUrl(): string {
    const content = this.record('toPrefilledUrl');
    const params = new URLSearchParams({ usp: 'pp_url' });
    for (const item of content.items) {
      const answer = this.answers.find((a) => a.itemId === item.id);
      if (!answer) continue;
      for (const v of Array.isArray(answer.value) ? answer.value : [answer.value]) params.append(`entry.${item.entryId}`, v);
    }
    return `${viewFormUrl(content)}?${params.toString()}`;
  }

  getId(): string | null { this.record('getId'); return this.stored?.id ?? null; }
  getTimestamp(): Date | null { this.record('getTimestamp'); return this.stored ? new Date(this.stored.timestamp) : null; }
  getRespondentEmail(): string { this.record('getRespondentEmail'); return this.stored?.respondentEmail ?? ''; }
  getEditResponseUrl(): string {
    const content = this.record('getEditResponseUrl');
    return this.stored ? `${viewFormUrl(content)}?edit2=${Buffer.from(this.stored.id).toString('base64url')}` : '';
  }

  getItemResponses(): FakeItemResponse[] {
    const content = this.record('getItemResponses');
    // In form order, skipping unanswered questions, as Forms does.
    return content.items
      .map((item) => this.answers.find((a) => a.itemId === item.id))
      .filter((a): a is { itemId: number; value: string | string[] } => a !== undefined && !isEmptyAnswer(a.value))
      .map((a) => new FakeItemResponse(this.ctx, this.formId, a.itemId, a.value));
  }

  getResponseForItem(item: FakeItem): FakeItemResponse | null {
    this.record('getResponseForItem');
    const answer = this.answers.find((a) => a.itemId === item.getIdUnmetered());
    return answer ? new FakeItemResponse(this.ctx, this.formId, answer.itemId, answer.value) : null;
  }

  /**
   * Stores the response and writes it to the destination sheet. Like the real service, a
   * script's submit() does not fire installable form-submit triggers.
   */
  submit(): this {
    const content = this.record('submit');
    if (this.stored) throw new Error('This response has already been submitted.');
    this.stored = storeResponse(content, this.answers, '', this.ctx.now());
    appendResponseRow(this.ctx, content, this.stored);
    return this;
  }
}

function storeResponse(content: FormContent, answers: StoredResponse['answers'], email: string, at: Date): StoredResponse {
  const n = content.nextNumber;
  content.nextNumber += 1;
  const stored: StoredResponse = {
    id: `2_ABaOnud${content.publishedKey.slice(-10)}_${n.toString(36).padStart(6, '0')}`,
    timestamp: at.toISOString(),
    respondentEmail: email,
    answers: answers.map((a) => ({ itemId: a.itemId, value: Array.isArray(a.value) ? [...a.value] : a.value })),
  };
  content.responses.push(stored);
  return stored;
}

// ---------------------------------------------------------------- the response sheet

function destinationSheet(ctx: EmulatorContext, content: FormContent): FakeSheet | null {
  const d = content.destination;
  if (!d) return null;
  const ss = findSpreadsheet(ctx, d.spreadsheetId);
  return ss?.sheets.find((s) => s.sheetId === d.sheetId) ?? null;
}

function unlinkSheet(ctx: EmulatorContext, content: FormContent): void {
  const sheet = destinationSheet(ctx, content);
  if (sheet) {
    sheet.formUrl = null;
    if (!sheet.spreadsheet.sheets.some((s) => s !== sheet && s.formUrl)) sheet.spreadsheet.formUrl = null;
  }
}

function columnTitle(content: FormContent, column: StoredDestination['columns'][number]): string | undefined {
  if (column === 'timestamp') return 'Timestamp';
  if (column === 'email') return 'Email address';
  // A deleted question keeps its column and header, as in Sheets.
  return content.items.find((i) => i.id === column)?.title;
}

/** Writes the header row: Forms keeps it in step with question titles. */
function writeHeader(sheet: FakeSheet, content: FormContent): void {
  const d = content.destination as StoredDestination;
  if (content.collectEmail && !d.columns.includes('email')) d.columns.push('email');
  d.columns.forEach((column, c) => {
    const title = columnTitle(content, column);
    if (title !== undefined) writeCell(sheet, 0, c, title);
  });
}

/**
 * Stores a value as Forms does: no formulas (an answer "=1+1" stays text), but numbers and
 * dates become numbers and dates. Forms writes as the form, so sheet protection does not apply.
 */
function writeCell(sheet: FakeSheet, r: number, c: number, value: unknown, numberFormat?: string): void {
  if (r + 1 > sheet.maxRows) sheet.maxRows = r + 1;
  if (c + 1 > sheet.maxColumns) sheet.maxColumns = c + 1;
  const input = typeof value === 'string' && value.startsWith('=') ? `'${value}` : value;
  const coerced = coerceInput(input, undefined, sheet.spreadsheet.timeZone);
  sheet.values.set(r, c, coerced.value);
  sheet.formulas.set(r, c, undefined);
  const format = numberFormat ?? coerced.inferredFormat;
  if (format) sheet.numberFormats.set(r, c, format);
}

interface RowWritten { sheet: FakeSheet; row: number; values: string[]; namedValues: Record<string, string[]> }

/** Appends the response after the last row, returning what the Sheets event reports. */
function appendResponseRow(ctx: EmulatorContext, content: FormContent, response: StoredResponse): RowWritten | null {
  const d = content.destination;
  if (!d) return null;
  let sheet = destinationSheet(ctx, content);
  if (!sheet) {
    // Someone deleted the response sheet: Sheets makes a fresh one on the next response.
    const ss = spreadsheetById(ctx, d.spreadsheetId);
    let n = 1;
    while (ss.sheetNamed(`Form responses ${n}`)) n += 1;
    sheet = ss.addSheet(`Form responses ${n}`, 0);
    sheet.frozenRows = 1;
    d.sheetId = sheet.sheetId;
  }
  for (const item of content.items) {
    if (!NON_QUESTION.has(item.type) && !d.columns.includes(item.id)) d.columns.push(item.id);
  }
  writeHeader(sheet, content);
  const tz = sheet.spreadsheet.timeZone;
  const at = new Date(response.timestamp);
  const r = Math.max(1, sheet.lastRow());
  const values: string[] = [];
  const namedValues: Record<string, string[]> = {};
  d.columns.forEach((column, c) => {
    let cell: unknown = '';
    let text = '';
    let format: string | undefined;
    if (column === 'timestamp') {
      cell = at;
      text = formatTimestamp(at, tz);
      format = 'dd/mm/yyyy hh:mm:ss';
    } else if (column === 'email') {
      cell = response.respondentEmail;
      text = response.respondentEmail;
    } else {
      const item = content.items.find((i) => i.id === column);
      const answer = response.answers.find((a) => a.itemId === column)?.value;
      if (item && !isEmptyAnswer(answer)) {
        if (item.type === 'DATE') {
          const [y, m, day] = (answer as string).split('-').map(Number);
          cell = zonedTimeToUtc(y, m, day, 0, 0, 0, tz);
          text = `${String(day).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
          format = 'dd/mm/yyyy';
        } else if (item.type === 'SCALE') {
          cell = Number(answer);
          text = String(answer);
        } else {
          text = Array.isArray(answer) ? answer.join(', ') : (answer as string);
          cell = text;
        }
      }
    }
    if (cell !== '') writeCell(sheet as FakeSheet, r, c, cell, format);
    values.push(text);
    const title = columnTitle(content, column);
    if (title !== undefined) (namedValues[title] ??= []).push(text);
  });
  sheet.spreadsheet.touch();
  return { sheet, row: r + 1, values, namedValues };
}

/** The timestamp as e.values carries it for an en_GB spreadsheet: dd/MM/yyyy HH:mm:ss. */
function formatTimestamp(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

// ---------------------------------------------------------------- controller

/** The payload of a Sheets form-submit event before the trigger machinery adds authMode and triggerUid. */
export interface FormSubmitEventPayload {
  namedValues: Record<string, string[]>;
  range: GoogleAppsScript.Spreadsheet.Range;
  source: GoogleAppsScript.Spreadsheet.Spreadsheet;
  values: string[];
}

export interface SubmitAsUserOptions {
  respondentEmail?: string;
  /** When the person pressed Submit (defaults to the emulator clock). */
  at?: Date;
  /** false: the response is recorded but the trigger never arrives (a lost delivery). Default true. */
  fireTriggers?: boolean;
}

export interface SubmittedAsUser {
  responseId: string;
  /** The sheet row the response went to (1-based), or null without a destination. */
  row: number | null;
  /** The event delivered (or that would have been, when fireTriggers is false). */
  event: FormSubmitEventPayload | null;
}

/** What people and Google do to forms, for tests and the workbench. Exposed as workspace.forms. */
export class FormsController {
  constructor(private readonly ctx: EmulatorContext) {}

  /** A Google Workspace domain (true, the default) allows setRequireLogin; a consumer account does not. */
  get domainAllowsRequireLogin(): boolean { return settingsOf(this.ctx).domainAllowsRequireLogin; }
  set domainAllowsRequireLogin(allowed: boolean) { settingsOf(this.ctx).domainAllowsRequireLogin = allowed; }

  /**
   * A person fills the form in and presses Submit. Answers are keyed by question title (a
   * checkbox question takes an array). Validates as the form does, records the response, appends
   * the row to the destination sheet and fires the spreadsheet's form-submit triggers.
   */
  submitAsUser(formId: string, answers: Record<string, string | string[]>, options: SubmitAsUserOptions = {}): SubmittedAsUser {
    const content = formContent(this.ctx, formId);
    const title = content.title;
    if (!content.acceptingResponses) throw new Error(`The form "${title}" is no longer accepting responses.`);
    const email = options.respondentEmail ?? '';
    if ((content.collectEmail || content.requireLogin) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      throw new Error(`The form "${title}" collects email addresses: give a valid respondentEmail.`);
    }
    if (content.limitOneResponsePerUser && email && content.responses.some((r) => r.respondentEmail.toLowerCase() === email.toLowerCase())) {
      throw new Error(`${email} has already responded to "${title}", which allows one response per person.`);
    }
    const questions = content.items.filter((i) => !NON_QUESTION.has(i.type));
    for (const key of Object.keys(answers)) {
      if (!questions.some((q) => q.title === key)) {
        throw new Error(`The form "${title}" has no question titled "${key}". Its questions are: ${questions.map((q) => `"${q.title}"`).join(', ')}.`);
      }
    }
    const stored: StoredResponse['answers'] = [];
    for (const item of questions) {
      const raw = answers[item.title];
      if (isEmptyAnswer(raw)) {
        if (item.required) throw new Error(`"${item.title}" is a required question.`);
        continue;
      }
      const value = item.type === 'CHECKBOX' ? (Array.isArray(raw) ? raw : [raw as string]) : raw as string | string[];
      const problem = answerProblem(item, value);
      if (problem) throw new Error(`The answer to "${item.title}" is not accepted: ${problem}`);
      stored.push({ itemId: item.id, value });
    }
    const response = storeResponse(content, stored, email, options.at ?? this.ctx.now());
    const written = appendResponseRow(this.ctx, content, response);
    if (!written) return { responseId: response.id, row: null, event: null };
    const event: FormSubmitEventPayload = {
      namedValues: written.namedValues,
      range: asRange(written.sheet.rangeAt(written.row - 1, 0, 1, written.values.length)),
      source: asSpreadsheet(written.sheet.spreadsheet),
      values: written.values,
    };
    if (options.fireTriggers !== false) fireFormSubmitTriggers(this.ctx, written.sheet.spreadsheet.file.id, { ...event });
    return { responseId: response.id, row: written.row, event };
  }

  /** Apps Script delivers at least once: the same event arrives again. */
  fireDuplicate(event: FormSubmitEventPayload): void {
    fireFormSubmitTriggers(this.ctx, (event.source as unknown as FakeSpreadsheet).file.id, { ...event });
  }

  /**
   * The blank second event seen in the wild (google-forms-to-slack #6/#7): empty namedValues
   * and values, with the range of the last response row.
   */
  fireBlankEvent(spreadsheetId: string): FormSubmitEventPayload {
    const ss = spreadsheetById(this.ctx, spreadsheetId);
    const sheet = ss.sheets.find((s) => s.formUrl) ?? ss.sheets[0];
    const row = Math.max(1, sheet.lastRow());
    const event: FormSubmitEventPayload = {
      namedValues: {},
      range: asRange(sheet.rangeAt(row - 1, 0, 1, Math.max(1, sheet.lastColumn()))),
      source: asSpreadsheet(ss),
      values: [],
    };
    fireFormSubmitTriggers(this.ctx, spreadsheetId, { ...event });
    return event;
  }

  /** The stored responses of a form, oldest first (no metering). */
  responses(formId: string): readonly StoredResponse[] {
    return formContent(this.ctx, formId).responses;
  }

  /** The form's question items (title, type, choices, entry id) without metering. */
  items(formId: string): readonly ItemState[] {
    return formContent(this.ctx, formId).items;
  }

  toJSON(): FormsSettings {
    return { ...settingsOf(this.ctx) };
  }

  fromJSON(data: Partial<FormsSettings> | undefined): void {
    settings.set(this.ctx, { domainAllowsRequireLogin: data?.domainAllowsRequireLogin ?? true });
  }
}

function asRange(range: unknown): GoogleAppsScript.Spreadsheet.Range {
  return range as GoogleAppsScript.Spreadsheet.Range;
}

function asSpreadsheet(ss: FakeSpreadsheet): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/** The `FormApp` global (a subset: the methods the add-on and its tests use). */
export function createFormApp(ctx: EmulatorContext): GoogleAppsScript.Forms.FormApp {
  return new FakeFormApp(ctx) as unknown as GoogleAppsScript.Forms.FormApp;
}
