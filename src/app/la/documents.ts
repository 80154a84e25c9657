/**
 * Documents for LA arrangements and reintegration, through the letters area's Documents port:
 * templates made once by set-up (ids kept in document properties, made again if deleted, never
 * duplicated), each case's restricted folder (the same folder its letters go to), and a
 * document made by copying a template and replacing its placeholders in one batch.
 */
import { LETTERS_FOLDER_NAME, LETTERS_FOLDER_STATE_KEY } from '../../domain/letters/templates';
import { caseFolderName } from '../../domain/letters/naming';
import { checkPlaceholders } from '../../domain/letters/placeholders';
import {
  DEFAULT_LA_TEMPLATES,
  LA_DOCUMENT_FIELDS,
  LA_DOCUMENT_KINDS,
  LA_FOLDER_NAME,
  LA_FOLDER_STATE_KEY,
  LA_TEMPLATE_NAMES,
  LA_TEMPLATE_STATE_KEYS,
  type LaDocumentKind,
} from '../../domain/la/documents';
import { UserFacingError } from '../../domain/errors';
import type { DriveItem } from '../../ports';
import type { AppContext } from '../context';

/** A folder kept by id in document properties: found again, or made (and locked down) when missing. */
function keptFolder(ctx: AppContext, key: string, name: string): { folder: DriveItem; created: boolean } {
  const { documents, state } = ctx.services;
  const id = state.get(key);
  const found = id ? documents.find(id) : null;
  if (found) return { folder: found, created: false };
  const folder = documents.createFolder(name);
  documents.restrictFolder(folder.id);
  state.set({ [key]: folder.id });
  return { folder, created: true };
}

/** Where templates and governors' reports live. */
export function laFolder(ctx: AppContext): DriveItem {
  return keptFolder(ctx, LA_FOLDER_STATE_KEY, LA_FOLDER_NAME).folder;
}

/**
 * The case's restricted folder: the one its letters to parents go in (inside the letters folder,
 * named by case reference only), found by name or made.
 */
export function caseFolder(ctx: AppContext, ref: string): DriveItem {
  const { documents } = ctx.services;
  const root = keptFolder(ctx, LETTERS_FOLDER_STATE_KEY, LETTERS_FOLDER_NAME).folder;
  const name = caseFolderName(ref);
  const existing = documents.listFolders(root.id).find((f) => f.name === name);
  if (existing) return existing;
  const folder = documents.createFolder(name, root.id);
  documents.restrictFolder(folder.id);
  return folder;
}

/** Set-up: each template made once; made again only when the one recorded was deleted. */
export function ensureLaTemplates(ctx: AppContext): string[] {
  const { documents, state } = ctx.services;
  const made: string[] = [];
  let folder: DriveItem | null = null;
  for (const kind of LA_DOCUMENT_KINDS) {
    const id = state.get(LA_TEMPLATE_STATE_KEYS[kind]);
    if (id && documents.find(id)) continue;
    folder ??= laFolder(ctx);
    const doc = documents.createDocument(LA_TEMPLATE_NAMES[kind], DEFAULT_LA_TEMPLATES[kind], folder.id);
    state.set({ [LA_TEMPLATE_STATE_KEYS[kind]]: doc.id });
    made.push(LA_TEMPLATE_NAMES[kind]);
  }
  if (made.length === 0) return [];
  return [`Templates for LA referrals, LA provision letters and reintegration plans made in "${LA_FOLDER_NAME}": ${made.join(', ')}. Edit their wording there; keep the {{placeholders}}.`];
}

function templateId(ctx: AppContext, kind: LaDocumentKind): string {
  const id = ctx.services.state.get(LA_TEMPLATE_STATE_KEYS[kind]);
  if (!id || !ctx.services.documents.find(id)) {
    throw new UserFacingError(`The "${LA_TEMPLATE_NAMES[kind]}" template is missing. Choose Set up / repair register from the add-on menu to make it again, then try once more.`);
  }
  return id;
}

/**
 * The document of this name in the folder, made as makeDocument makes it, or (when an earlier
 * attempt already made it: names are fixed per case and day) that one, filled in if it was left
 * with placeholders. So a repeat never copies the template twice.
 */
export function dayDocument(ctx: AppContext, kind: LaDocumentKind, name: string, folderId: string, values: Readonly<Record<string, string>>): { doc: DriveItem; made: boolean } {
  const { documents } = ctx.services;
  const existing = documents.findFileInFolder(folderId, name);
  if (!existing) return { doc: makeDocument(ctx, kind, name, folderId, values), made: true };
  const left = checkPlaceholders(documents.readText(existing.id), LA_DOCUMENT_FIELDS[kind], values);
  if (left.problems.length === 0 && left.replacements.length) documents.replaceAll(existing.id, left.replacements);
  return { doc: existing, made: false };
}

/**
 * Copies the template into the folder and fills it in. The template is checked first, so a
 * mistyped placeholder or missing data stops the document before anything is made.
 */
export function makeDocument(ctx: AppContext, kind: LaDocumentKind, name: string, folderId: string, values: Readonly<Record<string, string>>): DriveItem {
  const { documents } = ctx.services;
  const id = templateId(ctx, kind);
  const check = checkPlaceholders(documents.readText(id), LA_DOCUMENT_FIELDS[kind], values);
  if (check.problems.length) {
    throw new UserFacingError(`The ${kind.toLowerCase()} cannot be made yet. ${check.problems.join(' ')}`);
  }
  const copy = documents.copyFile(id, name, folderId);
  documents.replaceAll(copy.id, check.replacements);
  return copy;
}
