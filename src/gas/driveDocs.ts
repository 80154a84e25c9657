/**
 * Letters in Google Docs through the Drive v3 and Docs v1 advanced services. The add-on holds
 * only the drive.file scope (it sees the files it made), which DriveApp and DocumentApp cannot
 * work with, so every call here is a REST call: one per method unless the port says otherwise.
 */
import { UserFacingError } from '../domain/errors';
import type { Documents, DriveItem } from '../ports';

const FOLDER = 'application/vnd.google-apps.folder';
const DOCUMENT = 'application/vnd.google-apps.document';
const PDF = 'application/pdf';
const ITEM_FIELDS = 'id,name,webViewLink';

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new UserFacingError('The add-on cannot reach Google Drive: its Drive service is not switched on. Ask the person who looks after the add-on to enable the Drive API (v3) advanced service.');
  }
  return Drive;
}

function docs(): GoogleAppsScript.Docs {
  if (typeof Docs === 'undefined' || !Docs) {
    throw new UserFacingError('The add-on cannot reach Google Docs: its Docs service is not switched on. Ask the person who looks after the add-on to enable the Docs API advanced service.');
  }
  return Docs;
}

function item(file: DriveFile, fallbackUrl: (id: string) => string): DriveItem {
  const id = String(file.id);
  return { id, name: String(file.name ?? ''), url: file.webViewLink ?? fallbackUrl(id) };
}

const folderUrl = (id: string) => `https://drive.google.com/drive/folders/${id}`;
const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
const fileUrl = (id: string) => `https://drive.google.com/file/d/${id}/view`;

/** The HTTP status of an advanced-service error (GoogleJsonResponseException), if it has one. */
export function httpStatus(error: unknown): number | null {
  const code = (error as { details?: { code?: unknown } } | null)?.details?.code;
  if (typeof code === 'number') return code;
  const message = error instanceof Error ? error.message : String(error);
  if (/not found/i.test(message)) return 404;
  return null;
}

function escapeQuery(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

export class DriveDocsDocuments implements Documents {
  createFolder(name: string, parentId?: string): DriveItem {
    const created = drive().Files.create({
      name,
      mimeType: FOLDER,
      ...(parentId ? { parents: [parentId] } : {}),
      // Editors may not share it on: letters reach families by email or on paper, never by link.
      writersCanShare: false,
    } as DriveFile);
    return item(created, folderUrl);
  }

  restrictFolder(folderId: string): string[] {
    const list = drive().Permissions.list(folderId, { fields: 'permissions(id,type,role,emailAddress,domain)' });
    const removed: string[] = [];
    for (const permission of list.permissions ?? []) {
      if (permission.type !== 'anyone' && permission.type !== 'domain') continue;
      drive().Permissions.remove(folderId, String(permission.id));
      removed.push(permission.type === 'anyone' ? 'anyone with the link' : `everyone at ${permission.domain ?? 'the domain'}`);
    }
    return removed;
  }

  listFolders(parentId: string): DriveItem[] {
    const out: DriveItem[] = [];
    let pageToken: string | undefined;
    do {
      const page = drive().Files.list({
        q: `'${escapeQuery(parentId)}' in parents and mimeType = '${FOLDER}' and trashed = false`,
        fields: `nextPageToken,files(${ITEM_FIELDS})`,
        pageSize: 1000,
        ...(pageToken ? { pageToken } : {}),
      });
      for (const file of page.files ?? []) out.push(item(file, folderUrl));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  }

  findFileInFolder(parentId: string, name: string): DriveItem | null {
    const page = drive().Files.list({
      q: `'${escapeQuery(parentId)}' in parents and name = '${escapeQuery(name)}' and mimeType != '${FOLDER}' and trashed = false`,
      fields: `files(${ITEM_FIELDS},mimeType)`,
      pageSize: 10,
    });
    // The add-on names its files uniquely per case and day, so there is one at most.
    const [file] = page.files ?? [];
    return file ? item(file, file.mimeType === DOCUMENT ? docUrl : fileUrl) : null;
  }

  find(fileId: string): DriveItem | null {
    try {
      const file = drive().Files.get(fileId, { fields: `${ITEM_FIELDS},trashed` });
      return file.trashed ? null : item(file, fileUrl);
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  }

  createDocument(name: string, text: string, parentId: string): DriveItem {
    // Uploading plain text with the Docs MIME type converts it into a Google Doc in one call.
    const blob = Utilities.newBlob(text, 'text/plain', name);
    const created = drive().Files.create({ name, mimeType: DOCUMENT, parents: [parentId] }, blob, { fields: ITEM_FIELDS });
    return item(created, docUrl);
  }

  copyFile(sourceId: string, name: string, parentId: string): DriveItem {
    const copy = drive().Files.copy({ name, parents: [parentId] }, sourceId, { fields: ITEM_FIELDS });
    return item(copy, docUrl);
  }

  readText(documentId: string): string {
    const document = docs().Documents.get(documentId);
    return textOf(document.body?.content ?? []).replace(/\n$/, '');
  }

  replaceAll(documentId: string, replacements: ReadonlyArray<{ find: string; replace: string }>): number {
    if (replacements.length === 0) return 0;
    const response = docs().Documents.batchUpdate({
      requests: replacements.map((r) => ({
        replaceAllText: { containsText: { text: r.find, matchCase: true }, replaceText: r.replace },
      })),
    }, documentId);
    // proto3 JSON leaves out a zero count.
    return (response.replies ?? []).reduce((n, reply) => n + (reply.replaceAllText?.occurrencesChanged ?? 0), 0);
  }

  exportPdf(documentId: string, name: string, parentId: string): { file: DriveItem; bytes: number[] } {
    // Typed void in @types/google-apps-script; the advanced service returns the exported Blob.
    const blob = drive().Files.export(documentId, PDF) as unknown as GoogleAppsScript.Base.Blob;
    blob.setName(name);
    const saved = drive().Files.create({ name, mimeType: PDF, parents: [parentId] }, blob, { fields: ITEM_FIELDS });
    return { file: item(saved, fileUrl), bytes: blob.getBytes() };
  }

  trash(fileId: string): boolean {
    try {
      drive().Files.update({ trashed: true } as DriveFile, fileId);
      return true;
    } catch (error) {
      if (httpStatus(error) === 404) return false;
      throw error;
    }
  }
}

type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;

/** Paragraph text, including text inside tables, in document order. */
function textOf(content: readonly StructuralElement[]): string {
  let text = '';
  for (const element of content) {
    for (const run of element.paragraph?.elements ?? []) text += run.textRun?.content ?? '';
    for (const row of element.table?.tableRows ?? []) {
      for (const cell of row.tableCells ?? []) text += textOf(cell.content ?? []);
    }
  }
  return text;
}
