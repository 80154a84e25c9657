/**
 * The Classroom v1 advanced service (global `Classroom`): courses, rosters, coursework and
 * student submissions, seen by the effective user (the caller, "me").
 *
 * Permissions follow the API: anyone in a course may read it and its roster; only a teacher of the
 * course may create coursework (403 "The caller does not have permission" otherwise); a student
 * sees only their own submissions. When the school has Classroom turned off for the project,
 * every call fails with the "API has not been used in project … or it is disabled" error.
 */
import { GoogleJsonResponseException, pageOf } from './api-error';
import type { EmulatorContext } from './context';

type Course = GoogleAppsScript.Classroom.Schema.Course;
type CourseWork = GoogleAppsScript.Classroom.Schema.CourseWork;
type StudentSubmission = GoogleAppsScript.Classroom.Schema.StudentSubmission;
type UserProfile = GoogleAppsScript.Classroom.Schema.UserProfile;

export const SUBMISSION_STATES = ['NEW', 'CREATED', 'TURNED_IN', 'RETURNED', 'RECLAIMED_BY_STUDENT'] as const;
export type SubmissionState = typeof SUBMISSION_STATES[number];

interface UserRecord { id: string; email: string; fullName: string }

interface CourseRecord {
  id: string;
  name: string;
  section?: string;
  courseState: string;
  ownerId: string;
  teacherIds: string[];
  studentIds: string[];
  creationTime: string;
  enrollmentCode: string;
}

interface SubmissionRecord {
  id: string;
  userId: string;
  state: SubmissionState;
  late: boolean;
  creationTime: string;
  updateTime: string;
}

interface CourseWorkRecord {
  resource: CourseWork;
  submissions: SubmissionRecord[];
}

/** Everything the fake keeps; plain data so the workspace can persist it as JSON. */
export interface ClassroomState {
  nextNumber: number;
  users: UserRecord[];
  courses: CourseRecord[];
  courseWork: Record<string, CourseWorkRecord[]>;
  /** The school has not enabled the Classroom API for the project. */
  apiDisabled: boolean;
}

const GCP_PROJECT_NUMBER = '813260413107';
const states = new WeakMap<EmulatorContext, ClassroomState>();

function freshState(): ClassroomState {
  return { nextNumber: 1, users: [], courses: [], courseWork: {}, apiDisabled: false };
}

function stateOf(ctx: EmulatorContext): ClassroomState {
  let state = states.get(ctx);
  if (!state) {
    state = freshState();
    states.set(ctx, state);
  }
  return state;
}

/** Classroom ids are long decimal strings. */
function nextId(state: ClassroomState, base: number): string {
  const n = state.nextNumber;
  state.nextNumber += 1;
  return String(base + n);
}

function userFor(state: ClassroomState, email: string, fullName?: string): UserRecord {
  const key = email.trim().toLowerCase();
  let user = state.users.find((u) => u.email.toLowerCase() === key);
  if (!user) {
    user = { id: nextId(state, 110000000000000), email: email.trim(), fullName: fullName ?? nameFromEmail(email) };
    state.users.push(user);
  } else if (fullName) {
    user.fullName = fullName;
  }
  return user;
}

function nameFromEmail(email: string): string {
  return email.split('@')[0].split(/[._-]/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

function encodeLinkId(id: string): string {
  return Buffer.from(id).toString('base64').replace(/=+$/, '');
}

/** Shared by every collection: the caller, lookups and the permission rules. */
class ClassroomCore {
  constructor(readonly ctx: EmulatorContext) {}

  get state(): ClassroomState {
    return stateOf(this.ctx);
  }

  /** Records the call (before any work, so injected faults fire) and checks the API is enabled. */
  begin(method: string, api: string): void {
    this.ctx.meter.record('Classroom', method, 0);
    if (this.state.apiDisabled) {
      throw new GoogleJsonResponseException(api, 403,
        `Classroom API has not been used in project ${GCP_PROJECT_NUMBER} before or it is disabled. Enable it by visiting `
        + `https://console.developers.google.com/apis/api/classroom.googleapis.com/overview?project=${GCP_PROJECT_NUMBER} then retry. `
        + 'If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.');
    }
  }

  caller(): UserRecord {
    return userFor(this.state, this.ctx.effectiveUser.email);
  }

  /** A user named as "me", an email address or a numeric id; undefined when nobody matches. */
  resolveUser(ref: string): UserRecord | undefined {
    if (ref === 'me') return this.caller();
    const key = ref.toLowerCase();
    return this.state.users.find((u) => u.id === ref || u.email.toLowerCase() === key);
  }

  course(api: string, courseId: string): CourseRecord {
    const course = this.state.courses.find((c) => c.id === courseId);
    if (!course) throw new GoogleJsonResponseException(api, 404, 'Requested entity was not found.');
    return course;
  }

  /** A course the caller belongs to (as teacher or student). */
  memberCourse(api: string, courseId: string): CourseRecord {
    const course = this.course(api, courseId);
    const me = this.caller().id;
    if (!course.teacherIds.includes(me) && !course.studentIds.includes(me)) throw forbidden(api);
    return course;
  }

  isTeacher(course: CourseRecord): boolean {
    return course.teacherIds.includes(this.caller().id);
  }

  courseWorkOf(api: string, course: CourseRecord, courseWorkId: string): CourseWorkRecord {
    const found = (this.state.courseWork[course.id] ?? []).find((w) => w.resource.id === courseWorkId);
    // Students cannot see drafts; to them a draft does not exist.
    if (!found || (found.resource.state !== 'PUBLISHED' && !this.isTeacher(course))) {
      throw new GoogleJsonResponseException(api, 404, 'Requested entity was not found.');
    }
    return found;
  }

  profile(user: UserRecord): UserProfile {
    const parts = user.fullName.split(' ');
    return {
      id: user.id,
      name: { givenName: parts[0], familyName: parts.slice(1).join(' '), fullName: user.fullName },
      emailAddress: user.email,
      photoUrl: `//lh3.googleusercontent.com/a/default-user`,
    };
  }

  courseResource(course: CourseRecord): Course {
    return {
      id: course.id,
      name: course.name,
      ...(course.section ? { section: course.section } : {}),
      ownerId: course.ownerId,
      creationTime: course.creationTime,
      updateTime: course.creationTime,
      enrollmentCode: course.enrollmentCode,
      courseState: course.courseState,
      alternateLink: `https://classroom.google.com/c/${encodeLinkId(course.id)}`,
      teacherGroupEmail: `${course.name.replace(/\W+/g, '_')}_teachers_${course.id}@school.example`,
      courseGroupEmail: `${course.name.replace(/\W+/g, '_')}_${course.id}@school.example`,
      guardiansEnabled: false,
    };
  }
}

function forbidden(api: string): GoogleJsonResponseException {
  return new GoogleJsonResponseException(api, 403, 'The caller does not have permission');
}

function invalid(api: string, message: string): GoogleJsonResponseException {
  return new GoogleJsonResponseException(api, 400, message);
}

class Courses {
  readonly Students: Students;
  readonly Teachers: Teachers;
  readonly CourseWork: CourseWorkCollection;

  constructor(private readonly core: ClassroomCore) {
    this.Students = new Students(core);
    this.Teachers = new Teachers(core);
    this.CourseWork = new CourseWorkCollection(core);
  }

  list(optionalArgs: Record<string, unknown> = {}): GoogleAppsScript.Classroom.Schema.ListCoursesResponse {
    const api = 'classroom.courses.list';
    this.core.begin('Courses.list', api);
    const me = this.core.caller().id;
    let courses = this.core.state.courses.filter((c) => c.teacherIds.includes(me) || c.studentIds.includes(me));
    if (optionalArgs.teacherId !== undefined) {
      const teacher = this.core.resolveUser(String(optionalArgs.teacherId));
      courses = teacher ? courses.filter((c) => c.teacherIds.includes(teacher.id)) : [];
    }
    if (optionalArgs.studentId !== undefined) {
      const student = this.core.resolveUser(String(optionalArgs.studentId));
      courses = student ? courses.filter((c) => c.studentIds.includes(student.id)) : [];
    }
    const states = optionalArgs.courseStates as string[] | string | undefined;
    if (states !== undefined) {
      const wanted = Array.isArray(states) ? states : [states];
      courses = courses.filter((c) => wanted.includes(c.courseState));
    }
    const { page, nextPageToken } = pageOf(api, courses, optionalArgs.pageSize, optionalArgs.pageToken, 30, 1000);
    // Like the real API, an empty result has no `courses` key at all.
    return {
      ...(page.length ? { courses: page.map((c) => this.core.courseResource(c)) } : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
  }

  get(id: string): Course {
    const api = 'classroom.courses.get';
    this.core.begin('Courses.get', api);
    return this.core.courseResource(this.core.memberCourse(api, id));
  }
}

class Students {
  constructor(private readonly core: ClassroomCore) {}

  list(courseId: string, optionalArgs: Record<string, unknown> = {}): GoogleAppsScript.Classroom.Schema.ListStudentsResponse {
    const api = 'classroom.courses.students.list';
    this.core.begin('Courses.Students.list', api);
    const course = this.core.memberCourse(api, courseId);
    const students = course.studentIds.map((id) => this.core.state.users.find((u) => u.id === id) as UserRecord);
    const { page, nextPageToken } = pageOf(api, students, optionalArgs.pageSize, optionalArgs.pageToken, 30, 1000);
    return {
      ...(page.length ? { students: page.map((u) => ({ courseId, userId: u.id, profile: this.core.profile(u) })) } : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
  }
}

class Teachers {
  constructor(private readonly core: ClassroomCore) {}

  list(courseId: string, optionalArgs: Record<string, unknown> = {}): GoogleAppsScript.Classroom.Schema.ListTeachersResponse {
    const api = 'classroom.courses.teachers.list';
    this.core.begin('Courses.Teachers.list', api);
    const course = this.core.memberCourse(api, courseId);
    const teachers = course.teacherIds.map((id) => this.core.state.users.find((u) => u.id === id) as UserRecord);
    const { page, nextPageToken } = pageOf(api, teachers, optionalArgs.pageSize, optionalArgs.pageToken, 30, 1000);
    return {
      ...(page.length ? { teachers: page.map((u) => ({ courseId, userId: u.id, profile: this.core.profile(u) })) } : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
  }
}

const WORK_TYPES = ['ASSIGNMENT', 'SHORT_ANSWER_QUESTION', 'MULTIPLE_CHOICE_QUESTION'];
const WORK_STATES = ['PUBLISHED', 'DRAFT'];

class CourseWorkCollection {
  readonly StudentSubmissions: StudentSubmissions;

  constructor(private readonly core: ClassroomCore) {
    this.StudentSubmissions = new StudentSubmissions(core);
  }

  create(resource: CourseWork, courseId: string): CourseWork {
    const api = 'classroom.courses.courseWork.create';
    this.core.begin('Courses.CourseWork.create', api);
    const course = this.core.course(api, courseId);
    if (!this.core.isTeacher(course)) throw forbidden(api);
    const work = this.validated(api, course, resource ?? {});
    const now = this.core.ctx.now().toISOString();
    const id = nextId(this.core.state, 700000000000);
    const created: CourseWork = {
      courseId,
      id,
      title: work.title,
      ...(work.description ? { description: work.description } : {}),
      ...(work.materials ? { materials: work.materials } : {}),
      state: work.state ?? 'DRAFT',
      alternateLink: `https://classroom.google.com/c/${encodeLinkId(courseId)}/a/${encodeLinkId(id)}/details`,
      creationTime: now,
      updateTime: now,
      ...(work.dueDate ? { dueDate: work.dueDate, dueTime: work.dueTime } : {}),
      ...(work.maxPoints !== undefined ? { maxPoints: work.maxPoints } : {}),
      workType: work.workType,
      submissionModificationMode: 'MODIFIABLE_UNTIL_TURNED_IN',
      assigneeMode: work.assigneeMode ?? 'ALL_STUDENTS',
      ...(work.assigneeMode === 'INDIVIDUAL_STUDENTS' ? { individualStudentsOptions: { studentIds: [...(work.individualStudentsOptions?.studentIds ?? [])] } } : {}),
      creatorUserId: this.core.caller().id,
      // Only the Cloud project that created coursework may change it later.
      associatedWithDeveloper: true,
    };
    const record: CourseWorkRecord = { resource: created, submissions: [] };
    if (created.state === 'PUBLISHED') this.openSubmissions(course, record);
    (this.core.state.courseWork[courseId] ??= []).push(record);
    return structuredClone(created);
  }

  get(courseId: string, id: string): CourseWork {
    const api = 'classroom.courses.courseWork.get';
    this.core.begin('Courses.CourseWork.get', api);
    const course = this.core.memberCourse(api, courseId);
    const [visible] = this.visibleTo(course, [this.core.courseWorkOf(api, course, id)]);
    if (!visible) throw new GoogleJsonResponseException(api, 404, 'Requested entity was not found.');
    return structuredClone(visible.resource);
  }

  list(courseId: string, optionalArgs: Record<string, unknown> = {}): GoogleAppsScript.Classroom.Schema.ListCourseWorkResponse {
    const api = 'classroom.courses.courseWork.list';
    this.core.begin('Courses.CourseWork.list', api);
    const course = this.core.memberCourse(api, courseId);
    const statesArg = optionalArgs.courseWorkStates as string[] | string | undefined;
    const wanted = statesArg === undefined ? ['PUBLISHED'] : Array.isArray(statesArg) ? statesArg : [statesArg];
    if (wanted.includes('DRAFT') && !this.core.isTeacher(course)) throw forbidden(api);
    // Newest first, the API's default order (updateTime desc).
    const all = this.visibleTo(course, this.core.state.courseWork[courseId] ?? [])
      .filter((w) => wanted.includes(w.resource.state ?? ''))
      .reverse();
    const { page, nextPageToken } = pageOf(api, all, optionalArgs.pageSize, optionalArgs.pageToken, 30, 1000);
    return {
      ...(page.length ? { courseWork: page.map((w) => structuredClone(w.resource)) } : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
  }

  /** Changes title, description, state, due date/time (as named by updateMask); DRAFT→PUBLISHED opens submissions. */
  patch(resource: CourseWork, courseId: string, id: string, optionalArgs: Record<string, unknown> = {}): CourseWork {
    const api = 'classroom.courses.courseWork.patch';
    this.core.begin('Courses.CourseWork.patch', api);
    const course = this.core.course(api, courseId);
    if (!this.core.isTeacher(course)) throw forbidden(api);
    const record = this.core.courseWorkOf(api, course, id);
    const mask = String(optionalArgs.updateMask ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (mask.length === 0) throw invalid(api, 'updateMask: Update mask is required');
    const allowed = ['title', 'description', 'state', 'dueDate', 'dueTime', 'maxPoints', 'materials'];
    for (const field of mask) {
      if (!allowed.includes(field)) throw invalid(api, `updateMask: ${field} is not a patchable field`);
      if (field === 'state' && resource.state === 'DRAFT' && record.resource.state === 'PUBLISHED') {
        throw invalid(api, 'Published coursework cannot be returned to draft.');
      }
      (record.resource as Record<string, unknown>)[field] = structuredClone((resource as Record<string, unknown>)[field]);
    }
    record.resource.updateTime = this.core.ctx.now().toISOString();
    if (record.resource.state === 'PUBLISHED' && record.submissions.length === 0) this.openSubmissions(course, record);
    return structuredClone(record.resource);
  }

  remove(courseId: string, id: string): void {
    const api = 'classroom.courses.courseWork.delete';
    this.core.begin('Courses.CourseWork.remove', api);
    const course = this.core.course(api, courseId);
    if (!this.core.isTeacher(course)) throw forbidden(api);
    this.core.courseWorkOf(api, course, id);
    this.core.state.courseWork[courseId] = (this.core.state.courseWork[courseId] ?? []).filter((w) => w.resource.id !== id);
  }

  /** Students only see work assigned to them. */
  private visibleTo(course: CourseRecord, work: CourseWorkRecord[]): CourseWorkRecord[] {
    if (this.core.isTeacher(course)) return work;
    const me = this.core.caller().id;
    return work.filter((w) => w.resource.assigneeMode !== 'INDIVIDUAL_STUDENTS'
      || (w.resource.individualStudentsOptions?.studentIds ?? []).includes(me));
  }

  private validated(api: string, course: CourseRecord, resource: CourseWork): CourseWork & { title: string } {
    if (!resource.title || !resource.title.trim()) throw invalid(api, 'title: Title is required.');
    if (!resource.workType || !WORK_TYPES.includes(resource.workType)) {
      throw invalid(api, `workType: Invalid value "${resource.workType ?? ''}". Expected one of ${WORK_TYPES.join(', ')}.`);
    }
    if (resource.state !== undefined && !WORK_STATES.includes(resource.state)) {
      throw invalid(api, `state: Invalid value "${resource.state}". Coursework can be created as PUBLISHED or DRAFT.`);
    }
    if (resource.assigneeMode === 'INDIVIDUAL_STUDENTS') {
      const ids = resource.individualStudentsOptions?.studentIds ?? [];
      if (ids.length === 0) throw invalid(api, 'individualStudentsOptions.studentIds: At least one student is required when assigneeMode is INDIVIDUAL_STUDENTS.');
      for (const id of ids) {
        if (!course.studentIds.includes(id)) {
          throw invalid(api, `individualStudentsOptions.studentIds: ${id} is not the user id of a student in course ${course.id}.`);
        }
      }
    } else if (resource.assigneeMode !== undefined && resource.assigneeMode !== 'ALL_STUDENTS') {
      throw invalid(api, `assigneeMode: Invalid value "${resource.assigneeMode}".`);
    }
    if (resource.dueTime && !resource.dueDate) throw invalid(api, 'dueDate: Due date must be set when due time is set.');
    if (resource.dueDate) {
      const { year, month, day } = resource.dueDate;
      if (!year || !month || !day || month > 12 || day > 31) throw invalid(api, 'dueDate: Invalid due date.');
      if (!resource.dueTime) throw invalid(api, 'dueTime: Due time must be set when due date is set.');
    }
    for (const [i, material] of (resource.materials ?? []).entries()) {
      if (material.link && !/^https?:\/\//.test(material.link.url ?? '')) {
        throw invalid(api, `materials[${i}].link.url: A valid URL is required.`);
      }
    }
    return resource as CourseWork & { title: string };
  }

  private openSubmissions(course: CourseRecord, record: CourseWorkRecord): void {
    const assignees = record.resource.assigneeMode === 'INDIVIDUAL_STUDENTS'
      ? record.resource.individualStudentsOptions?.studentIds ?? []
      : course.studentIds;
    const now = this.core.ctx.now().toISOString();
    record.submissions = assignees.map((userId) => ({
      id: `Cg${nextId(this.core.state, 400000000)}`,
      userId,
      state: 'NEW',
      late: false,
      creationTime: now,
      updateTime: now,
    }));
  }
}

class StudentSubmissions {
  constructor(private readonly core: ClassroomCore) {}

  /** `courseWorkId` "-" lists across all the course's work, as the real API allows. */
  list(courseId: string, courseWorkId: string, optionalArgs: Record<string, unknown> = {}): GoogleAppsScript.Classroom.Schema.ListStudentSubmissionsResponse {
    const api = 'classroom.courses.courseWork.studentSubmissions.list';
    this.core.begin('Courses.CourseWork.StudentSubmissions.list', api);
    const course = this.core.memberCourse(api, courseId);
    const works = courseWorkId === '-'
      ? (this.core.state.courseWork[courseId] ?? []).filter((w) => w.resource.state === 'PUBLISHED')
      : [this.core.courseWorkOf(api, course, courseWorkId)];
    const me = this.core.caller();
    let rows = works.flatMap((w) => w.submissions.map((s) => ({ work: w.resource, s })));
    if (!this.core.isTeacher(course)) rows = rows.filter(({ s }) => s.userId === me.id);
    if (optionalArgs.userId !== undefined) {
      const user = this.core.resolveUser(String(optionalArgs.userId));
      rows = user ? rows.filter(({ s }) => s.userId === user.id) : [];
    }
    const statesArg = optionalArgs.states as string[] | string | undefined;
    if (statesArg !== undefined) {
      const wanted = Array.isArray(statesArg) ? statesArg : [statesArg];
      rows = rows.filter(({ s }) => wanted.includes(s.state));
    }
    if (optionalArgs.late === 'LATE_ONLY') rows = rows.filter(({ s }) => s.late);
    if (optionalArgs.late === 'NOT_LATE_ONLY') rows = rows.filter(({ s }) => !s.late);
    const { page, nextPageToken } = pageOf(api, rows, optionalArgs.pageSize, optionalArgs.pageToken, 30, 1000);
    const submissions: StudentSubmission[] = page.map(({ work, s }) => ({
      courseId,
      courseWorkId: work.id,
      id: s.id,
      userId: s.userId,
      creationTime: s.creationTime,
      updateTime: s.updateTime,
      state: s.state,
      // proto3 JSON: `late` appears only when true.
      ...(s.late ? { late: true } : {}),
      alternateLink: `${work.alternateLink?.replace(/\/details$/, '')}/submissions/by-status/and-sort-last-name/student/${encodeLinkId(s.userId)}`,
      courseWorkType: work.workType,
      associatedWithDeveloper: true,
      assignmentSubmission: {},
    }));
    return {
      ...(submissions.length ? { studentSubmissions: submissions } : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
  }
}

/** The `Classroom` global (only what the add-on uses: Courses and its sub-collections). */
export function createClassroomService(ctx: EmulatorContext): GoogleAppsScript.Classroom {
  return { Courses: new Courses(new ClassroomCore(ctx)) } as unknown as GoogleAppsScript.Classroom;
}

export interface SeedCourse {
  name: string;
  section?: string;
  /** Teachers' email addresses; the first owns the course. */
  teachers: string[];
  students?: Array<{ email: string; name?: string }>;
  courseState?: 'ACTIVE' | 'ARCHIVED' | 'PROVISIONED' | 'DECLINED' | 'SUSPENDED';
}

/** Exposed as workspace.classroom: what a school's Classroom admin (or the passage of time) does. */
export class ClassroomController {
  constructor(private readonly ctx: EmulatorContext) {}

  /** Creates a course with its roster; returns its id and each member's Classroom user id by email. */
  seedCourse(seed: SeedCourse): { id: string; userIds: Record<string, string> } {
    const state = stateOf(this.ctx);
    if (seed.teachers.length === 0) throw new Error('A course needs at least one teacher.');
    const teachers = seed.teachers.map((email) => userFor(state, email));
    const students = (seed.students ?? []).map((s) => userFor(state, s.email, s.name));
    const id = nextId(state, 600000000000);
    state.courses.push({
      id,
      name: seed.name,
      ...(seed.section ? { section: seed.section } : {}),
      courseState: seed.courseState ?? 'ACTIVE',
      ownerId: teachers[0].id,
      teacherIds: teachers.map((u) => u.id),
      studentIds: students.map((u) => u.id),
      creationTime: this.ctx.now().toISOString(),
      enrollmentCode: id.slice(-6),
    });
    const userIds: Record<string, string> = {};
    for (const u of [...teachers, ...students]) userIds[u.email] = u.id;
    return { id, userIds };
  }

  /** The Classroom user id for an email address (as Students.list reports it). */
  userIdOf(email: string): string {
    const user = stateOf(this.ctx).users.find((u) => u.email.toLowerCase() === email.toLowerCase());
    if (!user) throw new Error(`No Classroom user ${email}.`);
    return user.id;
  }

  /** What a student (or teacher) does in Classroom: turn in, return, reclaim; optionally late. */
  setSubmissionState(courseId: string, courseWorkId: string, studentEmail: string, state: SubmissionState, late?: boolean): void {
    if (!SUBMISSION_STATES.includes(state)) throw new Error(`Unknown submission state ${state}.`);
    const classroom = stateOf(this.ctx);
    const work = (classroom.courseWork[courseId] ?? []).find((w) => w.resource.id === courseWorkId);
    if (!work) throw new Error(`No coursework ${courseWorkId} in course ${courseId}.`);
    const userId = this.userIdOf(studentEmail);
    const submission = work.submissions.find((s) => s.userId === userId);
    if (!submission) throw new Error(`${studentEmail} has no submission for coursework ${courseWorkId}.`);
    submission.state = state;
    if (late !== undefined) submission.late = late;
    submission.updateTime = this.ctx.now().toISOString();
  }

  /** All coursework of a course, drafts included, as stored. */
  courseWork(courseId: string): CourseWork[] {
    return (stateOf(this.ctx).courseWork[courseId] ?? []).map((w) => structuredClone(w.resource));
  }

  /** When true every call throws "Classroom API has not been used in project … or it is disabled". */
  get apiDisabled(): boolean {
    return stateOf(this.ctx).apiDisabled;
  }

  set apiDisabled(disabled: boolean) {
    stateOf(this.ctx).apiDisabled = disabled;
  }

  toJSON(): ClassroomState {
    return structuredClone(stateOf(this.ctx));
  }

  fromJSON(data: ClassroomState | undefined): void {
    states.set(this.ctx, data ? structuredClone(data) : freshState());
  }
}
