/**
 * Work set and letters for one case, for the case summary in the sidebar and for the case
 * chronology. Each reads its sheet once.
 */
import { PARENT_LETTERS, WORK_SET } from '../../domain/schema';
import { compareIso, formatLongDate, isValidIso, toIsoDate } from '../../domain/dates';
import type { ChronologyEntry } from '../../shared/api';
import type { LetterView, WorkItemView, WorkSection } from '../../shared/workApi';
import type { CellValue, StoredRow } from '../../ports';
import type { AppContext } from '../context';

function text(value: CellValue): string {
  return value instanceof Date ? value.toISOString() : String(value ?? '');
}

/** 'Mon 7 Sep 2026' for the chronology (which is read, and exported, as the school writes dates). */
function longDateOf(iso: string): string {
  return isValidIso(iso) ? formatLongDate(iso) : iso;
}

function sameRef(row: StoredRow, ref: string): boolean {
  return String(row.values.caseRef).trim().toUpperCase() === ref.trim().toUpperCase();
}

export function workItemsFor(ctx: AppContext, ref: string): Array<WorkItemView & { rowNumber: number; classroomIds: string; pupilEmail: string }> {
  return ctx.services.tables.readAll(WORK_SET).filter((r) => sameRef(r, ref)).map((r) => ({
    rowNumber: r.rowNumber,
    workId: text(r.values.workId),
    subject: text(r.values.subject),
    teacher: text(r.values.teacher),
    description: text(r.values.description),
    medium: text(r.values.medium),
    dateSet: text(r.values.dateSet),
    dueDate: text(r.values.dueDate),
    classroomLink: text(r.values.classroomLink),
    classroomState: text(r.values.classroomState),
    classroomIds: text(r.values.classroomIds),
    pupilEmail: text(r.values.pupilEmail),
    returned: text(r.values.returned),
    feedback: text(r.values.feedback),
    loggedBy: text(r.values.loggedBy),
  }));
}

/** The case summary's "Work set" section: newest first, with what is outstanding and overdue. */
export function workSectionFor(ctx: AppContext, ref: string): WorkSection {
  const today = ctx.today();
  const items: WorkItemView[] = workItemsFor(ctx, ref)
    .map(({ rowNumber: _r, classroomIds: _c, pupilEmail: _p, ...view }) => view)
    .sort((a, b) => compareIso(b.dateSet, a.dateSet) || b.workId.localeCompare(a.workId));
  const outstanding = items.filter((i) => !i.returned);
  return {
    items,
    outstanding: outstanding.length,
    overdue: outstanding.filter((i) => i.dueDate && compareIso(i.dueDate, today) < 0).length,
    returned: items.length - outstanding.length,
  };
}

export function letterViewsFor(ctx: AppContext, ref: string): LetterView[] {
  return ctx.services.tables.readAll(PARENT_LETTERS).filter((r) => sameRef(r, ref)).map((r) => ({
    letterId: text(r.values.letterId),
    kind: text(r.values.kind),
    to: text(r.values.to),
    how: text(r.values.how),
    documentLink: text(r.values.documentLink),
    pdfLink: text(r.values.pdfLink),
    status: text(r.values.status),
    createdAt: text(r.values.createdAt),
    sentAt: text(r.values.sentAt),
    by: text(r.values.by),
  }));
}

/** The case summary's "Letters" section: newest first. */
export function lettersSectionFor(ctx: AppContext, ref: string): { letters: LetterView[]; failed: number; held: number } {
  const letters = letterViewsFor(ctx, ref).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.letterId.localeCompare(a.letterId));
  return {
    letters,
    failed: letters.filter((l) => l.status.startsWith('Failed')).length,
    held: letters.filter((l) => l.status.startsWith('Held')).length,
  };
}

/** One chronology entry per piece of work, on the day it was set. */
export function workChronology(ctx: AppContext, ref: string): ChronologyEntry[] {
  return ctx.services.tables.readAll(WORK_SET).filter((r) => sameRef(r, ref)).map((r) => {
    const loggedAt = r.values.loggedAt instanceof Date ? r.values.loggedAt.toISOString() : '';
    const due = text(r.values.dueDate);
    const back = text(r.values.returned);
    return {
      date: text(r.values.dateSet),
      at: loggedAt,
      kind: 'Work set',
      summary: `${text(r.values.subject)}: ${text(r.values.description)} (${text(r.values.medium)}${due ? `, due ${longDateOf(due)}` : ''})` +
        `${back ? `; returned ${longDateOf(back)}` : ''}${text(r.values.classroomState) ? `; Classroom: ${text(r.values.classroomState)}` : ''}`,
      by: text(r.values.loggedBy),
    };
  });
}

/** One chronology entry per letter, on the day it was sent (or asked for, if not sent). */
export function lettersChronology(ctx: AppContext, ref: string): ChronologyEntry[] {
  return ctx.services.tables.readAll(PARENT_LETTERS).filter((r) => sameRef(r, ref)).map((r) => {
    const when = r.values.sentAt instanceof Date ? r.values.sentAt : r.values.createdAt instanceof Date ? r.values.createdAt : null;
    return {
      date: when ? toIsoDate(when) : '',
      at: when ? when.toISOString() : '',
      kind: 'Letter',
      summary: `${text(r.values.kind)} to ${text(r.values.to)} (${text(r.values.how)}): ${text(r.values.status)}${text(r.values.documentLink) ? ` ${text(r.values.documentLink)}` : ''}`,
      by: text(r.values.by),
    };
  });
}
