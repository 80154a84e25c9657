/**
 * What the sidebar sends and receives for work set, Google Classroom and letters to parents.
 * JSON-safe: dates as 'YYYY-MM-DD', instants as ISO strings.
 */
export interface WorkItemInput {
  readonly subject: string;
  /** Defaults to the person logging it. */
  readonly teacher?: string;
  readonly description: string;
  /** One of the "Medium" list: Google Classroom, Work pack posted, Work pack collected, Virtual lesson, Off-site lesson. */
  readonly medium: string;
  /** Defaults to today (or, for a week of work, to the week's Monday). */
  readonly dateSet?: string;
  readonly dueDate?: string;
}

export interface LogWorkInput extends WorkItemInput {
  readonly ref: string;
}

/** A coordinator logs a week's work for one pupil in one go. */
export interface LogWeekOfWorkInput {
  readonly ref: string;
  /** Any day of the week; the work is dated from its Monday. */
  readonly weekOf: string;
  /** Due date for items that do not give their own (default: the Friday of that week). */
  readonly dueDate?: string;
  readonly items: readonly WorkItemInput[];
}

export interface WorkOutcomeInput {
  readonly workId: string;
  /** The day it came back or was completed; '' to clear. */
  readonly returned?: string;
  readonly feedback?: string;
}

export interface WorkItemView {
  readonly workId: string;
  readonly subject: string;
  readonly teacher: string;
  readonly description: string;
  readonly medium: string;
  readonly dateSet: string;
  readonly dueDate: string;
  readonly classroomLink: string;
  readonly classroomState: string;
  readonly returned: string;
  readonly feedback: string;
  readonly loggedBy: string;
}

export interface WorkSection {
  readonly items: readonly WorkItemView[];
  /** Not yet returned or completed. */
  readonly outstanding: number;
  /** Outstanding and past its due date. */
  readonly overdue: number;
  readonly returned: number;
}

export interface ClassroomCourseChoice {
  readonly id: string;
  readonly name: string;
  readonly section: string;
  /** The pupil is a student of this course (when the pupil's email is known). */
  readonly pupilEnrolled: boolean;
}

export interface ClassroomCoursesResult {
  readonly available: boolean;
  /** Plain English: why Classroom cannot be used, or what to do next. */
  readonly message: string;
  /** The pupil's Classroom email last used for this case, if any. */
  readonly pupilEmail: string;
  readonly courses: readonly ClassroomCourseChoice[];
}

export interface SetClassroomWorkInput {
  readonly ref: string;
  readonly courseId: string;
  readonly pupilEmail: string;
  readonly subject: string;
  readonly title: string;
  readonly description: string;
  readonly dueDate?: string;
  readonly links?: readonly string[];
}

export interface ClassroomWorkResult {
  readonly ok: boolean;
  readonly message: string;
  readonly workId: string;
  readonly link: string;
  readonly section: WorkSection;
}

export interface RefreshClassroomResult {
  readonly message: string;
  readonly changed: number;
  readonly section: WorkSection;
}

export interface LetterRequestInput {
  /** 'Work set letter' or 'General letter'. */
  readonly kind: string;
  /** The cases to write to; ignored when allOpenCases is true. */
  readonly refs?: readonly string[];
  /** Every open case (work-set letters: every open case with work set that week). */
  readonly allOpenCases?: boolean;
  /** 'Email', 'Printed' or 'Hand delivered'. */
  readonly how: string;
  /** Work-set letters: any day of the week the work is for. */
  readonly weekOf?: string;
  /** General letters: the message. */
  readonly message?: string;
}

export interface LetterPlaceholderInfo {
  readonly name: string;
  readonly meaning: string;
  readonly required: boolean;
}

export interface LetterPreview {
  readonly kind: string;
  readonly templateLink: string;
  /** Problems with the template itself, each naming the placeholder. Nothing is made while there are any. */
  readonly templateProblems: readonly string[];
  /** Per case: who it goes to and what stops it, if anything. */
  readonly letters: ReadonlyArray<{ readonly ref: string; readonly to: string; readonly problems: readonly string[] }>;
  /** Cases left out, and why (e.g. no work set that week). */
  readonly skipped: ReadonlyArray<{ readonly ref: string; readonly reason: string }>;
  readonly placeholders: readonly LetterPlaceholderInfo[];
  /** Letters that can be made. */
  readonly ready: number;
}

export interface LetterProgress {
  /** Letters finished (Generated or Sent) in this run. */
  readonly done: number;
  /** Letters still queued: call runLetterBatch again. */
  readonly remaining: number;
  readonly held: number;
  readonly failed: number;
  /** True when calling runLetterBatch again would make progress (letters queued and no daily limit hit). */
  readonly more: boolean;
  readonly message: string;
}

export interface GenerateLettersResult {
  readonly preview: LetterPreview;
  readonly queued: number;
  readonly progress: LetterProgress;
}

export interface LetterView {
  readonly letterId: string;
  readonly kind: string;
  readonly to: string;
  readonly how: string;
  readonly documentLink: string;
  readonly pdfLink: string;
  readonly status: string;
  readonly createdAt: string;
  readonly sentAt: string;
  readonly by: string;
}
