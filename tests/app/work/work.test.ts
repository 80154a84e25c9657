/**
 * Work set on the emulator: logging a piece and a week of work, outcomes, the summary section and
 * chronology, and Google Classroom: coursework for one pupil with its link, submissions read back,
 * and a plain answer (with the work-pack route) whenever Classroom cannot be used.
 */
import { AUDIT_LOG, WORK_SET } from '../../../src/domain/schema';
import { logWeekOfWork, logWork, recordWorkOutcome } from '../../../src/app/work/logWork';
import { listClassroomCourses, refreshClassroomStates, setClassroomWork } from '../../../src/app/work/classroomWork';
import { workChronology, workSectionFor } from '../../../src/app/work/summary';
import { addCases, addStaff, COORDINATOR, freshRegister, type Register } from './registerHarness';

const PUPIL = 'sam.jones@pupils.school.example';

function registerWithCase(options: { classroomEnabled?: boolean } = {}): Register {
  const register = freshRegister(options);
  addCases(register, [{ ref: 'HN-2026-0001', pupilName: 'Sam Jones', parentName: 'Alex Jones', parentEmail: 'alex@home.example' }]);
  return register;
}

describe('logging work', () => {
  test('a week of work in one go: one write, dated from the Monday, due on the Friday by default', () => {
    const register = registerWithCase();
    register.ws.meter.reset();
    const section = register.run((ctx) => logWeekOfWork(ctx, {
      ref: 'HN-2026-0001',
      weekOf: '2026-11-25',
      items: [
        { subject: 'Maths', description: 'Fractions', medium: 'Work pack posted' },
        { subject: 'Science', description: 'Cells revision', medium: 'Work pack collected', dueDate: '2026-12-02', teacher: 'Mr Khan' },
        { subject: 'History', description: 'Live lesson on the Tudors', medium: 'Virtual lesson' },
      ],
    }));
    // The work rows in one write and their audit entries in one more, not a write per piece.
    expect(register.ws.meter.snapshot()).toMatchObject({ 'SpreadsheetApp.Range.setValues': 2 });
    expect(register.ws.meter.total('SpreadsheetApp.Sheet.appendRow')).toBe(0);
    expect(section.items).toHaveLength(3);
    expect(section.outstanding).toBe(3);
    const rows = register.run((ctx) => ctx.services.tables.readAll(WORK_SET)).map((r) => r.values);
    expect(rows.map((r) => [r.workId, r.subject, r.dateSet, r.dueDate, r.teacher])).toEqual([
      ['WK-00001', 'Maths', '2026-11-23', '2026-11-27', 'Coordinator'],
      ['WK-00002', 'Science', '2026-11-23', '2026-12-02', 'Mr Khan'],
      ['WK-00003', 'History', '2026-11-23', '2026-11-27', 'Coordinator'],
    ]);
    expect(rows.every((r) => r.loggedBy === COORDINATOR && r.loggedAt instanceof Date)).toBe(true);
    const audit = register.run((ctx) => ctx.services.tables.readAll(AUDIT_LOG)).filter((r) => r.values.action === 'Work set');
    expect(audit).toHaveLength(3);
  });

  test('every problem in a week of work is named, and nothing is logged', () => {
    const register = registerWithCase();
    expect(() => register.run((ctx) => logWeekOfWork(ctx, {
      ref: 'HN-2026-0001',
      weekOf: '2026-11-23',
      items: [
        { subject: 'Maths', description: 'Fractions', medium: 'Carrier pigeon' },
        { subject: '', description: 'Essay', medium: 'Work pack posted', dueDate: '2026-11-01' },
      ],
    }))).toThrow([
      'Item 1 (Maths): Choose how the work reaches the pupil: Google Classroom, Work pack posted, Work pack collected, Virtual lesson, Off-site lesson.',
      'Item 2: Give the subject, for example Maths.',
      'Item 2: The due date (Sun 1 Nov 2026) is before the date the work was set (Mon 23 Nov 2026).',
    ].join('\n'));
    expect(register.run((ctx) => ctx.services.tables.readAll(WORK_SET))).toHaveLength(0);
  });

  test('an unknown case is refused plainly', () => {
    const register = registerWithCase();
    expect(() => register.run((ctx) => logWork(ctx, { ref: 'HN-2026-0404', subject: 'Maths', description: 'x', medium: 'Work pack posted' })))
      .toThrow('There is no case HN-2026-0404 on the Cases sheet.');
  });

  test('a member of staff whose role cannot set work is told who can', () => {
    const register = registerWithCase();
    addStaff(register, 'office@school.example', 'Office Person', 'Office');
    register.ws.setActiveUser('office@school.example');
    expect(() => register.run((ctx) => logWork(ctx, { ref: 'HN-2026-0001', subject: 'Maths', description: 'x', medium: 'Work pack posted' })))
      .toThrow('Your role (Office) does not allow you to set work. Roles that can: Coordinator, Pastoral, SLT, Teacher.');
  });

  test('outcome and feedback, the summary section and the chronology', () => {
    const register = registerWithCase();
    register.run((ctx) => logWork(ctx, { ref: 'HN-2026-0001', subject: 'Maths', description: 'Fractions', medium: 'Work pack posted', dateSet: '2026-11-16', dueDate: '2026-11-20' }));
    register.run((ctx) => logWork(ctx, { ref: 'HN-2026-0001', subject: 'English', description: 'Poem', medium: 'Work pack posted' }));
    let section = register.run((ctx) => workSectionFor(ctx, 'HN-2026-0001'));
    expect(section).toMatchObject({ outstanding: 2, overdue: 1, returned: 0 });
    section = register.run((ctx) => recordWorkOutcome(ctx, { workId: 'WK-00001', returned: '2026-11-23', feedback: 'Good effort.' }));
    expect(section).toMatchObject({ outstanding: 1, overdue: 0, returned: 1 });
    expect(section.items.find((i) => i.workId === 'WK-00001')).toMatchObject({ returned: '2026-11-23', feedback: 'Good effort.' });
    const chronology = register.run((ctx) => workChronology(ctx, 'HN-2026-0001'));
    expect(chronology).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'Work set', date: '2026-11-16', summary: 'Maths: Fractions (Work pack posted, due Fri 20 Nov 2026); returned Mon 23 Nov 2026', by: COORDINATOR }),
    ]));
  });
});

describe('Google Classroom', () => {
  function seed(register: Register, teachers = [COORDINATOR]) {
    const maths = register.ws.classroom.seedCourse({ name: '9X Maths', teachers, students: [{ email: PUPIL, name: 'Sam Jones' }, { email: 'other@pupils.school.example' }] });
    const art = register.ws.classroom.seedCourse({ name: '9Y Art', teachers, students: [{ email: 'other@pupils.school.example' }] });
    return { maths: maths.id, art: art.id };
  }

  test('lists the user\u2019s classes with the pupil\u2019s first; sets work for that pupil alone; refresh reads submissions back', () => {
    const register = registerWithCase();
    const { ws } = register;
    const courses = seed(register);
    const listed = register.run((ctx) => listClassroomCourses(ctx, 'HN-2026-0001', PUPIL));
    expect(listed.available).toBe(true);
    expect(listed.courses.map((c) => [c.name, c.pupilEnrolled])).toEqual([['9X Maths', true], ['9Y Art', false]]);

    ws.meter.reset();
    const result = register.run((ctx) => setClassroomWork(ctx, {
      ref: 'HN-2026-0001', courseId: courses.maths, pupilEmail: PUPIL, subject: 'Maths', title: 'Fractions practice',
      description: 'Questions 1 to 10', dueDate: '2026-11-27', links: ['https://example.org/fractions'],
    }));
    expect(result.ok).toBe(true);
    expect(result.message).toBe(`The work is set in Google Classroom ("9X Maths") for ${PUPIL} only, and logged as WK-00001.`);
    expect(ws.meter.total('Classroom.Courses.CourseWork.create')).toBe(1);

    const [work] = ws.classroom.courseWork(courses.maths);
    expect(work).toMatchObject({
      title: 'Maths: Fractions practice', state: 'PUBLISHED', assigneeMode: 'INDIVIDUAL_STUDENTS',
      individualStudentsOptions: { studentIds: [ws.classroom.userIdOf(PUPIL)] },
      // 23:59 on Fri 27 Nov in London is 23:59 UTC (GMT in November).
      dueDate: { year: 2026, month: 11, day: 27 }, dueTime: { hours: 23, minutes: 59 },
      materials: [{ link: { url: 'https://example.org/fractions' } }],
    });
    const row = register.run((ctx) => ctx.services.tables.readAll(WORK_SET))[0].values;
    expect(row).toMatchObject({ medium: 'Google Classroom', classroomLink: work.alternateLink, classroomState: 'Assigned', pupilEmail: PUPIL });

    ws.classroom.setSubmissionState(courses.maths, String(work.id), PUPIL, 'TURNED_IN', true);
    const refreshed = register.run((ctx) => refreshClassroomStates(ctx, 'HN-2026-0001'));
    expect(refreshed.changed).toBe(1);
    expect(refreshed.message).toBe('Updated from Google Classroom: WK-00001: Turned in, late.');
    expect(refreshed.section.items[0]).toMatchObject({ classroomState: 'Turned in, late', returned: '2026-11-23' });
    // The pupil's email is remembered for the case.
    expect(register.run((ctx) => listClassroomCourses(ctx, 'HN-2026-0001')).pupilEmail).toBe(PUPIL);
    expect(register.run((ctx) => refreshClassroomStates(ctx, 'HN-2026-0001')).message).toBe('Google Classroom shows no change since the last refresh.');
  });

  test('a pupil not in the chosen class is told plainly, and nothing is created', () => {
    const register = registerWithCase();
    const courses = seed(register);
    const result = register.run((ctx) => setClassroomWork(ctx, { ref: 'HN-2026-0001', courseId: courses.art, pupilEmail: PUPIL, subject: 'Art', title: 'Sketch', description: '' }));
    expect(result.ok).toBe(false);
    expect(result.message).toContain(`${PUPIL} is not a pupil in "9Y Art"`);
    expect(result.message).toContain('work pack');
    expect(register.ws.classroom.courseWork(courses.art)).toHaveLength(0);
    expect(register.run((ctx) => ctx.services.tables.readAll(WORK_SET))).toHaveLength(0);
  });

  test('not a teacher of the class: a plain message offering the work-pack route', () => {
    const register = registerWithCase();
    const courses = seed(register, ['mr.khan@school.example']);
    const listed = register.run((ctx) => listClassroomCourses(ctx, 'HN-2026-0001', PUPIL));
    expect(listed).toMatchObject({ available: false, courses: [] });
    expect(listed.message).toMatch(/^You do not teach any active Google Classroom class/);
    const result = register.run((ctx) => setClassroomWork(ctx, { ref: 'HN-2026-0001', courseId: courses.maths, pupilEmail: PUPIL, subject: 'Maths', title: 'x', description: '' }));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^You are not a teacher of .* in Google Classroom, so Classroom will not let you set work there\./);
    expect(result.message).toContain('You can log the work as a work pack instead');
    expect(register.ws.classroom.courseWork(courses.maths)).toHaveLength(0);
  });

  test('Classroom service not switched on for the add-on', () => {
    const register = registerWithCase({ classroomEnabled: false });
    const listed = register.run((ctx) => listClassroomCourses(ctx, 'HN-2026-0001', PUPIL));
    expect(listed.available).toBe(false);
    expect(listed.message).toMatch(/^Google Classroom is not switched on for this add-on/);
    expect(listed.message).toContain('work pack');
    const result = register.run((ctx) => setClassroomWork(ctx, { ref: 'HN-2026-0001', courseId: '1', pupilEmail: PUPIL, subject: 'Maths', title: 'x', description: '' }));
    expect(result).toMatchObject({ ok: false, workId: '' });
    expect(result.message).toMatch(/^Google Classroom is not switched on/);
  });

  test('Classroom turned off for the school', () => {
    const register = registerWithCase();
    seed(register);
    register.ws.classroom.apiDisabled = true;
    const listed = register.run((ctx) => listClassroomCourses(ctx, 'HN-2026-0001', PUPIL));
    expect(listed.available).toBe(false);
    expect(listed.message).toMatch(/^Google Classroom is not turned on for your school/);
  });
});
