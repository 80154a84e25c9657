/**
 * The "Import pupils from the MIS" dialog: reads the chosen CSV file in the browser (nothing is
 * uploaded to Drive) and hands its text to importPupilsCsv, then says what was added and updated
 * and lists every row that could not be read, by its row number in the file.
 */
import type { ImportReport } from '../../shared/api';
import { h } from './dom';
import { serverCall } from './serverCall';

const MAX_BYTES = 5_000_000;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The dialog is missing #${id}.`);
  return el as T;
}

function show(...children: HTMLElement[]): void {
  const result = byId<HTMLDivElement>('result');
  result.replaceChildren(...children);
}

function reportView(report: ImportReport): HTMLElement[] {
  if (report.missingColumns.length > 0) {
    return [
      h('p', { className: 'error' }, `Nothing was imported: the file has no ${report.missingColumns.join(' or ')} column.`),
      h('ul', {}, ...report.problems.map((p) => h('li', {}, p.message))),
    ];
  }
  const source = report.system === 'Unknown' ? 'the file' : `the ${report.system} export`;
  const out: HTMLElement[] = [
    h('p', { className: 'ok' }, `From ${source}: ${report.added} pupil${report.added === 1 ? '' : 's'} added, ${report.updated} updated.`),
  ];
  if (report.problems.length > 0) {
    out.push(h('p', {}, `${report.problems.length} row${report.problems.length === 1 ? '' : 's'} need${report.problems.length === 1 ? 's' : ''} checking in the MIS:`));
    out.push(h('ul', {}, ...report.problems.map((p) => h('li', {}, p.message))));
  }
  return out;
}

function start(): void {
  const file = byId<HTMLInputElement>('file');
  const button = byId<HTMLButtonElement>('import');
  file.addEventListener('change', () => {
    button.disabled = !file.files || file.files.length === 0;
    show();
  });
  byId<HTMLButtonElement>('close').addEventListener('click', () => google.script.host.close());
  button.addEventListener('click', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      show(h('p', { className: 'error' }, 'This file is too large to be a list of pupils on roll. Export only the pupils on roll and try again.'));
      return;
    }
    button.disabled = true;
    const reader = new FileReader();
    reader.onerror = () => {
      button.disabled = false;
      show(h('p', { className: 'error' }, 'The file could not be read. Choose it again, or save it again from the MIS as CSV.'));
    };
    reader.onload = () => {
      serverCall('importPupilsCsv', String(reader.result ?? ''))
        .then((report) => show(...reportView(report)))
        .catch((error: Error) => show(h('p', { className: 'error' }, error.message)))
        .finally(() => {
          button.disabled = false;
        });
    };
    reader.readAsText(chosen);
  });
}

start();
