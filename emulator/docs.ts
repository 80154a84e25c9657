/**
 * The Docs v1 advanced service (global `Docs`, `Docs.Documents`).
 *
 * A document is a Drive file (MIME document) whose content is its body as one string: paragraphs
 * end with "\n" and the body always ends with the final paragraph's "\n". Index arithmetic is the
 * Docs API's: index 0 is the section break that opens the body, so the first character is at
 * index 1 and the body's end index is text.length + 1. Indices count UTF-16 code units, as JS
 * strings do. Text styles, paragraph styles and bullets are validated and accepted but not kept:
 * the product only needs the words (letters are merged by replaceAllText).
 */
import { GoogleJsonResponseException } from './api-error';
import { EmulatorContext, MIME, DriveFileRecord } from './context';
import { isVisibleToApp } from './drive-access';

type Schema = GoogleAppsScript.Docs.Schema.Document;
type Response = GoogleAppsScript.Docs.Schema.Response;

/** What a Docs document keeps in its Drive file record (plain data, so it persists as JSON). */
export interface DocsDocumentContent {
  kind: 'docs-document';
  /** The body text; always ends with "\n". */
  text: string;
  revision: number;
}

export function emptyDocumentContent(text = ''): DocsDocumentContent {
  return { kind: 'docs-document', text: normaliseBody(text), revision: 1 };
}

/** A body always ends with exactly the final paragraph's newline; "\r\n" is stored as "\n". */
function normaliseBody(text: string): string {
  const unified = text.replace(/\r\n?/g, '\n');
  return unified.endsWith('\n') ? unified : `${unified}\n`;
}

export function isDocsDocumentContent(content: unknown): content is DocsDocumentContent {
  return typeof content === 'object' && content !== null && (content as { kind?: unknown }).kind === 'docs-document';
}

/** The request kinds the real API has; those not listed in APPLIERS are valid but not emulated. */
const KNOWN_REQUEST_KINDS = [
  'replaceAllText', 'insertText', 'updateTextStyle', 'createParagraphBullets', 'deleteParagraphBullets',
  'createNamedRange', 'deleteNamedRange', 'updateParagraphStyle', 'deleteContentRange', 'insertInlineImage',
  'insertTable', 'insertTableRow', 'insertTableColumn', 'deleteTableRow', 'deleteTableColumn', 'insertPageBreak',
  'deletePositionedObject', 'updateTableColumnProperties', 'updateTableCellStyle', 'updateTableRowStyle',
  'replaceImage', 'updateDocumentStyle', 'mergeTableCells', 'unmergeTableCells', 'createHeader', 'createFooter',
  'createFootnote', 'replaceNamedRangeContent', 'updateSectionStyle', 'insertSectionBreak', 'deleteHeader',
  'deleteFooter', 'pinTableHeaderRows', 'addDocumentTab', 'deleteTab', 'updateDocumentTabProperties',
] as const;

type Applier = (text: string, body: never, fail: (message: string) => never) => { text: string; reply: Response };

export class DocsDocuments {
  constructor(private readonly ctx: EmulatorContext) {}

  create(resource: Schema): Schema {
    this.ctx.meter.record('Docs', 'Documents.create', 0);
    const record = this.ctx.addFile({
      name: resource.title || 'Untitled document',
      mimeType: MIME.document,
      parents: ['root'],
      content: emptyDocumentContent(),
    });
    return toDocumentResource(record, record.content as DocsDocumentContent);
  }

  get(documentId: string, _optionalArgs?: object): Schema {
    this.ctx.meter.record('Docs', 'Documents.get', 0);
    const { record, content } = this.open('docs.documents.get', documentId);
    return toDocumentResource(record, content);
  }

  batchUpdate(resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId: string): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    this.ctx.meter.record('Docs', 'Documents.batchUpdate', 0);
    const api = 'docs.documents.batchUpdate';
    const { record, content } = this.open(api, documentId);
    const requests = resource?.requests ?? [];
    // The whole batch is validated and applied to a working copy; a failure leaves the document untouched.
    let text = content.text;
    const replies: Response[] = [];
    requests.forEach((request, i) => {
      const fail = (message: string): never => { throw new GoogleJsonResponseException(api, 400, message); };
      const kinds = Object.keys(request ?? {}).filter((k) => (request as Record<string, unknown>)[k] !== undefined);
      if (kinds.length === 0) fail(`Invalid requests[${i}]: No request set.`);
      if (kinds.length > 1) fail(`Invalid value at 'requests[${i}]' (oneof), oneof field 'request' is already set. Cannot set '${kinds[1]}'`);
      const kind = kinds[0];
      if (!(KNOWN_REQUEST_KINDS as readonly string[]).includes(kind)) {
        fail(`Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`);
      }
      const apply = APPLIERS[kind];
      if (!apply) throw new Error(`Docs emulator: requests[${i}].${kind} is a real request kind but is not emulated.`);
      const prefix = `Invalid requests[${i}].${kind}: `;
      const result = apply(text, (request as Record<string, unknown>)[kind] as never, (m) => fail(prefix + m));
      text = result.text;
      replies.push(result.reply);
    });
    if (requests.length > 0) {
      content.text = text;
      content.revision += 1;
      record.modifiedTime = this.ctx.now().toISOString();
    }
    return { documentId, replies, writeControl: { requiredRevisionId: revisionId(record.id, content) } };
  }

  private open(api: string, documentId: string): { record: DriveFileRecord; content: DocsDocumentContent } {
    const record = this.ctx.file(documentId);
    // Under drive.file the API cannot see documents the app neither created nor was shown.
    if (!record || !isVisibleToApp(record) || !isDocsDocumentContent(record.content)) {
      throw new GoogleJsonResponseException(api, 404, 'Requested entity was not found.');
    }
    return { record, content: record.content };
  }
}

const APPLIERS: Record<string, Applier | undefined> = {
  replaceAllText: (text, req: GoogleAppsScript.Docs.Schema.ReplaceAllTextRequest, fail) => {
    const needle = req.containsText?.text;
    if (!needle) fail('Search text must not be empty.');
    const pattern = new RegExp(escapeRegExp(needle as string), req.containsText?.matchCase ? 'g' : 'gi');
    let occurrences = 0;
    const replaced = text.replace(pattern, () => {
      occurrences += 1;
      return req.replaceText ?? '';
    });
    // The API is proto3 JSON: a zero count is omitted, so callers must read `occurrencesChanged ?? 0`.
    const reply = occurrences > 0 ? { occurrencesChanged: occurrences } : {};
    return { text: normaliseBody(replaced), reply: { replaceAllText: reply } };
  },

  insertText: (text, req: GoogleAppsScript.Docs.Schema.InsertTextRequest, fail) => {
    const insertion = req.text ?? '';
    if (req.location && req.endOfSegmentLocation) fail('Only one of location or endOfSegmentLocation may be set.');
    let at: number;
    if (req.endOfSegmentLocation) {
      requireBodySegment(req.endOfSegmentLocation.segmentId, fail);
      at = text.length; // just before the body's final newline
    } else if (req.location) {
      requireBodySegment(req.location.segmentId, fail);
      at = req.location.index ?? 0;
      const end = text.length + 1;
      if (at < 1) fail('The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.');
      if (at >= end) fail(`Index ${at} must be less than the end index of the referenced segment, ${end}.`);
    } else {
      return fail('Either location or endOfSegmentLocation must be set.');
    }
    const offset = at - 1;
    return { text: text.slice(0, offset) + insertion.replace(/\r\n?/g, '\n') + text.slice(offset), reply: {} };
  },

  deleteContentRange: (text, req: GoogleAppsScript.Docs.Schema.DeleteContentRangeRequest, fail) => {
    const { start, end } = checkedRange(text, req.range, fail);
    if (end > text.length) fail('The range cannot include the newline character at the end of the segment.');
    return { text: text.slice(0, start - 1) + text.slice(end - 1), reply: {} };
  },

  updateTextStyle: (text, req: GoogleAppsScript.Docs.Schema.UpdateTextStyleRequest, fail) => {
    requireFields(req.fields, fail);
    checkedRange(text, req.range, fail);
    return { text, reply: {} };
  },

  updateParagraphStyle: (text, req: GoogleAppsScript.Docs.Schema.UpdateParagraphStyleRequest, fail) => {
    requireFields(req.fields, fail);
    checkedRange(text, req.range, fail);
    return { text, reply: {} };
  },

  createParagraphBullets: (text, req: GoogleAppsScript.Docs.Schema.CreateParagraphBulletsRequest, fail) => {
    checkedRange(text, req.range, fail);
    return { text, reply: {} };
  },

  deleteParagraphBullets: (text, req: GoogleAppsScript.Docs.Schema.DeleteParagraphBulletsRequest, fail) => {
    checkedRange(text, req.range, fail);
    return { text, reply: {} };
  },
};

function requireBodySegment(segmentId: string | undefined, fail: (m: string) => never): void {
  if (segmentId) fail(`Docs emulator: only the body segment is modelled, not segment "${segmentId}".`);
}

function requireFields(fields: string | undefined, fail: (m: string) => never): void {
  if (!fields) fail("At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)");
}

function checkedRange(text: string, range: GoogleAppsScript.Docs.Schema.Range | undefined, fail: (m: string) => never): { start: number; end: number } {
  if (!range) return fail('The range must be set.');
  requireBodySegment(range.segmentId, fail);
  const start = range.startIndex ?? 0;
  const end = range.endIndex ?? 0;
  if (start < 1) fail(`The start index of the range must be at least 1 (the body's section break is at index 0).`);
  if (end <= start) fail('The range should not be empty.');
  if (end > text.length + 1) fail(`Index ${end - 1} must be less than the end index of the referenced segment, ${text.length + 1}.`);
  return { start, end };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function revisionId(documentId: string, content: DocsDocumentContent): string {
  return `${documentId}_rev${content.revision}`;
}

/** The body as the API returns it: a section break, then one structural element per paragraph. */
function toDocumentResource(record: DriveFileRecord, content: DocsDocumentContent): Schema {
  const elements: GoogleAppsScript.Docs.Schema.StructuralElement[] = [
    { endIndex: 1, sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT' } } },
  ];
  let index = 1;
  for (const paragraph of paragraphsOf(content.text)) {
    const startIndex = index;
    const endIndex = index + paragraph.length;
    elements.push({
      startIndex,
      endIndex,
      paragraph: {
        elements: [{ startIndex, endIndex, textRun: { content: paragraph, textStyle: {} } }],
        paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
      },
    });
    index = endIndex;
  }
  return {
    documentId: record.id,
    title: record.name,
    revisionId: revisionId(record.id, content),
    suggestionsViewMode: 'SUGGESTIONS_INLINE',
    body: { content: elements },
    documentStyle: { pageSize: { width: { magnitude: 595.276, unit: 'PT' }, height: { magnitude: 841.89, unit: 'PT' } } },
  };
}

/** Each paragraph with its closing "\n". */
function paragraphsOf(text: string): string[] {
  return text.match(/[^\n]*\n/g) ?? [];
}

function contentOf(ctx: EmulatorContext, id: string): DocsDocumentContent {
  const record = ctx.file(id);
  if (!record || !isDocsDocumentContent(record.content)) throw new Error(`No Docs document with id ${id}.`);
  return record.content;
}

/** The document's text as a person reads it (no final newline). For tests and the workbench. */
export function documentText(ctx: EmulatorContext, id: string): string {
  return contentOf(ctx, id).text.replace(/\n$/, '');
}

/** The document as a simple standalone HTML page, one <p> per paragraph. For tests and the workbench. */
export function documentHtml(ctx: EmulatorContext, id: string): string {
  const title = escapeHtml(ctx.file(id)?.name ?? '');
  const body = paragraphsOf(contentOf(ctx, id).text)
    .map((p) => p.slice(0, -1))
    .map((p) => (p === '' ? '<p><br></p>' : `<p>${escapeHtml(p)}</p>`))
    .join('\n');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n${body}\n</body></html>\n`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The `Docs` global. Only `Documents` is emulated; the `new…()` schema factories are plain objects. */
export function createDocsService(ctx: EmulatorContext): GoogleAppsScript.Docs {
  const service = { Documents: new DocsDocuments(ctx) };
  return new Proxy(service, {
    get(target, prop, receiver) {
      // Docs.newRequest(), Docs.newInsertTextRequest() … return empty objects in Apps Script.
      if (typeof prop === 'string' && prop.startsWith('new') && !(prop in target)) return () => ({});
      return Reflect.get(target, prop, receiver);
    },
  }) as unknown as GoogleAppsScript.Docs;
}
