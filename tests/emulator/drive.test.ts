import { EmulatorContext, MIME } from '../../emulator/context';
import { Meter } from '../../emulator/meter';
import { createDocsService, documentText } from '../../emulator/docs';
import { createDriveService, DriveController } from '../../emulator/drive';
import { FakeBlob } from '../../emulator/utilities';
import { createWorkspace } from '../../emulator/workspace';

type Blob = GoogleAppsScript.Base.Blob;

function setUp() {
  const ctx = new EmulatorContext(new Meter());
  const Drive = createDriveService(ctx);
  const Docs = createDocsService(ctx);
  const drive = new DriveController(ctx);
  return { ctx, Drive, Docs, drive };
}

function bytesAsLatin1(blob: Blob): string {
  return Buffer.from(blob.getBytes().map((b) => b & 0xff)).toString('latin1');
}

describe('Drive.Files', () => {
  it('copy deep-copies a Docs document so the copy is edited independently', () => {
    const { ctx, Drive, Docs } = setUp();
    const folder = Drive.Files.create({ name: 'Letters', mimeType: MIME.folder });
    const template = Drive.Files.create({ name: 'Template', mimeType: MIME.document, parents: [folder.id as string] });
    Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'Dear {{parent}}' } }] }, template.id as string);

    const copy = Drive.Files.copy({ name: 'Letter for Amira' }, template.id as string, { fields: 'id,name,parents' });
    expect(copy.name).toBe('Letter for Amira');
    expect(copy.parents).toEqual([folder.id]);
    Docs.Documents.batchUpdate({ requests: [{ replaceAllText: { containsText: { text: '{{parent}}', matchCase: true }, replaceText: 'Mrs Khan' } }] }, copy.id as string);

    expect(documentText(ctx, copy.id as string)).toBe('Dear Mrs Khan');
    expect(documentText(ctx, template.id as string)).toBe('Dear {{parent}}');
  });

  it('returns only the default fields unless fields asks for more', () => {
    const { Drive } = setUp();
    const file = Drive.Files.create({ name: 'Plan', mimeType: MIME.document });
    expect(Object.keys(file).sort()).toEqual(['id', 'kind', 'mimeType', 'name']);
    const full = Drive.Files.get(file.id as string, { fields: '*' }) as GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
    expect(full.parents).toEqual(['root']);
    expect(full.webViewLink).toBe(`https://docs.google.com/document/d/${file.id}/edit?usp=drivesdk`);
  });

  it('lists with q, fields and pages', () => {
    const { Drive } = setUp();
    const folder = Drive.Files.create({ name: 'Letters', mimeType: MIME.folder });
    const parent = folder.id as string;
    for (const name of ['A', 'B', 'C']) Drive.Files.create({ name, mimeType: MIME.document, parents: [parent] });
    const trashed = Drive.Files.create({ name: 'D', mimeType: MIME.document, parents: [parent] });
    Drive.Files.update({ trashed: true }, trashed.id as string);
    Drive.Files.create({ name: 'A', mimeType: MIME.document });

    const q = `'${parent}' in parents and mimeType = '${MIME.document}' and trashed = false`;
    const first = Drive.Files.list({ q, pageSize: 2, fields: 'nextPageToken,files(id,name)' });
    expect(first.files?.map((f) => f.name)).toEqual(['A', 'B']);
    expect(Object.keys(first.files?.[0] ?? {}).sort()).toEqual(['id', 'name']);
    const second = Drive.Files.list({ q, pageSize: 2, pageToken: first.nextPageToken, fields: 'nextPageToken,files(id,name)' });
    expect(second.files?.map((f) => f.name)).toEqual(['C']);
    expect(second.nextPageToken).toBeUndefined();

    expect(Drive.Files.list({ q: "name = 'A'" }).files).toHaveLength(2);
    // v3 lists trashed files unless the query excludes them.
    expect(Drive.Files.list({ q: `'${parent}' in parents` }).files).toHaveLength(4);
    expect(() => Drive.Files.list({ q: "name = 'A' or name = 'B'" })).toThrow('Invalid Value');
  });

  it('hides files the app did not create until the user picks them (drive.file)', () => {
    const { Drive, drive } = setUp();
    const foreign = drive.addUserFile({ name: 'Head teacher template', text: 'Dear parent' });
    expect(() => Drive.Files.get(foreign)).toThrow(`File not found: ${foreign}`);
    expect(() => Drive.Files.copy({}, foreign)).toThrow(`API call to drive.files.copy failed with error: File not found: ${foreign}`);
    expect(Drive.Files.list({ q: "name = 'Head teacher template'" }).files).toEqual([]);
    try {
      Drive.Files.get(foreign);
    } catch (e) {
      expect((e as { details: { code: number } }).details.code).toBe(404);
    }
    drive.pickFile(foreign);
    expect(Drive.Files.copy({}, foreign).name).toBe('Copy of Head teacher template');
  });

  it('exports a document as a real PDF containing its text, and as plain text', () => {
    const { Drive, Docs } = setUp();
    const doc = Docs.Documents.create({ title: 'Plan for Amira' });
    Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'Reintegration plan\nWeek 1: two mornings (in school)' } }] }, doc.documentId as string);

    const pdf = Drive.Files.export(doc.documentId as string, MIME.pdf) as unknown as Blob;
    const text = bytesAsLatin1(pdf);
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain('(Reintegration plan) Tj');
    expect(text).toContain('(Week 1: two mornings \\(in school\\)) Tj');
    expect(pdf.getContentType()).toBe('application/pdf');
    // The xref offset really points at the xref table.
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');

    const plain = Drive.Files.export(doc.documentId as string, 'text/plain') as unknown as Blob;
    expect(plain.getDataAsString()).toBe('Reintegration plan\nWeek 1: two mornings (in school)');
    expect(() => Drive.Files.export(doc.documentId as string, 'image/png')).toThrow('The requested conversion is not supported.');
  });

  it('stores an uploaded Blob and gives it back with alt=media', () => {
    const { Drive, drive } = setUp();
    const blob = new FakeBlob('%PDF-1.4 pretend', 'application/pdf', 'letter.pdf') as unknown as Blob;
    const file = Drive.Files.create({ name: 'letter.pdf' }, blob, { fields: 'id,mimeType,size' });
    expect(file.mimeType).toBe('application/pdf');
    expect(file.size).toBe('16');
    const back = Drive.Files.get(file.id as string, { alt: 'media' }) as unknown as Blob;
    expect(back.getDataAsString()).toBe('%PDF-1.4 pretend');
    expect(Buffer.from(drive.bytesOf(file.id as string)).toString()).toBe('%PDF-1.4 pretend');
  });

  it('moves with addParents/removeParents and refuses parents in the body', () => {
    const { Drive } = setUp();
    const a = Drive.Files.create({ name: 'A', mimeType: MIME.folder });
    const b = Drive.Files.create({ name: 'B', mimeType: MIME.folder });
    const doc = Drive.Files.create({ name: 'Doc', mimeType: MIME.document, parents: [a.id as string] });
    const moved = Drive.Files.update({ name: 'Renamed' }, doc.id as string, undefined as unknown as Blob, { addParents: b.id, removeParents: a.id, fields: 'name,parents' });
    expect(moved).toEqual({ name: 'Renamed', parents: [b.id] });
    expect(() => Drive.Files.update({ parents: [a.id as string] }, doc.id as string)).toThrow('addParents and removeParents');
    Drive.Files.remove(doc.id as string);
    expect(() => Drive.Files.get(doc.id as string)).toThrow('File not found');
  });

  it('injected fault on Files.copy throws once and is counted', () => {
    const { ctx, Drive } = setUp();
    const doc = Drive.Files.create({ name: 'T', mimeType: MIME.document });
    ctx.meter.inject({ call: 'Drive.Files.copy' });
    expect(() => Drive.Files.copy({}, doc.id as string)).toThrow('Service invoked too many times for one day: Drive.Files.copy.');
    expect(Drive.Files.copy({}, doc.id as string).name).toBe('Copy of T');
    expect(ctx.meter.snapshot()['Drive.Files.copy']).toBe(2);
    expect(ctx.meter.snapshot()['Drive.Files.create']).toBe(1);
  });
});

describe('Drive.Permissions', () => {
  it('creates, lists and removes permissions; a restricted folder refuses "anyone"', () => {
    const { Drive, drive } = setUp();
    const folder = Drive.Files.create({ name: 'Health records', mimeType: MIME.folder });
    const doc = Drive.Files.create({ name: 'Plan', mimeType: MIME.document, parents: [folder.id as string] });
    const p = Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'senco@school.example' }, doc.id as string, { sendNotificationEmail: false });
    expect(p).toEqual(expect.objectContaining({ type: 'user', role: 'reader' }));
    expect(Drive.Permissions.list(doc.id as string).permissions?.map((x) => x.role)).toEqual(['owner', 'reader']);
    Drive.Permissions.remove(doc.id as string, p.id as string);
    expect(Drive.Permissions.list(doc.id as string).permissions).toHaveLength(1);

    drive.restrictSharing(folder.id as string);
    expect(() => Drive.Permissions.create({ type: 'anyone', role: 'reader' }, doc.id as string))
      .toThrow('The user does not have sufficient permissions for this file.');
    expect(() => Drive.Permissions.create({ type: 'user', role: 'reader' }, doc.id as string)).toThrow('emailAddress');
  });
});

describe('Drive and Docs in a workspace', () => {
  it('keep documents, uploads, picks and sharing policy across toJSON/fromJSON', () => {
    const workspace = createWorkspace();
    const Drive = workspace.globals.Drive as GoogleAppsScript.Drive;
    const Docs = workspace.globals.Docs as GoogleAppsScript.Docs;
    const folder = Drive.Files.create({ name: 'Plans', mimeType: MIME.folder });
    const doc = Docs.Documents.create({ title: 'Plan' });
    Docs.Documents.batchUpdate({ requests: [{ insertText: { endOfSegmentLocation: {}, text: 'Week 1' } }] }, doc.documentId as string);
    const upload = Drive.Files.create({ name: 'a.txt' }, new FakeBlob('bytes', 'text/plain', 'a.txt') as unknown as Blob);
    const picked = workspace.drive.addUserFile({ name: 'Picked', text: 'Template', picked: true });
    workspace.drive.restrictSharing(folder.id as string);

    const restored = createWorkspace();
    restored.fromJSON(JSON.parse(JSON.stringify(workspace.toJSON())));
    const Drive2 = restored.globals.Drive as GoogleAppsScript.Drive;
    expect(documentText(restored.ctx, doc.documentId as string)).toBe('Week 1');
    expect((Drive2.Files.get(upload.id as string, { alt: 'media' }) as unknown as Blob).getDataAsString()).toBe('bytes');
    expect(Drive2.Files.get(picked).name).toBe('Picked');
    const inFolder = Drive2.Files.create({ name: 'x', mimeType: MIME.document, parents: [folder.id as string] });
    expect(() => Drive2.Permissions.create({ type: 'anyone', role: 'reader' }, inFolder.id as string)).toThrow('sufficient permissions');
  });
});
