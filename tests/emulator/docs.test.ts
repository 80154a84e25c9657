import { EmulatorContext } from '../../emulator/context';
import { Meter } from '../../emulator/meter';
import { createDocsService, documentHtml, documentText } from '../../emulator/docs';
import { DriveController } from '../../emulator/drive';

function setUp() {
  const ctx = new EmulatorContext(new Meter());
  const Docs = createDocsService(ctx);
  const Documents = Docs.Documents;
  return { ctx, Docs, Documents };
}

function documentWith(text: string) {
  const env = setUp();
  const doc = env.Documents.create({ title: 'Letter template' });
  env.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text } }] }, doc.documentId as string);
  return { ...env, id: doc.documentId as string };
}

describe('Docs.Documents', () => {
  it('creates an empty document whose body is one paragraph after the section break', () => {
    const { Documents } = setUp();
    const doc = Documents.create({ title: 'Plan' });
    expect(doc.title).toBe('Plan');
    const content = doc.body?.content ?? [];
    expect(content[0]).toEqual(expect.objectContaining({ endIndex: 1, sectionBreak: expect.any(Object) }));
    expect(content[1]).toEqual(expect.objectContaining({ startIndex: 1, endIndex: 2 }));
    expect(content[1].paragraph?.elements?.[0].textRun?.content).toBe('\n');
  });

  it('gets paragraphs with Docs index arithmetic', () => {
    const { Documents, id } = documentWith('Dear {{parent}},\nAbout {{pupil}}.');
    const content = Documents.get(id).body?.content ?? [];
    const paragraphs = content.filter((c) => c.paragraph).map((c) => [c.startIndex, c.endIndex, c.paragraph?.elements?.[0].textRun?.content]);
    expect(paragraphs).toEqual([
      [1, 18, 'Dear {{parent}},\n'],
      [18, 35, 'About {{pupil}}.\n'],
    ]);
  });

  it('replaceAllText counts occurrences, honours matchCase, and omits a zero count as proto3 JSON does', () => {
    const { Documents, ctx, id } = documentWith('Name: {{NAME}}. Again {{name}}. And {{Name}}.');
    const reply = Documents.batchUpdate({
      requests: [
        { replaceAllText: { containsText: { text: '{{name}}', matchCase: true }, replaceText: 'Amira' } },
        { replaceAllText: { containsText: { text: '{{NAME}}', matchCase: false }, replaceText: 'Khan' } },
        { replaceAllText: { containsText: { text: '{{absent}}', matchCase: true }, replaceText: 'x' } },
      ],
    }, id);
    expect(reply.replies).toEqual([
      { replaceAllText: { occurrencesChanged: 1 } },
      { replaceAllText: { occurrencesChanged: 2 } },
      { replaceAllText: {} },
    ]);
    expect(documentText(ctx, id)).toBe('Name: Khan. Again Amira. And Khan.');
  });

  it('inserts at the end of the segment and deletes a range', () => {
    const { Documents, ctx, id } = documentWith('Hello world');
    Documents.batchUpdate({ requests: [
      { insertText: { endOfSegmentLocation: {}, text: '\nSecond line' } },
      { deleteContentRange: { range: { startIndex: 6, endIndex: 12 } } },
      { updateTextStyle: { range: { startIndex: 1, endIndex: 3 }, textStyle: { bold: true }, fields: 'bold' } },
    ] }, id);
    expect(documentText(ctx, id)).toBe('Hello\nSecond line');
    expect(documentHtml(ctx, id)).toContain('<p>Hello</p>\n<p>Second line</p>');
  });

  it('rejects a bad request with the API\'s message and applies nothing from the batch', () => {
    const { Documents, ctx, id } = documentWith('Keep me');
    expect(() => Documents.batchUpdate({ requests: [
      { replaceAllText: { containsText: { text: 'Keep', matchCase: true }, replaceText: 'Lose' } },
      { insertText: { location: { index: 50 }, text: 'x' } },
    ] }, id)).toThrow('Invalid requests[1].insertText: Index 50 must be less than the end index of the referenced segment, 9.');
    expect(documentText(ctx, id)).toBe('Keep me');

    expect(() => Documents.batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: 1, endIndex: 9 } } }] }, id))
      .toThrow('The range cannot include the newline character at the end of the segment.');
    expect(() => Documents.batchUpdate({ requests: [{ frobnicate: {} } as GoogleAppsScript.Docs.Schema.Request] }, id))
      .toThrow(/Invalid JSON payload received\. Unknown name "frobnicate" at 'requests\[0\]'/);
    expect(() => Documents.batchUpdate({ requests: [{ updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: {} } }] }, id))
      .toThrow("At least one field must be listed in 'fields'.");
  });

  it('cannot open a document the app neither created nor was given (drive.file)', () => {
    const { ctx, Documents } = setUp();
    const drive = new DriveController(ctx);
    const foreign = drive.addUserFile({ name: 'Head\'s template', text: 'Private' });
    expect(() => Documents.get(foreign)).toThrow('API call to docs.documents.get failed with error: Requested entity was not found.');
    drive.pickFile(foreign);
    expect(Documents.get(foreign).title).toBe('Head\'s template');
  });

  it('meters every call and returns empty objects from the new…() factories', () => {
    const { ctx, Docs, id } = documentWith('x');
    expect(ctx.meter.snapshot()).toEqual({ 'Docs.Documents.batchUpdate': 1, 'Docs.Documents.create': 1 });
    expect(Docs.newRequest()).toEqual({});
    expect(documentText(ctx, id)).toBe('x');
  });
});
