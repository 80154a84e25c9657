/** Documents the add-on made (letters, chronologies, plans) and PDFs it saved, rendered to read. */
import { esc, whenText } from './html';

export interface DocumentItem { readonly id: string; readonly name: string; readonly createdTime: string; readonly kind: 'Document' | 'PDF' }

export function documentListPage(docs: readonly DocumentItem[]): string {
  return `<h1>Documents</h1>
${docs.length === 0 ? '<p>No documents yet. Generate a letter from a case in the <a href="/sidebar">sidebar</a>.</p>' : `<ul class="doc-list">${docs.map((d) =>
    `<li><a href="/documents/${esc(d.id)}">${esc(d.name)}</a> <span class="muted">${d.kind} · ${esc(whenText(d.createdTime))}</span></li>`).join('')}</ul>`}`;
}

/** Just the paragraphs of the emulator's standalone document HTML, inside the workbench's page. */
export function documentPage(name: string, standaloneHtml: string): string {
  const body = /<body>([\s\S]*)<\/body>/i.exec(standaloneHtml)?.[1] ?? '';
  return `<p><a href="/documents">← All documents</a></p><h1>${esc(name)}</h1><article class="doc">${body}</article>`;
}
