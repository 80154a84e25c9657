import { createWorkspace, Workspace } from '../../emulator/workspace';

type ClassroomService = GoogleAppsScript.Classroom;

function setUp() {
  const workspace = createWorkspace({ activeUser: 'teacher@school.example', now: () => new Date('2026-09-07T08:00:00Z') });
  const Classroom = workspace.globals.Classroom as ClassroomService;
  const course = workspace.classroom.seedCourse({
    name: 'Year 9 English',
    section: '9E1',
    teachers: ['teacher@school.example'],
    students: [{ email: 'amira@pupils.school.example', name: 'Amira Khan' }, { email: 'ben@pupils.school.example', name: 'Ben Ode' }],
  });
  workspace.classroom.seedCourse({ name: 'Year 10 Maths', teachers: ['other@school.example'], students: [] });
  return { workspace, Classroom, course };
}

function assignment(studentIds?: string[]) {
  return {
    title: 'Reading pack week 1',
    description: 'Chapters 1–3 with questions',
    materials: [{ link: { url: 'https://example.org/pack', title: 'Reading pack' } }],
    workType: 'ASSIGNMENT',
    state: 'PUBLISHED',
    dueDate: { year: 2026, month: 9, day: 14 },
    dueTime: { hours: 15, minutes: 0 },
    ...(studentIds ? { assigneeMode: 'INDIVIDUAL_STUDENTS', individualStudentsOptions: { studentIds } } : {}),
  };
}

function asUser<T>(workspace: Workspace, email: string, fn: () => T): T {
  workspace.setActiveUser(email);
  try {
    return fn();
  } finally {
    workspace.setActiveUser('teacher@school.example');
  }
}

describe('Classroom courses and rosters', () => {
  it('lists the caller\'s active teaching courses and pages through students', () => {
    const { Classroom, course } = setUp();
    const courses = Classroom.Courses.list({ teacherId: 'me', courseStates: ['ACTIVE'] }).courses ?? [];
    expect(courses.map((c) => [c.name, c.section])).toEqual([['Year 9 English', '9E1']]);
    expect(courses[0].alternateLink).toMatch(/^https:\/\/classroom\.google\.com\/c\//);

    const page1 = Classroom.Courses.Students.list(course.id, { pageSize: 1 });
    expect(page1.students?.map((s) => s.profile?.name?.fullName)).toEqual(['Amira Khan']);
    const page2 = Classroom.Courses.Students.list(course.id, { pageSize: 1, pageToken: page1.nextPageToken });
    expect(page2.students?.map((s) => [s.profile?.emailAddress, s.userId])).toEqual([['ben@pupils.school.example', course.userIds['ben@pupils.school.example']]]);
    expect(page2.nextPageToken).toBeUndefined();
    expect(Classroom.Courses.Teachers.list(course.id).teachers?.map((t) => t.profile?.emailAddress)).toEqual(['teacher@school.example']);
  });

  it('answers a course the caller is not in with 403', () => {
    const { workspace, Classroom } = setUp();
    const maths = workspace.classroom.seedCourse({ name: 'Private', teachers: ['x@school.example'] });
    expect(() => Classroom.Courses.get(maths.id)).toThrow('The caller does not have permission');
  });
});

describe('Classroom coursework', () => {
  it('only a teacher of the course may create coursework', () => {
    const { workspace, Classroom, course } = setUp();
    asUser(workspace, 'amira@pupils.school.example', () => {
      let error: unknown;
      try {
        Classroom.Courses.CourseWork.create(assignment(), course.id);
      } catch (e) {
        error = e;
      }
      expect(String((error as Error).message)).toBe('API call to classroom.courses.courseWork.create failed with error: The caller does not have permission');
      expect((error as { details: { code: number } }).details.code).toBe(403);
    });
    expect(workspace.classroom.courseWork(course.id)).toEqual([]);
  });

  it('creates work for individual students, who alone get submissions', () => {
    const { workspace, Classroom, course } = setUp();
    const amira = course.userIds['amira@pupils.school.example'];
    const work = Classroom.Courses.CourseWork.create(assignment([amira]), course.id);
    expect(work.alternateLink).toMatch(/^https:\/\/classroom\.google\.com\/c\/.+\/a\/.+\/details$/);
    expect(work.assigneeMode).toBe('INDIVIDUAL_STUDENTS');
    expect(work.materials?.[0].link?.url).toBe('https://example.org/pack');
    expect(Classroom.Courses.CourseWork.get(course.id, work.id as string).title).toBe('Reading pack week 1');
    expect(Classroom.Courses.CourseWork.list(course.id).courseWork?.map((w) => w.id)).toEqual([work.id]);

    const subs = Classroom.Courses.CourseWork.StudentSubmissions?.list(course.id, work.id as string).studentSubmissions ?? [];
    expect(subs.map((s) => [s.userId, s.state, s.late])).toEqual([[amira, 'NEW', undefined]]);

    // Ben, not assigned, does not see it.
    asUser(workspace, 'ben@pupils.school.example', () => {
      expect(Classroom.Courses.CourseWork.list(course.id).courseWork).toBeUndefined();
    });

    expect(() => Classroom.Courses.CourseWork.create(assignment(['999']), course.id))
      .toThrow('999 is not the user id of a student in course');
    expect(() => Classroom.Courses.CourseWork.create({ ...assignment(), dueTime: undefined }, course.id))
      .toThrow('Due time must be set when due date is set.');
  });

  it('reports submission states and the late flag set by the controller', () => {
    const { workspace, Classroom, course } = setUp();
    const work = Classroom.Courses.CourseWork.create(assignment(), course.id);
    const cw = work.id as string;
    workspace.classroom.setSubmissionState(course.id, cw, 'amira@pupils.school.example', 'TURNED_IN', true);
    workspace.classroom.setSubmissionState(course.id, cw, 'ben@pupils.school.example', 'RECLAIMED_BY_STUDENT');
    const list = (userId?: string) => Classroom.Courses.CourseWork.StudentSubmissions?.list(course.id, cw, userId ? { userId } : {}).studentSubmissions ?? [];
    expect(list().map((s) => [s.state, s.late ?? false])).toEqual([['TURNED_IN', true], ['RECLAIMED_BY_STUDENT', false]]);
    expect(list('amira@pupils.school.example').map((s) => s.state)).toEqual(['TURNED_IN']);
    // A student sees only their own submission.
    asUser(workspace, 'ben@pupils.school.example', () => {
      expect(list().map((s) => s.state)).toEqual(['RECLAIMED_BY_STUDENT']);
    });
  });
});

describe('Classroom availability', () => {
  it('is undefined when the advanced service is not enabled', () => {
    const workspace = createWorkspace({ classroomEnabled: false });
    const target: Record<string, unknown> = { Classroom: { stale: true } };
    workspace.install(target);
    expect(target.Classroom).toBeUndefined();
    expect(workspace.globals.FormApp).toBeDefined();
  });

  it('throws the "has not been used in project" error on every call when the school has it off, and meters first', () => {
    const { workspace, Classroom } = setUp();
    workspace.classroom.apiDisabled = true;
    expect(() => Classroom.Courses.list({ teacherId: 'me' })).toThrow(/Classroom API has not been used in project \d+ before or it is disabled/);
    expect(workspace.meter.snapshot()['Classroom.Courses.list']).toBe(1);
  });

  it('keeps courses and coursework across toJSON/fromJSON', () => {
    const { workspace, Classroom, course } = setUp();
    Classroom.Courses.CourseWork.create(assignment(), course.id);
    const restored = createWorkspace({ activeUser: 'teacher@school.example' });
    restored.fromJSON(JSON.parse(JSON.stringify(workspace.toJSON())));
    const RestoredClassroom = restored.globals.Classroom as ClassroomService;
    expect(RestoredClassroom.Courses.CourseWork.list(course.id).courseWork?.map((w) => w.title)).toEqual(['Reading pack week 1']);
  });
});
