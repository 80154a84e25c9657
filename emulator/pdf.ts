/**
 * Renders plain text as a small but valid PDF 1.4 (A4, Helvetica 11pt, uncompressed content
 * streams, correct xref offsets). Drive's PDF export of a Google Doc is emulated with it, so a
 * test can check the bytes begin with "%PDF-1.4" and find the document's words in them, and a
 * person can open the file from the workbench in any PDF viewer.
 */

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const FONT_SIZE = 11;
const LEADING = 14;
/** Helvetica averages about half an em per character; 90 characters fit the text width. */
const CHARS_PER_LINE = 90;
const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LEADING);

export function textToPdf(text: string, title = ''): Uint8Array {
  const lines = wrap(text);
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
  if (pages.length === 0) pages.push([]);

  // Object numbers: 1 catalog, 2 page tree, 3 font, 4 info, then a (page, content) pair per page.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title (${escapePdfString(title)}) /Producer (Health Needs Register emulator) >>`;
  pages.forEach((pageLines, i) => {
    const stream = contentStream(pageLines);
    objects[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] `
      + `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${latin1Length(stream)} >>\nstream\n${stream}\nendstream`;
  });

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = latin1Length(out);
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xrefAt = latin1Length(out);
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++) out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Uint8Array.from(Buffer.from(out, 'latin1'));
}

function contentStream(lines: string[]): string {
  const top = PAGE_HEIGHT - MARGIN - FONT_SIZE;
  const body = lines.map((line) => `(${escapePdfString(line)}) Tj T*`).join('\n');
  return `BT\n/F1 ${FONT_SIZE} Tf\n${LEADING} TL\n${MARGIN} ${top} Td\n${body}\nET`;
}

/** Breaks paragraphs into lines at spaces; a word longer than a line is split. */
function wrap(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      let w = word;
      while (w.length > CHARS_PER_LINE) {
        if (line) { out.push(line); line = ''; }
        out.push(w.slice(0, CHARS_PER_LINE));
        w = w.slice(CHARS_PER_LINE);
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= CHARS_PER_LINE) line += ` ${w}`;
      else { out.push(line); line = w; }
    }
    out.push(line);
  }
  return out;
}

/** WinAnsi codes for the typographic characters British text commonly has outside Latin-1. */
const WIN_ANSI: Record<string, string> = {
  '\u2018': '\x91', '\u2019': '\x92', '\u201c': '\x93', '\u201d': '\x94', '\u2013': '\x96', '\u2014': '\x97',
  '\u2026': '\x85', '\u20ac': '\x80', '\u2022': '\x95',
};

/** Literal-string escaping; characters WinAnsi cannot show become "?". */
function escapePdfString(s: string): string {
  return s
    .replace(/[\\()]/g, (c) => `\\${c}`)
    .replace(/[^\x20-\x7e\xa0-\xff]/g, (c) => WIN_ANSI[c] ?? '?');
}

function latin1Length(s: string): number {
  return Buffer.byteLength(s, 'latin1');
}
