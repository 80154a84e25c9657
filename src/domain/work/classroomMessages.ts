/**
 * What staff are told when Google Classroom cannot be used. Each message says why in plain words
 * and offers the work-pack route, so work is never left unset because Classroom said no.
 */
export type ClassroomObstacle =
  | { kind: 'notInstalled' }
  | { kind: 'notEnabled' }
  | { kind: 'noCourses' }
  | { kind: 'notTeacher'; course: string }
  | { kind: 'notFound'; course: string }
  | { kind: 'pupilNotInCourse'; pupilEmail: string; course: string }
  | { kind: 'failed'; detail: string };

const WORK_PACK = 'You can log the work as a work pack instead (choose "Work pack posted" or "Work pack collected").';

export function classroomMessage(obstacle: ClassroomObstacle): string {
  switch (obstacle.kind) {
    case 'notInstalled':
      return `Google Classroom is not switched on for this add-on, so work cannot be set in Classroom from here. ${WORK_PACK} The person who looks after the add-on can switch Classroom on.`;
    case 'notEnabled':
      return `Google Classroom is not turned on for your school\u2019s Google accounts (or for this add-on), so work cannot be set in Classroom from here. ${WORK_PACK}`;
    case 'noCourses':
      return `You do not teach any active Google Classroom class, so there is no class to set this work in. Ask the pupil\u2019s subject teacher to set it in their Classroom class. ${WORK_PACK}`;
    case 'notTeacher':
      return `You are not a teacher of "${obstacle.course}" in Google Classroom, so Classroom will not let you set work there. Ask one of its teachers to set it. ${WORK_PACK}`;
    case 'notFound':
      return `The Google Classroom class "${obstacle.course}" could not be found: it may have been archived or deleted. Choose another class. ${WORK_PACK}`;
    case 'pupilNotInCourse':
      return `${obstacle.pupilEmail} is not a pupil in "${obstacle.course}", so the work cannot be assigned to them there. Check the pupil\u2019s school email address or choose one of their classes. ${WORK_PACK}`;
    case 'failed':
      return `Google Classroom did not accept the work, so nothing was set (${obstacle.detail}). Try again in a few minutes. ${WORK_PACK}`;
    default:
      return WORK_PACK;
  }
}
