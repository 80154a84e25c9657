/**
 * The Drive v3 advanced service (global `Drive`, with `Drive.Files` and `Drive.Permissions`),
 * over the shared Drive file store in EmulatorContext.
 *
 * The add-on holds only the "drive.file" scope, so it sees the files it created and the files the
 * user picked; anything else answers 404 "File not found", exactly as the real API does. Responses
 * carry the API's default fields (kind, id, name, mimeType) unless `fields` asks for more, so code
 * that forgets `fields` and then reads `parents` fails here as it would in production.
 */
import { GoogleJsonResponseException, pageOf } from './api-error';
import { DriveFileRecord, EmulatorContext, MIME } from './context';
import { isDocsDocumentContent, emptyDocumentContent, documentText, documentHtml } from './docs';
import { isVisibleToApp } from './drive-access';
import { textToPdf } from './pdf';
import { FakeBlob } from './utilities';

type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type Blob = GoogleAppsScript.Base.Blob;

/** What an uploaded (non-Google) file keeps in its record: plain data, so it persists as JSON. */
export interface BinaryContent {
  kind: 'binary';
  base64: string;
  contentType: string;
}

function isBinaryContent(content: unknown): content is BinaryContent {
  return typeof content === 'object' && content !== null && (content as { kind?: unknown }).kind === 'binary';
}

/** Workspace policy knobs for Drive, changed by tests through the controller. */
interface DriveState {
  /** Folders whose contents may not be shared with "anyone" (school data-protection policy). */
  restrictedFolders: Set<string>;
}

const states = new WeakMap<EmulatorContext, DriveState>();

function stateOf(ctx: EmulatorContext): DriveState {
  let state = states.get(ctx);
  if (!state) {
    state = { restrictedFolders: new Set() };
    states.set(ctx, state);
  }
  return state;
}

const ROOT = 'root';
const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';

export class DriveFiles {
  constructor(private readonly ctx: EmulatorContext) {}

  create(resource: File, mediaData?: Blob, optionalArgs?: Record<string, unknown>): File {
    this.ctx.meter.record('Drive', 'Files.create', 0);
    const api = 'drive.files.create';
    const mimeType = resource?.mimeType ?? mediaData?.getContentType() ?? 'application/octet-stream';
    const parents = resource?.parents?.length ? resource.parents : [ROOT];
    for (const parent of parents) this.requireFolder(api, parent);
    let content: unknown = null;
    if (mimeType === MIME.document) {
      // Uploading text with the Docs MIME type converts it, as Drive does for text/plain uploads.
      content = emptyDocumentContent(mediaData ? mediaData.getDataAsString() : '');
    } else if (mimeType !== MIME.folder) {
      if (mimeType.startsWith('application/vnd.google-apps.')) {
        throw new Error(`Drive emulator: creating a ${mimeType} through Drive.Files.create is not emulated.`);
      }
      content = binaryContent(mediaData, mimeType);
    }
    const record = this.ctx.addFile({
      name: resource?.name ?? mediaData?.getName() ?? 'Untitled',
      mimeType,
      parents: [...parents],
      content,
      createdByApp: true,
    });
    if (resource?.description) (record as DriveFileRecord & { description?: string }).description = resource.description;
    return selectFields(api, toFileResource(record), optionalArgs?.fields ?? DEFAULT_FILE_FIELDS);
  }

  copy(resource: File, fileId: string, optionalArgs?: Record<string, unknown>): File {
    this.ctx.meter.record('Drive', 'Files.copy', 0);
    const api = 'drive.files.copy';
    const source = this.visible(api, fileId);
    if (source.mimeType === MIME.folder) throw new GoogleJsonResponseException(api, 403, 'This file cannot be copied by the user.');
    if (!isDocsDocumentContent(source.content) && !isBinaryContent(source.content)) {
      throw new Error(`Drive emulator: copying a ${source.mimeType} is not emulated.`);
    }
    // v3: without parents in the request the copy goes where the source is.
    const parents = resource?.parents?.length ? resource.parents : source.parents;
    for (const parent of parents) this.requireFolder(api, parent);
    const content = JSON.parse(JSON.stringify(source.content)) as unknown;
    if (isDocsDocumentContent(content)) content.revision = 1;
    const record = this.ctx.addFile({
      name: resource?.name ?? `Copy of ${source.name}`,
      mimeType: source.mimeType,
      parents: [...parents],
      content,
      createdByApp: true,
    });
    return selectFields(api, toFileResource(record), optionalArgs?.fields ?? DEFAULT_FILE_FIELDS);
  }

  /** With `{alt: 'media'}` returns the content as a Blob (binary files only, as in the real API). */
  get(fileId: string, optionalArgs?: Record<string, unknown>): File | Blob {
    this.ctx.meter.record('Drive', 'Files.get', 0);
    const api = 'drive.files.get';
    const record = this.visible(api, fileId);
    if (optionalArgs?.alt === 'media') {
      if (!isBinaryContent(record.content)) {
        throw new GoogleJsonResponseException(api, 403, 'Only files with binary content can be downloaded. Use Export with Docs Editors files.');
      }
      return newBlob(Buffer.from(record.content.base64, 'base64'), record.content.contentType, record.name);
    }
    return selectFields(api, toFileResource(record), optionalArgs?.fields ?? DEFAULT_FILE_FIELDS);
  }

  list(optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList {
    this.ctx.meter.record('Drive', 'Files.list', 0);
    const api = 'drive.files.list';
    const matches = parseQuery(api, String(optionalArgs?.q ?? ''));
    let files = [...this.ctx.files.values()].filter((f) => isVisibleToApp(f) && matches(f));
    files = sortFiles(api, files, optionalArgs?.orderBy as string | undefined);
    const { page, nextPageToken } = pageOf(api, files, optionalArgs?.pageSize, optionalArgs?.pageToken, 100, 1000);
    const full = {
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: page.map(toFileResource),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
    const fields = (optionalArgs?.fields as string | undefined) ?? `kind,incompleteSearch,nextPageToken,files(${DEFAULT_FILE_FIELDS})`;
    return selectFields(api, full, fields);
  }

  /** Renames, trashes, moves (addParents/removeParents) and, with a Blob, replaces binary content. */
  update(resource: File, fileId: string, mediaData?: Blob, optionalArgs?: Record<string, unknown>): File {
    this.ctx.meter.record('Drive', 'Files.update', 0);
    const api = 'drive.files.update';
    const record = this.visible(api, fileId);
    if (resource?.parents !== undefined) {
      throw new GoogleJsonResponseException(api, 403, 'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.');
    }
    if (resource?.mimeType !== undefined && resource.mimeType !== record.mimeType) {
      throw new GoogleJsonResponseException(api, 400, 'The mimeType of a file cannot be changed by update.');
    }
    const add = splitIds(optionalArgs?.addParents);
    const remove = splitIds(optionalArgs?.removeParents);
    for (const parent of add) this.requireFolder(api, parent);
    if (resource?.name !== undefined) record.name = resource.name;
    if (resource?.trashed !== undefined) record.trashed = resource.trashed;
    if (resource?.description !== undefined) (record as DriveFileRecord & { description?: string }).description = resource.description;
    record.parents = [...record.parents.filter((p) => !remove.includes(p)), ...add.filter((p) => !record.parents.includes(p))];
    if (mediaData) {
      if (isDocsDocumentContent(record.content)) record.content = emptyDocumentContent(mediaData.getDataAsString());
      else if (isBinaryContent(record.content)) record.content = binaryContent(mediaData, record.content.contentType);
      else throw new Error(`Drive emulator: replacing the content of a ${record.mimeType} is not emulated.`);
    }
    record.modifiedTime = this.ctx.now().toISOString();
    return selectFields(api, toFileResource(record), optionalArgs?.fields ?? DEFAULT_FILE_FIELDS);
  }

  /** v3 files.delete (named remove because delete is reserved): permanent, skips the bin. */
  remove(fileId: string, _optionalArgs?: Record<string, unknown>): void {
    this.ctx.meter.record('Drive', 'Files.remove', 0);
    const record = this.visible('drive.files.delete', fileId);
    this.ctx.files.delete(record.id);
  }

  /**
   * Typed `void` in @types/google-apps-script but returns the exported bytes in practice; here a
   * Blob. A Docs document exports to PDF, plain text or HTML.
   */
  export(fileId: string, mimeType: string): Blob {
    this.ctx.meter.record('Drive', 'Files.export', 0);
    const api = 'drive.files.export';
    const record = this.visible(api, fileId);
    if (!isDocsDocumentContent(record.content)) {
      throw new GoogleJsonResponseException(api, 403, 'Export only supports Docs Editors files.');
    }
    const text = documentText(this.ctx, record.id);
    switch (mimeType) {
      case MIME.pdf:
        return newBlob(textToPdf(text, record.name), MIME.pdf, `${record.name}.pdf`);
      case 'text/plain':
        return newBlob(Buffer.from(text, 'utf8'), 'text/plain', `${record.name}.txt`);
      case 'text/html':
        return newBlob(Buffer.from(documentHtml(this.ctx, record.id), 'utf8'), 'text/html', `${record.name}.html`);
      default:
        throw new GoogleJsonResponseException(api, 400, 'The requested conversion is not supported.');
    }
  }

  /** The record, or the 404 a drive.file app gets for anything it may not see. */
  visible(api: string, fileId: string): DriveFileRecord {
    const record = this.ctx.file(fileId);
    if (!record || !isVisibleToApp(record)) throw new GoogleJsonResponseException(api, 404, `File not found: ${fileId}.`);
    return record;
  }

  private requireFolder(api: string, id: string): void {
    if (id === ROOT) return;
    const record = this.visible(api, id);
    if (record.mimeType !== MIME.folder) throw new GoogleJsonResponseException(api, 400, `The specified parent is not a folder: ${id}`);
  }
}

export class DrivePermissions {
  constructor(private readonly ctx: EmulatorContext, private readonly files: DriveFiles) {}

  create(resource: Permission, fileId: string, optionalArgs?: Record<string, unknown>): Permission {
    this.ctx.meter.record('Drive', 'Permissions.create', 0);
    const api = 'drive.permissions.create';
    const record = this.files.visible(api, fileId);
    const type = resource?.type;
    const role = resource?.role;
    if (!type || !['user', 'group', 'domain', 'anyone'].includes(type)) {
      throw new GoogleJsonResponseException(api, 400, 'The permission type field is required and must be user, group, domain or anyone.');
    }
    if (!role || !['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'].includes(role)) {
      throw new GoogleJsonResponseException(api, 400, 'The permission role field is required.');
    }
    if ((type === 'user' || type === 'group') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(resource.emailAddress ?? '')) {
      throw new GoogleJsonResponseException(api, 400, 'The permission emailAddress field is required for user and group permissions.');
    }
    if (type === 'anyone' && this.inRestrictedFolder(record)) {
      throw new GoogleJsonResponseException(api, 403, 'The user does not have sufficient permissions for this file.');
    }
    const permission = {
      id: type === 'anyone' ? 'anyoneWithLink' : this.ctx.ids.next('perm_'),
      type,
      role,
      ...(resource.emailAddress ? { emailAddress: resource.emailAddress } : {}),
      ...(resource.domain ? { domain: resource.domain } : {}),
    };
    record.permissions.push(permission);
    return selectFields(api, { kind: 'drive#permission', ...permission }, optionalArgs?.fields ?? 'kind,id,type,role');
  }

  list(fileId: string, optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList {
    this.ctx.meter.record('Drive', 'Permissions.list', 0);
    const api = 'drive.permissions.list';
    const record = this.files.visible(api, fileId);
    const owner = { kind: 'drive#permission', id: 'owner', type: 'user', role: 'owner', emailAddress: record.ownerEmail };
    const permissions = [owner, ...record.permissions.map((p) => ({ kind: 'drive#permission', ...p }))];
    return selectFields(api, { kind: 'drive#permissionList', permissions }, optionalArgs?.fields ?? 'kind,permissions(kind,id,type,role)');
  }

  remove(fileId: string, permissionId: string, _optionalArgs?: Record<string, unknown>): void {
    this.ctx.meter.record('Drive', 'Permissions.remove', 0);
    const api = 'drive.permissions.delete';
    const record = this.files.visible(api, fileId);
    const before = record.permissions.length;
    record.permissions = record.permissions.filter((p) => p.id !== permissionId);
    if (record.permissions.length === before) throw new GoogleJsonResponseException(api, 404, `Permission not found: ${permissionId}.`);
  }

  private inRestrictedFolder(record: DriveFileRecord): boolean {
    const restricted = stateOf(this.ctx).restrictedFolders;
    const seen = new Set<string>();
    const pending = [record.id];
    while (pending.length) {
      const id = pending.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      if (restricted.has(id)) return true;
      pending.push(...(this.ctx.file(id)?.parents ?? []));
    }
    return false;
  }
}

/** The `Drive` global. Only Files and Permissions are emulated. */
export function createDriveService(ctx: EmulatorContext): GoogleAppsScript.Drive {
  const files = new DriveFiles(ctx);
  return { Files: files, Permissions: new DrivePermissions(ctx, files) } as unknown as GoogleAppsScript.Drive;
}

/** What tests and the workbench do to Drive that the add-on cannot. Exposed as workspace.drive. */
export class DriveController {
  constructor(private readonly ctx: EmulatorContext) {}

  /**
   * Adds a file the user owns but the app did not create (a template someone uploaded by hand).
   * Under drive.file the add-on cannot see it until it is picked.
   */
  addUserFile(file: { name: string; mimeType?: string; text?: string; parents?: string[]; picked?: boolean }): string {
    const mimeType = file.mimeType ?? MIME.document;
    const content = mimeType === MIME.document
      ? emptyDocumentContent(file.text ?? '')
      : mimeType === MIME.folder ? null : { kind: 'binary', base64: Buffer.from(file.text ?? '').toString('base64'), contentType: mimeType };
    const record = this.ctx.addFile({
      name: file.name,
      mimeType,
      parents: file.parents ?? [ROOT],
      content,
      createdByApp: false,
      pickedByUser: file.picked ?? false,
    });
    return record.id;
  }

  /** The user chose the file in the Google Picker: drive.file access now covers it. */
  pickFile(fileId: string): void {
    const record = this.ctx.file(fileId);
    if (!record) throw new Error(`No Drive file with id ${fileId}.`);
    record.pickedByUser = true;
  }

  /** Refuse "anyone" permissions on this folder and everything in it. */
  restrictSharing(folderId: string): void {
    stateOf(this.ctx).restrictedFolders.add(folderId);
  }

  /** Every file, as the user sees them in Drive (ignores drive.file). */
  allFiles(): DriveFileRecord[] {
    return [...this.ctx.files.values()];
  }

  /** The bytes of an uploaded file, e.g. a PDF the add-on saved. */
  bytesOf(fileId: string): Uint8Array {
    const content = this.ctx.file(fileId)?.content;
    if (!isBinaryContent(content)) throw new Error(`Drive file ${fileId} has no binary content.`);
    return Uint8Array.from(Buffer.from(content.base64, 'base64'));
  }

  toJSON(): { restrictedFolders: string[] } {
    return { restrictedFolders: [...stateOf(this.ctx).restrictedFolders] };
  }

  fromJSON(data: { restrictedFolders?: string[] } | undefined): void {
    stateOf(this.ctx).restrictedFolders = new Set(data?.restrictedFolders ?? []);
  }
}

function newBlob(bytes: Uint8Array, contentType: string, name: string): Blob {
  return new FakeBlob(bytes, contentType, name) as unknown as Blob;
}

function binaryContent(blob: Blob | undefined, contentType: string): BinaryContent {
  const bytes = blob ? Buffer.from(blob.getBytes().map((b) => b & 0xff)) : Buffer.alloc(0);
  return { kind: 'binary', base64: bytes.toString('base64'), contentType: blob?.getContentType() ?? contentType };
}

function splitIds(value: unknown): string[] {
  return typeof value === 'string' && value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

function toFileResource(record: DriveFileRecord): File {
  const size = isBinaryContent(record.content) ? String(Buffer.from(record.content.base64, 'base64').length) : undefined;
  const description = (record as DriveFileRecord & { description?: string }).description;
  return {
    kind: 'drive#file',
    id: record.id,
    name: record.name,
    mimeType: record.mimeType,
    parents: [...record.parents],
    createdTime: record.createdTime,
    modifiedTime: record.modifiedTime,
    trashed: record.trashed,
    owners: [{ kind: 'drive#user', emailAddress: record.ownerEmail, displayName: record.ownerEmail.split('@')[0] }],
    webViewLink: webViewLink(record),
    ...(size !== undefined ? { size } : {}),
    ...(description !== undefined ? { description } : {}),
  } as File;
}

function webViewLink(record: DriveFileRecord): string {
  switch (record.mimeType) {
    case MIME.folder: return `https://drive.google.com/drive/folders/${record.id}`;
    case MIME.document: return `https://docs.google.com/document/d/${record.id}/edit?usp=drivesdk`;
    case MIME.spreadsheet: return `https://docs.google.com/spreadsheets/d/${record.id}/edit?usp=drivesdk`;
    case MIME.form: return `https://docs.google.com/forms/d/${record.id}/edit?usp=drivesdk`;
    default: return `https://drive.google.com/file/d/${record.id}/view?usp=drivesdk`;
  }
}

// ---- fields (a FieldMask such as "nextPageToken,files(id,name,parents)") ----

type FieldTree = Map<string, FieldTree | true>;

function parseFields(api: string, mask: string): FieldTree | '*' {
  const text = mask.replace(/\s+/g, '');
  if (text === '*') return '*';
  let i = 0;
  const fail = (): never => { throw new GoogleJsonResponseException(api, 400, `Invalid field selection ${mask}`); };
  const parseList = (): FieldTree => {
    const tree: FieldTree = new Map();
    for (;;) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_*/]/.test(text[i])) i += 1;
      const name = text.slice(start, i);
      if (!name) fail();
      let node: FieldTree | true = true;
      if (text[i] === '(') {
        i += 1;
        node = parseList();
        if (text[i] !== ')') fail();
        i += 1;
      }
      // "a/b" is shorthand for "a(b)".
      const path = name.split('/');
      let leaf: FieldTree | true = node;
      for (let k = path.length - 1; k > 0; k--) leaf = new Map([[path[k], leaf]]);
      tree.set(path[0], leaf);
      if (text[i] !== ',') return tree;
      i += 1;
    }
  };
  const tree = parseList();
  if (i !== text.length) fail();
  return tree;
}

function project(value: unknown, tree: FieldTree | true): unknown {
  if (tree === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => project(v, tree));
  if (tree.has('*')) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = project(v, sub);
  }
  return out;
}

function selectFields<T>(api: string, resource: T, fields: unknown): T {
  const tree = parseFields(api, String(fields));
  return (tree === '*' ? resource : project(resource, tree)) as T;
}

// ---- q (the Drive search language, the subset the add-on uses) ----

/**
 * Supports conditions joined by "and": `'<id>' in parents`, `name = '…'`, `name != '…'`,
 * `name contains '…'`, `mimeType = '…'`, `mimeType != '…'`, `trashed = true|false`. Anything else
 * is a 400 "Invalid Value" like the real API, with a hint about what the emulator understood.
 */
function parseQuery(api: string, q: string): (f: DriveFileRecord) => boolean {
  const tokens = tokenise(api, q);
  const tests: Array<(f: DriveFileRecord) => boolean> = [];
  let i = 0;
  const invalid = (why: string): never => { throw new GoogleJsonResponseException(api, 400, `Invalid Value (q: ${why})`); };
  while (i < tokens.length) {
    if (tests.length > 0) {
      if (tokens[i].toLowerCase() !== 'and') invalid(`only "and" joins conditions in the emulator, got "${tokens[i]}"`);
      i += 1;
    }
    const [a, op, b] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (a === undefined || op === undefined || b === undefined) invalid(`incomplete condition in "${q}"`);
    i += 3;
    if (op.toLowerCase() === 'in' && b === 'parents' && isQuoted(a)) {
      const id = unquote(a);
      tests.push((f) => f.parents.includes(id));
    } else if (a === 'name' && isQuoted(b) && ['=', '!=', 'contains'].includes(op)) {
      const v = unquote(b);
      if (op === '=') tests.push((f) => f.name === v);
      else if (op === '!=') tests.push((f) => f.name !== v);
      else tests.push((f) => f.name.toLowerCase().includes(v.toLowerCase()));
    } else if (a === 'mimeType' && isQuoted(b) && ['=', '!='].includes(op)) {
      const v = unquote(b);
      tests.push(op === '=' ? (f) => f.mimeType === v : (f) => f.mimeType !== v);
    } else if (a === 'trashed' && (op === '=' || op === '!=') && (b === 'true' || b === 'false')) {
      const want = (b === 'true') === (op === '=');
      tests.push((f) => f.trashed === want);
    } else {
      invalid(`unsupported condition "${a} ${op} ${b}"`);
    }
  }
  return (f) => tests.every((t) => t(f));
}

function tokenise(api: string, q: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) { i += 1; continue; }
    if (c === "'") {
      let j = i + 1;
      let s = "'";
      while (j < q.length && q[j] !== "'") {
        if (q[j] === '\\' && j + 1 < q.length) { s += q[j + 1]; j += 2; continue; }
        s += q[j];
        j += 1;
      }
      if (j >= q.length) throw new GoogleJsonResponseException(api, 400, 'Invalid Value (q: unterminated string)');
      tokens.push(`${s}'`);
      i = j + 1;
    } else if (c === '!' && q[i + 1] === '=') {
      tokens.push('!=');
      i += 2;
    } else if (c === '=') {
      tokens.push('=');
      i += 1;
    } else {
      let j = i;
      while (j < q.length && !/[\s='!]/.test(q[j])) j += 1;
      tokens.push(q.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function isQuoted(token: string): boolean {
  return token.length >= 2 && token.startsWith("'") && token.endsWith("'");
}

function unquote(token: string): string {
  return token.slice(1, -1);
}

function sortFiles(api: string, files: DriveFileRecord[], orderBy: string | undefined): DriveFileRecord[] {
  if (!orderBy) return files;
  const keys = orderBy.split(',').map((part) => {
    const [field, dir] = part.trim().split(/\s+/);
    if (!['name', 'createdTime', 'modifiedTime', 'folder'].includes(field)) {
      throw new GoogleJsonResponseException(api, 400, `Invalid Value (orderBy: "${field}" is not emulated)`);
    }
    return { field, desc: dir === 'desc' };
  });
  return [...files].sort((x, y) => {
    for (const { field, desc } of keys) {
      const a = field === 'folder' ? String(x.mimeType !== MIME.folder) : String(x[field as keyof DriveFileRecord]);
      const b = field === 'folder' ? String(y.mimeType !== MIME.folder) : String(y[field as keyof DriveFileRecord]);
      const cmp = a.localeCompare(b);
      if (cmp !== 0) return desc ? -cmp : cmp;
    }
    return 0;
  });
}
