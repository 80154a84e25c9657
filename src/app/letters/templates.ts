/**
 * The letters folder and the default templates, made once by "Set up / repair register" and kept
 * by id in document properties. A template someone deleted is made again; one that exists is
 * never touched (it is the school's to edit), so set-up never duplicates or overwrites.
 */
import { UserFacingError } from '../../domain/errors';
import {
  DEFAULT_TEMPLATES,
  LETTERS_FOLDER_NAME,
  LETTERS_FOLDER_STATE_KEY,
  TEMPLATE_NAMES,
  TEMPLATE_STATE_KEYS,
} from '../../domain/letters/templates';
import { LETTER_KINDS, type LetterKind } from '../../domain/work/vocabulary';
import type { DriveItem } from '../../ports';
import type { AppContext } from '../context';
import type { SetUpStep } from '../setupSteps';
import { recordAudit } from '../audit';

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

export function ensureLetterTemplates(ctx: AppContext): string[] {
  const { documents, state } = ctx.services;
  const lines: string[] = [];
  const made: string[] = [];
  const rootId = state.get(LETTERS_FOLDER_STATE_KEY);
  let root: DriveItem | null = rootId ? documents.find(rootId) : null;
  if (!root) {
    root = documents.createFolder(LETTERS_FOLDER_NAME);
    state.set({ [LETTERS_FOLDER_STATE_KEY]: root.id });
    made.push(`folder ${root.url}`);
    lines.push(`Letters to parents will be kept in the Drive folder "${LETTERS_FOLDER_NAME}" (${root.url}), shared with no one.`);
  } else {
    const removed = documents.restrictFolder(root.id);
    if (removed.length) {
      lines.push(`The letters folder was shared with ${removed.join(' and ')}: that sharing has been removed, because letters hold pupils\u2019 details.`);
      made.push(`folder sharing removed: ${removed.join(', ')}`);
    }
  }
  for (const kind of LETTER_KINDS) {
    const key = TEMPLATE_STATE_KEYS[kind];
    const id = state.get(key);
    const existing = id ? documents.find(id) : null;
    if (existing) continue;
    const doc = documents.createDocument(TEMPLATE_NAMES[kind], DEFAULT_TEMPLATES[kind], root.id);
    state.set({ [key]: doc.id });
    made.push(`${kind} template ${doc.url}`);
    lines.push(id
      ? `The ${kind.toLowerCase()} template had been deleted, so a new default one was made: ${doc.url}`
      : `A ${kind.toLowerCase()} template was made for you to edit: ${doc.url}. Move the {{placeholders}} wherever you like.`);
  }
  if (made.length) recordAudit(ctx, [{ action: 'Letter templates set up', after: made.join('; ') }]);
  return lines;
}

export const LETTER_TEMPLATES_STEP: SetUpStep = {
  name: 'Letter templates',
  run: (ctx) => ensureLetterTemplates(ctx),
};

/** The template's id, or a plain instruction when set-up has not made it. */
export function templateId(ctx: AppContext, kind: LetterKind): string {
  const id = ctx.services.state.get(TEMPLATE_STATE_KEYS[kind]);
  if (!id) throw new UserFacingError(`There is no ${kind.toLowerCase()} template yet. Choose Extensions \u203a Health Needs Register \u203a Set up / repair register to make it.`);
  return id;
}

export function templateMissing(kind: LetterKind): UserFacingError {
  return new UserFacingError(`The ${kind.toLowerCase()} template has been deleted or cannot be opened. Choose Extensions \u203a Health Needs Register \u203a Set up / repair register to make a new one.`);
}

/**
 * A template's text, read once. When it cannot be read, one more call tells a deleted template
 * (a plain instruction to run set-up) from any other failure (passed on as it is).
 */
export function readTemplateText(ctx: AppContext, kind: LetterKind, id: string): string {
  try {
    return ctx.services.documents.readText(id);
  } catch (error) {
    if (!ctx.services.documents.find(id)) throw templateMissing(kind);
    throw error;
  }
}
