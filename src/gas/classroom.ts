/**
 * Google Classroom through its v1 advanced service, as the signed-in teacher. Classroom may be
 * missing (the advanced service not switched on), turned off for the school or the project, or the
 * user may not teach the course: each comes back as a named problem, never as a silent failure.
 */
import { londonDateTime } from '../domain/dates';
import type { ClassroomCourse, ClassroomGateway, ClassroomProblem, ClassroomResult, NewCourseWork, SubmissionState } from '../ports';
import { httpStatus } from './driveDocs';

function service(): GoogleAppsScript.Classroom | null {
  return typeof Classroom === 'undefined' || !Classroom ? null : Classroom;
}

function failure<T>(problem: ClassroomProblem, detail: string): ClassroomResult<T> {
  return { ok: false, problem, detail };
}

/** Runs one Classroom call, turning its errors into named problems. */
function attempt<T>(fn: (classroom: GoogleAppsScript.Classroom) => T): ClassroomResult<T> {
  const classroom = service();
  if (!classroom) return failure('notInstalled', 'The Classroom advanced service is not enabled for this script.');
  try {
    return { ok: true, value: fn(classroom) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const status = httpStatus(error);
    if (/has not been used in project|it is disabled|ClassroomApiDisabled|not permitted to access the Classroom API/i.test(message)) {
      return failure('notEnabled', message);
    }
    if (status === 403 || /does not have permission/i.test(message)) return failure('notTeacher', message);
    if (status === 404) return failure('notFound', message);
    return failure('failed', message);
  }
}

export class AdvancedClassroomGateway implements ClassroomGateway {
  available(): ClassroomResult<true> {
    return service() ? { ok: true, value: true } : failure('notInstalled', 'The Classroom advanced service is not enabled for this script.');
  }

  listCourses(): ClassroomResult<ClassroomCourse[]> {
    return attempt((classroom) => {
      const out: ClassroomCourse[] = [];
      let pageToken: string | undefined;
      do {
        const page = classroom.Courses.list({ teacherId: 'me', courseStates: ['ACTIVE'], pageSize: 1000, ...(pageToken ? { pageToken } : {}) });
        for (const c of page.courses ?? []) {
          out.push({ id: String(c.id), name: String(c.name ?? ''), section: String(c.section ?? ''), link: String(c.alternateLink ?? '') });
        }
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return out;
    });
  }

  coursesOfStudent(studentEmail: string): ClassroomResult<string[]> {
    return attempt((classroom) => {
      const out: string[] = [];
      let pageToken: string | undefined;
      do {
        const page = classroom.Courses.list({ teacherId: 'me', studentId: studentEmail, courseStates: ['ACTIVE'], pageSize: 1000, ...(pageToken ? { pageToken } : {}) });
        for (const c of page.courses ?? []) out.push(String(c.id));
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return out;
    });
  }

  findStudent(courseId: string, studentEmail: string): ClassroomResult<string | null> {
    const wanted = studentEmail.trim().toLowerCase();
    return attempt((classroom) => {
      let pageToken: string | undefined;
      do {
        const page = classroom.Courses.Students.list(courseId, { pageSize: 1000, ...(pageToken ? { pageToken } : {}) });
        const found = (page.students ?? []).find((s) => String(s.profile?.emailAddress ?? '').toLowerCase() === wanted);
        if (found) return String(found.userId);
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return null;
    });
  }

  createIndividualCourseWork(work: NewCourseWork): ClassroomResult<{ id: string; link: string }> {
    return attempt((classroom) => {
      const due = work.dueDate ? londonDateTime(work.dueDate, '23:59') : null;
      const created = classroom.Courses.CourseWork.create({
        title: work.title,
        description: work.description,
        workType: 'ASSIGNMENT',
        state: 'PUBLISHED',
        assigneeMode: 'INDIVIDUAL_STUDENTS',
        individualStudentsOptions: { studentIds: [work.studentId] },
        materials: work.links.map((url) => ({ link: { url } })),
        // Classroom's due date and time are in UTC.
        ...(due ? {
          dueDate: { year: due.getUTCFullYear(), month: due.getUTCMonth() + 1, day: due.getUTCDate() },
          dueTime: { hours: due.getUTCHours(), minutes: due.getUTCMinutes() },
        } : {}),
      }, work.courseId);
      return { id: String(created.id), link: String(created.alternateLink ?? '') };
    });
  }

  findIndividualCourseWork(courseId: string, studentId: string, title: string): ClassroomResult<{ id: string; link: string } | null> {
    return attempt((classroom) => {
      let pageToken: string | undefined;
      do {
        // Newest first (the API's order), so the first match is the latest.
        const page = classroom.Courses.CourseWork.list(courseId, { courseWorkStates: ['PUBLISHED'], pageSize: 1000, ...(pageToken ? { pageToken } : {}) });
        const found = (page.courseWork ?? []).find((w) => w.title === title && w.assigneeMode === 'INDIVIDUAL_STUDENTS'
          && (w.individualStudentsOptions?.studentIds ?? []).length === 1 && w.individualStudentsOptions?.studentIds?.[0] === studentId);
        if (found) return { id: String(found.id), link: String(found.alternateLink ?? '') };
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return null;
    });
  }

  submissionStates(courseId: string, studentId: string): ClassroomResult<SubmissionState[]> {
    return attempt((classroom) => {
      const out: SubmissionState[] = [];
      let pageToken: string | undefined;
      do {
        const page = (classroom.Courses.CourseWork.StudentSubmissions as GoogleAppsScript.Classroom.Collection.Courses.CourseWork.StudentSubmissionsCollection).list(courseId, '-', { userId: studentId, pageSize: 1000, ...(pageToken ? { pageToken } : {}) });
        for (const s of page.studentSubmissions ?? []) {
          out.push({ courseWorkId: String(s.courseWorkId), state: String(s.state ?? ''), late: s.late === true, updatedAt: String(s.updateTime ?? '') });
        }
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return out;
    });
  }
}
