/**
 * The contract between the sidebar (src/ui/client) and the server (src/gas/pageApi): every
 * function the page may call through google.script.run, with JSON-safe arguments and results.
 * Dates cross as 'YYYY-MM-DD' strings (school days) or ISO instants; never Date objects, which
 * google.script.run does not carry reliably.
 */

import type {
  ClassroomCoursesResult, ClassroomWorkResult, GenerateLettersResult, LetterPreview, LetterProgress, LetterRequestInput,
  LogWeekOfWorkInput, LogWorkInput, RefreshClassroomResult, SetClassroomWorkInput, WorkOutcomeInput, WorkSection,
} from './workApi';

export type * from './workApi';
import type * as La from './laApi';
export type * from './laApi';

export type IsoDate = string;

export type PermissionName =
  | 'register.setUp' | 'register.view' | 'case.open' | 'case.change' | 'case.close' | 'health.view'
  | 'contact.log' | 'work.set' | 'letter.send' | 'la.share' | 'audit.verify' | 'staff.manage'
  | 'pupils.import' | 'checks.run' | 'retention.dispose' | 'governance.report';

export interface CurrentUser {
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly permissions: readonly PermissionName[];
}

/** One line of the sidebar's case list. No health detail. */
export interface CaseListItem {
  readonly ref: string;
  readonly pupilName: string;
  readonly yearGroup: string;
  readonly status: string;
  readonly arrangement: string;
  readonly daysThisYear: number;
  /** '' or e.g. 'Yes: reached Thu 1 Oct 2026' / 'Yes: expected' / 'Told on Fri 2 Oct 2026'. */
  readonly laFlag: string;
  readonly lastContact: IsoDate | '';
  readonly daysWithoutContact: number;
  readonly nextAction: string;
}

export interface SidebarState {
  readonly user: CurrentUser;
  readonly schoolName: string;
  readonly today: IsoDate;
  readonly openCases: readonly CaseListItem[];
  readonly unmatchedContacts: number;
  /** Problems with settings or hand-typed cells, in plain English. */
  readonly problems: readonly string[];
}

export interface PupilMatch {
  readonly upn: string;
  readonly name: string;
  readonly yearGroup: string;
  readonly formGroup: string;
  readonly dateOfBirth: IsoDate | '';
  /** A case already open for this pupil, if any. */
  readonly openCaseRef: string;
}

export interface AttendanceAdvice {
  readonly code: string;
  readonly meaning: string;
  readonly advice: string;
}

export interface ComplianceDay {
  readonly date: IsoDate;
  readonly status: 'made' | 'attempted' | 'missing';
}

export interface ContactView {
  readonly date: IsoDate;
  readonly contacted: string;
  readonly method: string;
  readonly outcome: string;
  /** Only for roles that may see health details. */
  readonly wellbeing?: string;
  readonly engagement: string;
  readonly nextSteps: string;
  readonly loggedBy: string;
}

export interface ChronologyEntry {
  readonly date: IsoDate;
  /** ISO instant when known, for ordering within a day. */
  readonly at: string;
  readonly kind: 'Contact' | 'Case' | 'Work set' | 'Letter' | 'Information shared' | 'Keep in touch' | 'Provision' | 'Plan' | string;
  readonly summary: string;
  readonly by: string;
}

export interface CaseSummary extends CaseListItem {
  readonly upn: string;
  readonly dateOfBirth: IsoDate | '';
  readonly formGroup: string;
  readonly parentName: string;
  readonly parentEmail: string;
  readonly parentPhone: string;
  /** Present only for roles that may see health details. */
  readonly healthNeed?: string;
  readonly healthDetail?: string;
  readonly firstDay: IsoDate;
  readonly expectedReturn: IsoDate | '';
  readonly expectsFifteen: boolean;
  readonly lead: string;
  readonly daysThisPeriod: number;
  readonly fifteenDayOn: IsoDate | '';
  readonly projectedFifteenDay: IsoDate | '';
  readonly laNotifiedOn: IsoDate | '';
  readonly attendance: AttendanceAdvice;
  readonly periods: ReadonlyArray<{ start: IsoDate; end: IsoDate | '' }>;
  readonly contactFormLink: string;
  /** Most recent school days of absence first. */
  readonly compliance: readonly ComplianceDay[];
  readonly recentContacts: readonly ContactView[];
  readonly nextActions: readonly string[];
  /**
   * The other areas' records (work set, letters, LA provision…). The summary's core leaves them
   * out; the page fetches them with getCaseSections right after drawing the core.
   */
  readonly sections?: Readonly<Record<string, unknown>>;
}

/** The other areas' sections of one case, keyed by area (workSet, letters, la…). */
export interface CaseSections {
  readonly ref: string;
  readonly sections: Readonly<Record<string, unknown>>;
}

export interface OpenCaseInput {
  readonly upn: string;
  /** Needed only when the pupil is not on the Pupils sheet. */
  readonly pupilName?: string;
  readonly dateOfBirth?: IsoDate;
  readonly yearGroup?: string;
  readonly formGroup?: string;
  readonly parentName?: string;
  readonly parentEmail?: string;
  readonly parentPhone?: string;
  readonly healthNeed: string;
  readonly healthDetail?: string;
  readonly firstDay: IsoDate;
  readonly expectedReturn?: IsoDate;
  readonly expectsFifteen?: boolean;
  readonly lead?: string;
  readonly arrangement: string;
}

export interface ChangeCaseInput {
  readonly ref: string;
  readonly changes: Partial<{
    arrangement: string;
    expectedReturn: IsoDate | '';
    expectsFifteen: boolean;
    lead: string;
    healthNeed: string;
    healthDetail: string;
    parentName: string;
    parentEmail: string;
    parentPhone: string;
    laNotifiedOn: IsoDate | '';
  }>;
  /** Why, for the case history. */
  readonly note?: string;
}

export interface PeriodInput {
  readonly ref: string;
  readonly date: IsoDate;
}

export interface CloseCaseInput {
  readonly ref: string;
  /** The pupil's first day back, or the date the case ends. */
  readonly date: IsoDate;
  readonly note?: string;
}

export interface LogContactInput {
  readonly ref: string;
  readonly date: IsoDate;
  readonly contacted: string;
  readonly method: string;
  readonly outcome: string;
  readonly wellbeing?: string;
  readonly engagement?: string;
  readonly nextSteps?: string;
  /** Made by the page once per entry, so a call the page repeats is not logged twice. */
  readonly requestId?: string;
}

export interface UnmatchedContact {
  readonly contactId: string;
  readonly receivedAt: string;
  readonly pupilAnswer: string;
  readonly reason: string;
  readonly respondent: string;
}

export interface ImportReport {
  readonly system: string;
  readonly added: number;
  readonly updated: number;
  readonly problems: ReadonlyArray<{ row: number; message: string }>;
  readonly missingColumns: readonly string[];
}

export interface FormChoices {
  readonly arrangements: readonly string[];
  readonly healthNeeds: readonly string[];
  readonly yearGroups: readonly string[];
  readonly contacted: readonly string[];
  readonly methods: readonly string[];
  readonly outcomes: readonly string[];
}

/**
 * Server functions the page calls. Each is a top-level function of the bundle (see main.ts)
 * with the same name. Later areas (work set, letters, LA, reintegration, trust) add theirs here.
 */
export interface ServerApi {
  getSidebarState(): SidebarState;
  getFormChoices(): FormChoices;
  searchPupils(query: string): PupilMatch[];
  getCaseSummary(ref: string): CaseSummary;
  getCaseSections(ref: string): CaseSections;
  openCase(input: OpenCaseInput): CaseSummary;
  changeCase(input: ChangeCaseInput): CaseSummary;
  recordReturn(input: PeriodInput): CaseSummary;
  recordNewAbsence(input: PeriodInput): CaseSummary;
  closeCase(input: CloseCaseInput): CaseSummary;
  logContact(input: LogContactInput): CaseSummary;
  listUnmatchedContacts(): UnmatchedContact[];
  resolveUnmatchedContact(contactId: string, ref: string | null): UnmatchedContact[];
  getChronology(ref: string): ChronologyEntry[];
  exportChronology(ref: string): { url: string; name: string };
  importPupilsCsv(csvText: string): ImportReport;
  runDailyCheckNow(): string;
  logWork(input: LogWorkInput): WorkSection;
  logWeekOfWork(input: LogWeekOfWorkInput): WorkSection;
  recordWorkOutcome(input: WorkOutcomeInput): WorkSection;
  listClassroomCourses(ref: string, pupilEmail?: string): ClassroomCoursesResult;
  setClassroomWork(input: SetClassroomWorkInput): ClassroomWorkResult;
  refreshClassroomStates(ref: string): RefreshClassroomResult;
  previewLetter(input: LetterRequestInput): LetterPreview;
  generateLetters(input: LetterRequestInput): GenerateLettersResult;
  runLetterBatch(): LetterProgress;
  retryFailedLetters(letterIds?: string[]): LetterProgress;
  generateReferralPack(input: La.ReferralPackInput): La.ReferralPackResult;
  recordReferralSent(input: La.ReferralSentInput): { status: string };
  logInformationShared(input: La.InformationSharedInput): { shareId: string };
  getLawfulBasisOptions(recipient: string, purpose: string): La.LawfulBasisOption[];
  recordProvision(input: La.ProvisionInput): { status: string };
  recordHoursDelivered(input: La.HoursDeliveredInput): { status: string };
  generateLaProvisionLetters(ref: string): { documents: La.DocumentResult[] };
  logKeepInTouch(input: La.KeepInTouchInput): { status: string };
  recordPartTimeTimetable(input: La.PartTimeTimetableInput): { timetableId: string; needsAction: string; codeAdvice: string };
  createReintegrationPlan(input: La.ReintegrationPlanInput): { planId: string; document: La.DocumentResult };
  recordPlanReview(input: La.PlanReviewInput): { status: string };
  recordAdjustment(input: La.AdjustmentInput): { adjustmentId: string };
  reviewAdjustment(input: La.AdjustmentReviewInput): { status: string };
  recordPolicyReview(input: La.PolicyReviewInput): { status: string };
  generateGovernorsReport(): La.DocumentResult;
  refreshDashboard(): { status: string; charts: number };
  getLaReminders(): La.LaReminder[];
  // Other areas' server functions register here.
}
