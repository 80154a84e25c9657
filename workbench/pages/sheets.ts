/** The register's sheets as tables, with the tab bar, and rows coloured as the Sheet colours them. */
import type { SheetView } from '../workbench';
import { esc } from './html';

function rowClass(header: readonly string[], row: readonly string[]): string {
  const la = header.indexOf('LA to be told');
  const gap = header.indexOf('School days without contact');
  if (la >= 0 && (row[la] ?? '').startsWith('Yes')) return ' class="flag-la"';
  if (gap >= 0 && Number(row[gap]) >= 2) return ' class="flag-contact"';
  return '';
}

export function sheetTabs(sheets: readonly SheetView[], current: string, embed: boolean): string {
  return `<ul class="tabs" aria-label="Sheets">${sheets.map((s) => {
    const href = `/sheets/${encodeURIComponent(s.name)}${embed ? '?embed=1' : ''}`;
    const colour = s.tabColour ? ` style="border-bottom-color:${esc(s.tabColour)}"` : '';
    return `<li><a href="${href}"${colour}${s.name === current ? ' aria-current="page"' : ''}${s.hidden ? ' class="hidden-sheet" title="Hidden in the Sheet"' : ''}>${esc(s.name)}</a></li>`;
  }).join('')}</ul>`;
}

export function sheetTable(sheet: SheetView): string {
  if (sheet.rows.length === 0) return '<p>This sheet is empty.</p>';
  const [header, ...rows] = sheet.rows;
  return `<div class="grid-wrap"><table class="grid" data-sheet="${esc(sheet.name)}">
<caption class="muted" style="text-align:left;padding:0.3rem">${esc(sheet.name)}: ${rows.length} row${rows.length === 1 ? '' : 's'}${sheet.hidden ? ' (hidden in the Sheet)' : ''}</caption>
<thead><tr><th class="rownum" scope="col">#</th>${header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((row, i) => `<tr${rowClass(header, row)}><th class="rownum" scope="row">${i + 2}</th>${header.map((_, j) => `<td title="${esc(row[j] ?? '')}">${esc(row[j] ?? '')}</td>`).join('')}</tr>`).join('\n')}</tbody>
</table></div>`;
}

export function sheetsPage(sheets: readonly SheetView[], current: SheetView, embed: boolean): string {
  return `${embed ? '' : '<h1>Register</h1>'}${sheetTabs(sheets, current.name, embed)}${sheetTable(current)}`;
}

/** A bare page for the register pane beside the sidebar. */
export function embeddedSheetsPage(sheets: readonly SheetView[], current: SheetView): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${esc(current.name)}</title><link rel="stylesheet" href="/workbench.css"><style>body{background:#fff;padding:0.5rem}</style></head>
<body>${sheetsPage(sheets, current, true)}</body></html>`;
}
