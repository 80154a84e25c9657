/**
 * Online work through Google Classroom: the coordinator picks one of the pupil's classes (from
 * the classes they teach), the add-on creates coursework assigned to that pupil alone and logs it
 * with its link; "refresh" reads the pupil's submissions back into the log. When Classroom cannot
 * be used, the answer says why and offers the work-pack route; nothing fails silently.
 *
 * Setting work is safe to repeat: its Work set row is written "Setting in Classroom…" before
 * Classroom is asked and filled in after, so the same request made again (after a fault, a busy
 * lock or a second press) finds the row, and the coursework an earlier attempt made, and finishes
 * them instead of setting the work twice.
 */
import { AUDIT_LOG, WORK_SET } from '../../domain/schema';
import { UserFacingError, ValidationError } from '../../domain/errors';
import { isValidIso, toIsoDate } from '../../domain/dates';
import { classroomMessage, type ClassroomObstacle } from '../../domain/work/classroomMessages';
import { describeSubmission, tidy } from '../../domain/work/workItems';
import { CLASSROOM_MEDIUM } from '../../domain/work/vocabulary';
import type { ClassroomCourse, RowChange, RowValues } from '../../ports';
import type { ClassroomCoursesResult, ClassroomWorkResult, RefreshClassroomResult, SetClassroomWorkInput } from '../../shared/workApi';
import type { AppContext } from '../context';
import { recordAudit, type AuditEntry } from '../audit';
import { requireCase } from './caseRows';
import { nextIds } from './workIds';
import { workItemsFor, workSectionFor } from './summary';
import { withRegisterLock } from '../registerLock';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function obstacleOf(result: { problem: string; detail: string }, course: string): ClassroomObstacle {
  switch (result.problem) {
    case 'notInstalled': return { kind: 'notInstalled' };
    case 'notEnabled': return { kind: 'notEnabled' };
    case 'notTeacher': return { kind: 'notTeacher', course };
    case 'notFound': return { kind: 'notFound', course };
    default: return { kind: 'failed', detail: result.detail };
  }
}

function lastPupilEmail(ctx: AppContext, ref: string): string {
  const withEmail = workItemsFor(ctx, ref).filter((w) => w.pupilEmail);
  return withEmail.length ? withEmail[withEmail.length - 1].pupilEmail : '';
}

/** The classes the user teaches, marking those the pupil is in (when the pupil's email is known). */
export function listClassroomCourses(ctx: AppContext, ref: string, pupilEmail?: string): ClassroomCoursesResult {
  ctx.authorise('work.set');
  const kase = requireCase(ctx, ref);
  const email = (pupilEmail ?? '').trim() || lastPupilEmail(ctx, kase.ref);
  const unavailable = (obstacle: ClassroomObstacle): ClassroomCoursesResult => ({ available: false, message: classroomMessage(obstacle), pupilEmail: email, courses: [] });
  const present = ctx.services.classroom.available();
  if (!present.ok) return unavailable(obstacleOf(present, ''));
  const courses = ctx.services.classroom.listCourses();
  if (!courses.ok) return unavailable(obstacleOf(courses, ''));
  if (courses.value.length === 0) return unavailable({ kind: 'noCourses' });
  let enrolled = new Set<string>();
  if (email && EMAIL.test(email)) {
    const mine = ctx.services.classroom.coursesOfStudent(email);
    if (mine.ok) enrolled = new Set(mine.value);
  }
  const choices = courses.value.map((c) => ({ id: c.id, name: c.name, section: c.section, pupilEnrolled: enrolled.has(c.id) }));
  choices.sort((a, b) => Number(b.pupilEnrolled) - Number(a.pupilEnrolled) || a.name.localeCompare(b.name));
  const message = !email
    ? 'Choose the class to set the work in, and give the pupil\u2019s school email address so it is assigned to them alone.'
    : enrolled.size === 0
      ? `${email} is not a pupil in any of your Google Classroom classes. Check the address, ask the pupil\u2019s subject teacher to set the work, or log it as a work pack instead.`
      : 'Choose one of the pupil\u2019s classes (listed first).';
  return { available: true, message, pupilEmail: email, courses: choices };
}

/** Creates coursework for the pupil alone and logs it; on any obstacle says why and sets nothing. */
export function setClassroomWork(ctx: AppContext, input: SetClassroomWorkInput): ClassroomWorkResult {
  const member = ctx.authorise('work.set');
  const kase = requireCase(ctx, input.ref);
  const problems: Array<{ field: string; message: string }> = [];
  const title = tidy(input.title, 200);
  const subject = tidy(input.subject, 100);
  const description = tidy(input.description, 2000, true);
  const pupilEmail = String(input.pupilEmail ?? '').trim();
  const dueDate = String(input.dueDate ?? '').trim();
  const links = (input.links ?? []).map((l) => String(l).trim()).filter(Boolean);
  if (!subject) problems.push({ field: 'subject', message: 'Give the subject, for example Maths.' });
  if (!title) problems.push({ field: 'title', message: 'Give the work a title for Classroom, for example "Fractions practice".' });
  if (!EMAIL.test(pupilEmail)) problems.push({ field: 'pupilEmail', message: `"${pupilEmail}" is not an email address: give the pupil\u2019s school Google account.` });
  if (dueDate && !isValidIso(dueDate)) problems.push({ field: 'dueDate', message: `The due date "${dueDate}" is not a date.` });
  links.forEach((l, i) => { if (!/^https?:\/\/\S+$/.test(l)) problems.push({ field: `links[${i}]`, message: `"${l}" is not a web link (it should start with https://).` }); });
  if (problems.length) throw new ValidationError(problems);

  const refuse = (obstacle: ClassroomObstacle): ClassroomWorkResult => ({ ok: false, message: classroomMessage(obstacle), workId: '', link: '', section: workSectionFor(ctx, kase.ref) });
  const gateway = ctx.services.classroom;
  const present = gateway.available();
  if (!present.ok) return refuse(obstacleOf(present, ''));
  const courses = gateway.listCourses();
  if (!courses.ok) return refuse(obstacleOf(courses, ''));
  const course: ClassroomCourse | undefined = courses.value.find((c) => c.id === input.courseId);
  if (!course) return refuse({ kind: 'notTeacher', course: `the class with id ${input.courseId}` });
  const student = gateway.findStudent(course.id, pupilEmail);
  if (!student.ok) return refuse(obstacleOf(student, course.name));
  if (!student.value) return refuse({ kind: 'pupilNotInCourse', pupilEmail, course: course.name });
  const studentId = student.value;
  const courseWorkTitle = `${subject}: ${title}`;
  const rowDescription = description ? `${title}: ${description}` : title;
  const note = `Google Classroom: ${course.name}`;
  const sameRequest = (w: WorkItem) => w.medium === CLASSROOM_MEDIUM && w.subject === subject && w.description === rowDescription
    && w.pupilEmail.toLowerCase() === pupilEmail.toLowerCase() && w.dueDate === dueDate;

  // 1. Under the lock, before Classroom is asked: this request's row if it is already there (set,
  // or left "Setting in Classroom…" by an attempt that stopped), or a new row saying it is being
  // set. So a repeat finds it, whatever point the first attempt reached.
  const claim = withRegisterLock(ctx, () => {
    const items = workItemsFor(ctx, kase.ref);
    const linked = new Set(items.map((w) => w.classroomIds).filter(Boolean));
    const mine = items.filter(sameRequest);
    const done = mine.find((w) => w.classroomIds.startsWith(`${course.id}/`) && w.dateSet === ctx.today());
    if (done) {
      // Set already (the request repeated): only an audit entry the first attempt missed is added.
      if (!workAudited(ctx, done.workId)) recordAudit(ctx, [workAudit(kase.ref, done.workId, done, note)]);
      return { workId: done.workId, done, resumed: true, linked };
    }
    const pending = mine.find((w) => w.classroomState === SETTING_IN_CLASSROOM);
    if (pending) return { workId: pending.workId, done: undefined, resumed: true, linked };
    const [workId] = nextIds(ctx, WORK_SET, 'workId', 'WK', 1);
    ctx.services.tables.append(WORK_SET, [{
      workId, caseRef: kase.ref, subject, teacher: member.name || member.email, description: rowDescription, medium: CLASSROOM_MEDIUM,
      dateSet: ctx.today(), dueDate, loggedBy: ctx.actorEmail, loggedAt: ctx.now(), classroomState: SETTING_IN_CLASSROOM, pupilEmail,
    } as RowValues]);
    return { workId, done: undefined, resumed: false, linked };
  });
  const { workId } = claim;
  if (claim.done) {
    return {
      ok: true, message: `This work was already set in Google Classroom for ${pupilEmail}, logged as ${workId}: it was not set again.`,
      workId, link: claim.done.classroomLink, section: workSectionFor(ctx, kase.ref),
    };
  }

  // 2. Classroom, without the lock: the coursework a stopped attempt made (assigned to this pupil
  // alone, with this title, and not already another row's), or new coursework.
  let made: { id: string; link: string } | null = null;
  if (claim.resumed) {
    const found = gateway.findIndividualCourseWork(course.id, studentId, courseWorkTitle);
    if (!found.ok) return notFinished(ctx, kase.ref, workId, obstacleOf(found, course.name));
    if (found.value && !claim.linked.has(`${course.id}/${found.value.id}`)) made = found.value;
  }
  if (!made) {
    const created = gateway.createIndividualCourseWork({ courseId: course.id, studentId, title: courseWorkTitle, description, dueDate, links });
    if (!created.ok) {
      // Classroom said no for good (not installed, switched off, not the class's teacher): the
      // row goes, as nothing was set. Any other failure may or may not have made the coursework:
      // the row stays, and setting the work again finishes it without setting it twice.
      if (DEFINITE_REFUSALS.has(created.problem)) {
        withRegisterLock(ctx, () => {
          const rowNumber = rowOfWork(ctx, workId);
          if (rowNumber) ctx.services.tables.deleteRows(WORK_SET, [rowNumber]);
        });
        return refuse(obstacleOf(created, course.name));
      }
      return notFinished(ctx, kase.ref, workId, obstacleOf(created, course.name));
    }
    made = created.value;
  }
  const coursework = made;

  // 3. Under the lock: the row filled in with the link and ids, and the audit entry.
  withRegisterLock(ctx, () => {
    const rowNumber = rowOfWork(ctx, workId);
    if (!rowNumber) {
      throw new UserFacingError(`The work is set in Google Classroom ("${course.name}"), but its row ${workId} is no longer on the Work set sheet, so it could not be logged. Log it as a piece of work by hand, with the Classroom link ${coursework.link}.`);
    }
    ctx.services.tables.update(WORK_SET, [{ rowNumber, values: {
      classroomLink: coursework.link, classroomIds: `${course.id}/${coursework.id}`, classroomState: describeSubmission('NEW', false),
    } }]);
    if (!claim.resumed || !workAudited(ctx, workId)) recordAudit(ctx, [workAudit(kase.ref, workId, { subject, medium: CLASSROOM_MEDIUM, dateSet: ctx.today(), dueDate }, note)]);
  });
  return {
    ok: true,
    message: `The work is set in Google Classroom ("${course.name}") for ${pupilEmail} only, and logged as ${workId}.`,
    workId,
    link: coursework.link,
    section: workSectionFor(ctx, kase.ref),
  };
}

type WorkItem = ReturnType<typeof workItemsFor>[number];

/** A Work set row whose coursework is being made: written before Classroom is asked, filled in after. */
export const SETTING_IN_CLASSROOM = 'Setting in Classroom\u2026';

const DEFINITE_REFUSALS: ReadonlySet<string> = new Set(['notInstalled', 'notEnabled', 'notTeacher', 'notFound']);

function rowOfWork(ctx: AppContext, workId: string): number | undefined {
  return ctx.services.tables.readColumn(WORK_SET, 'workId').find((c) => String(c.value).trim() === workId)?.rowNumber;
}

/** The "Work set" entry, worded as logWork words it. */
function workAudit(ref: string, workId: string, item: { subject: string; medium: string; dateSet: string; dueDate: string }, note: string): AuditEntry {
  return {
    action: 'Work set',
    caseRef: ref,
    after: `${workId}: ${item.subject} (${item.medium}), set ${item.dateSet}${item.dueDate ? `, due ${item.dueDate}` : ''}${note ? `; ${note}` : ''}`,
  };
}

/** Whether the audit log's last rows hold this work's "Work set" entry (read only for a repeated request). */
function workAudited(ctx: AppContext, workId: string): boolean {
  return ctx.services.tables.readTail(AUDIT_LOG, 200).some((r) => String(r.values.action) === 'Work set' && String(r.values.after).startsWith(`${workId}:`));
}

/** Classroom could not be reached to finish the work: it stays "Setting in Classroom…", and the answer says so. */
function notFinished(ctx: AppContext, ref: string, workId: string, obstacle: ClassroomObstacle): ClassroomWorkResult {
  return {
    ok: false,
    message: `${classroomMessage(obstacle)} The work is logged as ${workId}, "${SETTING_IN_CLASSROOM}": set it again in a few minutes to finish it (it will not be set twice).`,
    workId, link: '', section: workSectionFor(ctx, ref),
  };
}

/** Reads the pupil's Classroom submissions back into the work log (one Classroom call per class). */
export function refreshClassroomStates(ctx: AppContext, ref: string): RefreshClassroomResult {
  ctx.authorise('work.set');
  const kase = requireCase(ctx, ref);
  const items = workItemsFor(ctx, kase.ref).filter((w) => w.classroomIds.includes('/') && w.pupilEmail);
  if (items.length === 0) {
    return { message: 'No work for this case was set in Google Classroom, so there is nothing to refresh.', changed: 0, section: workSectionFor(ctx, kase.ref) };
  }
  const gateway = ctx.services.classroom;
  const present = gateway.available();
  if (!present.ok) return { message: classroomMessage(obstacleOf(present, '')), changed: 0, section: workSectionFor(ctx, kase.ref) };

  const changes: RowChange[] = [];
  const notes: string[] = [];
  const problems: string[] = [];
  const groups = new Map<string, typeof items>();
  for (const item of items) {
    const key = `${item.classroomIds.split('/')[0]}|${item.pupilEmail.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const [key, group] of groups) {
    const [courseId, email] = key.split('|');
    const states = gateway.submissionStates(courseId, email);
    if (!states.ok) {
      problems.push(classroomMessage(obstacleOf(states, `the class of ${group.map((g) => g.workId).join(', ')}`)));
      continue;
    }
    const byWork = new Map(states.value.map((s) => [s.courseWorkId, s]));
    for (const item of group) {
      const submission = byWork.get(item.classroomIds.split('/')[1]);
      if (!submission) continue;
      const state = describeSubmission(submission.state, submission.late);
      const values: Record<string, string> = {};
      if (state !== item.classroomState) values.classroomState = state;
      const back = submission.state === 'TURNED_IN' || submission.state === 'RETURNED';
      if (back && !item.returned && submission.updatedAt) values.returned = toIsoDate(new Date(submission.updatedAt));
      if (Object.keys(values).length) {
        changes.push({ rowNumber: item.rowNumber, values });
        notes.push(`${item.workId}: ${state}`);
      }
    }
  }
  if (changes.length) {
    withRegisterLock(ctx, () => {
      ctx.services.tables.update(WORK_SET, changes);
      recordAudit(ctx, [{ action: 'Classroom states refreshed', caseRef: kase.ref, after: notes.join('; ') }]);
    });
  }
  const summary = changes.length ? `Updated from Google Classroom: ${notes.join('; ')}.` : 'Google Classroom shows no change since the last refresh.';
  return { message: [summary, ...problems].join(' '), changed: changes.length, section: workSectionFor(ctx, kase.ref) };
}
