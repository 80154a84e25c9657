/** google.script.run targets for work set and Google Classroom: thin shims over the use cases. */
import { logWeekOfWork as logWeek, logWork as log, recordWorkOutcome as outcome } from '../../app/work/logWork';
import {
  listClassroomCourses as listCourses,
  refreshClassroomStates as refresh,
  setClassroomWork as setWork,
} from '../../app/work/classroomWork';
import type {
  ClassroomCoursesResult,
  ClassroomWorkResult,
  LogWeekOfWorkInput,
  LogWorkInput,
  RefreshClassroomResult,
  SetClassroomWorkInput,
  WorkOutcomeInput,
  WorkSection,
} from '../../shared/workApi';
import { fromPage } from '../runEntry';

export function logWork(input: LogWorkInput): WorkSection {
  return fromPage((ctx) => log(ctx, input));
}

export function logWeekOfWork(input: LogWeekOfWorkInput): WorkSection {
  return fromPage((ctx) => logWeek(ctx, input));
}

export function recordWorkOutcome(input: WorkOutcomeInput): WorkSection {
  return fromPage((ctx) => outcome(ctx, input));
}

export function listClassroomCourses(ref: string, pupilEmail?: string): ClassroomCoursesResult {
  return fromPage((ctx) => listCourses(ctx, ref, pupilEmail));
}

export function setClassroomWork(input: SetClassroomWorkInput): ClassroomWorkResult {
  return fromPage((ctx) => setWork(ctx, input));
}

export function refreshClassroomStates(ref: string): RefreshClassroomResult {
  return fromPage((ctx) => refresh(ctx, ref));
}
