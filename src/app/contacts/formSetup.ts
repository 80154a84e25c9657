/**
 * The contact Form and the two triggers, made or repaired by "Set up / repair register", and the
 * pupil dropdown kept in step with the open cases.
 *
 * Editor add-ons may have one trigger of each type per user per document, so there is exactly one
 * form-submit trigger (onContactFormSubmit) and one daily trigger (runDailyCheck); other areas'
 * daily work joins the daily check rather than adding triggers.
 */
import { CASES } from '../../domain/schema';
import { contactFormSpec, prefilledLink, pupilChoice, CONTACT_FORM_RESPONSES } from '../../domain/contactForm';
import type { RowChange, StoredRow, TriggerInfo } from '../../ports';
import { submitTriggerRecord } from '../trust/triggerCheckStamp';
import type { AppContext } from '../context';
import type { SetUpStep } from '../setupSteps';
import { DAILY_HANDLER, KEY, readCursor, SUBMIT_HANDLER, writeCursor } from './keys';
import { contactChoices } from './logContact';

export interface OpenCaseChoice {
  readonly ref: string;
  readonly rowNumber: number;
  readonly choice: string;
}

/** The dropdown's choices, one per open case, in name order. */
export function openCaseChoices(rows: ReadonlyArray<{ rowNumber: number; values: StoredRow['values'] }>): OpenCaseChoice[] {
  return rows
    .filter((r) => String(r.values.status).trim() === 'Open' && String(r.values.ref).trim() !== '')
    .map((r) => ({
      ref: String(r.values.ref).trim(),
      rowNumber: r.rowNumber,
      name: String(r.values.pupilName).trim(),
      choice: pupilChoice(String(r.values.pupilName), String(r.values.yearGroup), String(r.values.ref).trim()),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.ref.localeCompare(b.ref))
    .map(({ ref, rowNumber, choice }) => ({ ref, rowNumber, choice }));
}

export function choicesHash(ctx: AppContext, choices: readonly OpenCaseChoice[]): string {
  return ctx.services.digest.sha256Hex(choices.map((c) => c.choice).join('\n'));
}

/**
 * Sends the choices to the Form when they changed since last time (a fixed four FormApp calls),
 * and says so. Returns false when there is no Form yet.
 */
export function syncPupilChoices(ctx: AppContext, choices: readonly OpenCaseChoice[]): boolean {
  const { state, contactForm } = ctx.services;
  const formId = state.get(KEY.formId);
  const itemId = Number(state.get(KEY.pupilItemId));
  if (!formId || !itemId) return false;
  const hash = choicesHash(ctx, choices);
  if (state.get(KEY.choicesHash) === hash) return false;
  contactForm.setPupilChoices(formId, itemId, choices.map((c) => c.choice));
  state.set({ [KEY.choicesHash]: hash });
  return true;
}

/** Contact form link changes for every case whose link is not what it should be (open: pre-filled; closed: blank). */
export function linkChanges(ctx: AppContext, rows: readonly StoredRow[], choices: readonly OpenCaseChoice[]): RowChange[] {
  const template = ctx.services.state.get(KEY.linkTemplate) ?? '';
  if (!template) return [];
  const wanted = new Map(choices.map((c) => [c.rowNumber, prefilledLink(template, c.choice)]));
  const changes: RowChange[] = [];
  for (const row of rows) {
    const link = wanted.get(row.rowNumber) ?? '';
    if (String(row.values.contactFormLink) !== link) changes.push({ rowNumber: row.rowNumber, values: { contactFormLink: link } });
  }
  return changes;
}

/**
 * Call after a case is opened or closed (or its name or year changes): the Form's dropdown and
 * the cases' pre-filled links follow. One read of the Cases sheet, at most one small write and
 * four FormApp calls. The caller holds the document lock if it is changing cases.
 */
export function casesChanged(ctx: AppContext): void {
  const rows = ctx.services.tables.readAll(CASES);
  const choices = openCaseChoices(rows);
  syncPupilChoices(ctx, choices);
  const changes = linkChanges(ctx, rows, choices);
  if (changes.length) ctx.services.tables.update(CASES, changes);
}

/** Starts every follow-up casesChangedFollowUp reports, so a page or a test can tell it from other next actions. */
export const FORM_FOLLOW_UP = 'The contact Form has not caught up yet';

/**
 * casesChanged for a case change already saved: the Form (and the cases' pre-filled links) are a
 * follow-up of that change, never a condition of it, so a Forms or Sheets failure here is
 * reported, not thrown. Nothing is lost: the next case opened or closed, the same request made
 * again, or the daily check sends the choices again (the choices' hash only moves on once the
 * Form has taken them). Returns the follow-up to show, or null when all is in step.
 */
export function casesChangedFollowUp(ctx: AppContext): string | null {
  try {
    casesChanged(ctx);
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    console.warn(`The contact Form's pupil list or the cases' Form links could not be updated: ${detail}`);
    return `${FORM_FOLLOW_UP}: its pupil list and this case\u2019s Form link could not be updated just now (Google said: ${detail.slice(0, 200)}). ` +
      'The case itself is saved. Do the same again in a few minutes to finish it, or the daily check will put it right tonight.';
  }
}

export const CONTACT_FORM_STEP: SetUpStep = {
  name: 'Contact form and triggers',
  run(ctx: AppContext): string[] {
    const { state, tables, contactForm } = ctx.services;
    const lines: string[] = [];
    const lists = contactChoices(ctx);
    const rows = tables.readAll(CASES);
    const choices = openCaseChoices(rows);
    const editors = [...new Set([...ctx.coordinators(), ctx.actorEmail].filter(Boolean))];
    const form = contactForm.ensure(
      state.get(KEY.formId),
      contactFormSpec({ contacted: lists.contacted, methods: lists.methods, outcomes: lists.outcomes }),
      choices.map((c) => c.choice),
      editors,
    );
    const sheetId = String(form.responsesSheetId);
    const updates: Record<string, string> = {
      [KEY.formId]: form.formId,
      [KEY.pupilItemId]: String(form.pupilItemId),
      [KEY.publishedUrl]: form.publishedUrl,
      [KEY.linkTemplate]: form.linkTemplate,
      [KEY.responsesSheet]: sheetId,
      [KEY.choicesHash]: choicesHash(ctx, choices),
    };
    if (form.relinked) {
      state.set({ [KEY.responsesSheet]: sheetId });
      // A sheet the Form has just been linked to may be filled with its earlier responses, which
      // were copied from the sheet it wrote to before (or predate this register): start after them.
      const last = tables.readTail(CONTACT_FORM_RESPONSES, 1)[0]?.rowNumber ?? 1;
      updates[KEY.cursor] = writeCursor({ sheetId, row: last });
    } else if (readCursor(state.get(KEY.cursor), sheetId).row === 1) {
      updates[KEY.cursor] = writeCursor({ sheetId, row: 1 });
    }
    state.set(updates);
    lines.push(form.created
      ? `Contact form made: staff log contacts at ${form.publishedUrl} (each case has its own link with the pupil chosen, in the "Contact form link" column).`
      : `Contact form checked: ${form.publishedUrl}.`);
    lines.push(...form.notes);

    const links = linkChanges(ctx, rows, choices);
    if (links.length) tables.update(CASES, links);

    lines.push(...ensureTriggers(ctx));
    return lines;
  },
};

/**
 * Exactly one of each of our triggers for this user: duplicates removed, a missing one made. The
 * daily trigger's id is kept in document properties, because a time-driven trigger is not listed
 * against the spreadsheet everywhere: it is looked for by that id among the project's triggers,
 * and only triggers listed against this spreadsheet are ever removed (others may be another
 * register's).
 */
export function ensureTriggers(ctx: AppContext): string[] {
  const { triggers, state } = ctx.services;
  const lines: string[] = [];
  const hour = ctx.settings.number('Daily check hour');
  const here = triggers.list();
  const submit = here.filter((t) => t.handler === SUBMIT_HANDLER && t.kind === 'formSubmit');
  for (const extra of submit.slice(1)) triggers.remove(extra.id);
  let submitTrigger = submit[0];
  if (!submitTrigger) {
    submitTrigger = triggers.createFormSubmit(SUBMIT_HANDLER);
    lines.push('Contacts sent on the Form are now copied to the Contact log as they arrive.');
  }

  const isDaily = (t: TriggerInfo) => t.handler === DAILY_HANDLER && t.kind === 'timeDriven';
  const recordedId = state.get(KEY.dailyTriggerId) ?? '';
  const recorded = recordedId ? triggers.projectTriggers().find((t) => t.id === recordedId && isDaily(t)) : undefined;
  const listedHere = here.filter(isDaily);
  let keep: TriggerInfo | undefined = recorded ?? listedHere[0];
  for (const extra of listedHere) if (extra.id !== keep?.id) triggers.remove(extra.id);
  if (keep && state.get(KEY.dailyHour) !== String(hour)) {
    // The hour setting changed: a trigger's hour cannot be changed, so it is made again.
    triggers.remove(keep.id);
    keep = undefined;
  }
  if (!keep) {
    keep = triggers.createDaily(DAILY_HANDLER, hour);
    lines.push(`The daily check will run each day at about ${String(hour).padStart(2, '0')}:00 and email the coordinator a list of pupils to contact.`);
  }
  // This user's form-submit trigger runs as them: recorded so its runs need not ask who they run as.
  state.set({ [KEY.dailyTriggerId]: keep.id, [KEY.dailyHour]: String(hour), ...submitTriggerRecord(submitTrigger.id, ctx.actorEmail) });

  const others = here.filter((t) => (t.kind === 'formSubmit' && t.handler !== SUBMIT_HANDLER) || (t.kind === 'timeDriven' && t.handler !== DAILY_HANDLER));
  for (const other of others) {
    lines.push(`You also have a ${other.kind === 'formSubmit' ? 'form-submit' : 'timed'} trigger for "${other.handler}" on this register; the add-on left it alone.`);
  }
  return lines;
}
