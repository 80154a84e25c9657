/**
 * What the sidebar sends and receives for LA arrangements, reintegration and governance.
 * JSON-safe: dates as 'YYYY-MM-DD'.
 */
export interface ReferralPackInput {
  readonly ref: string;
  /** What the pupil's class is studying and the materials the provider can use. */
  readonly curriculum?: string;
  /** Evidence the school holds, as references ("Consultant letter, 3 Nov 2026, medical file"): never copies. */
  readonly evidence?: readonly string[];
  /** 'email': the PDF goes to the LA referral address now and the LA is recorded as told; 'none': staff send it themselves, then record it as sent. */
  readonly send: 'email' | 'none';
  /** Defaults to the suggested basis for a sickness return. */
  readonly lawfulBasis?: string;
}

export interface ReferralSentInput {
  readonly ref: string;
  readonly sentOn: string;
  /** How it went: "LA portal", "Secure email" … */
  readonly how: string;
  readonly documentLink?: string;
  readonly lawfulBasis?: string;
}

export interface DocumentResult {
  readonly name: string;
  readonly url: string;
}

export interface ReferralPackResult {
  readonly document: DocumentResult;
  readonly pdf: DocumentResult | null;
  /** 'Sent to …' or 'Made: send it, then record it as sent'. */
  readonly status: string;
}

export interface InformationSharedInput {
  readonly ref: string;
  readonly sharedOn?: string;
  /** Local authority, Education provider or Health services. */
  readonly sharedWith: string;
  /** Organisation, person and address. */
  readonly recipient: string;
  readonly what: string;
  readonly why: string;
  /** One of the lawful bases offered (see lawfulBasisOptions). */
  readonly lawfulBasis: string;
  readonly how?: string;
  readonly documentLink?: string;
}

export interface LawfulBasisOption {
  readonly label: string;
  readonly article6: string;
  readonly article9: string;
  readonly explanation: string;
  readonly suggested: boolean;
}

export interface ProvisionInput {
  readonly ref: string;
  readonly provider: string;
  readonly plannedHours: number;
  readonly referredOn?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly note?: string;
}

export interface HoursDeliveredInput {
  readonly ref: string;
  /** Any day of the week; stored as its Monday. */
  readonly weekOf: string;
  readonly hours: number;
  readonly note?: string;
}

export interface KeepInTouchInput {
  readonly ref: string;
  readonly date?: string;
  readonly kind: string;
  readonly description: string;
  readonly link?: string;
}

export interface PartTimeTimetableInput {
  readonly ref: string;
  /** Given to change an existing timetable. */
  readonly timetableId?: string;
  readonly start: string;
  readonly end: string;
  readonly timetable?: string;
  readonly nextReview?: string;
  readonly parentAgreedOn?: string;
  readonly laNotifiedOn?: string;
  readonly endedOn?: string;
}

export interface ReintegrationPlanInput {
  readonly ref: string;
  readonly returnDate?: string;
  readonly phasedTimetable: string;
  readonly whoSupports?: string;
  readonly catchUp?: string;
  readonly curriculumContinuity?: string;
  readonly views?: string;
  /** Review dates; the first is the next review. */
  readonly reviewDates: readonly string[];
}

export interface PlanReviewInput {
  readonly planId: string;
  readonly reviewedOn?: string;
  readonly decisions: string;
  readonly nextReview?: string;
  readonly outcome?: string;
}

export interface AdjustmentInput {
  readonly ref: string;
  readonly adjustment: string;
  readonly status?: string;
  readonly agreedOn?: string;
  readonly reviewBy?: string;
}

export interface AdjustmentReviewInput {
  readonly adjustmentId: string;
  readonly reviewedOn?: string;
  readonly note: string;
  readonly status?: string;
  readonly reviewBy?: string;
}

export interface PolicyReviewInput {
  readonly policy: string;
  readonly reviewedOn?: string;
  readonly approvedOn?: string;
  readonly minuteRef?: string;
  readonly link?: string;
}

export interface LaReminder {
  readonly ref: string;
  readonly pupilName: string;
  readonly text: string;
}

/**
 * The LA arrangements and reintegration state of one case, for the case summary's `sections.la`.
 * Dates as 'YYYY-MM-DD' ('' when not recorded). No health detail: document links (which may
 * carry the kind of health need) only for roles that may see health details.
 */
export interface LaCaseSection {
  readonly kind: 'la';
  /** The current LA provision (the latest without an end date, else the latest), or null. */
  readonly provision: LaProvisionView | null;
  readonly keepInTouch: KeepInTouchView;
  readonly partTimeTimetables: readonly PartTimeTimetableView[];
  readonly plans: readonly ReintegrationPlanView[];
  readonly adjustments: readonly AdjustmentView[];
  readonly informationShared: readonly InformationSharedView[];
  /** A sheet the section needs is missing or damaged: said in plain words; the rest is empty. */
  readonly problem?: string;
}

export interface LaProvisionView {
  readonly provider: string;
  readonly referredOn: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly plannedHours: number;
  readonly daysWithoutEducation: number;
  /** Over the recent complete school weeks that have hours entered. */
  readonly plannedInWindow: number;
  readonly deliveredInWindow: number;
  /** Null when there is nothing to compare yet. */
  readonly shortfallPercent: number | null;
  /** Mondays of recent complete weeks with no hours entered. */
  readonly unrecordedWeeks: readonly string[];
  readonly recentWeeks: ReadonlyArray<{ readonly weekOf: string; readonly hours: number; readonly note: string }>;
  /** Past a limit in Settings: escalate to the LA's named officer. */
  readonly escalate: boolean;
  readonly escalationReasons: readonly string[];
  readonly escalatedOn: string;
  readonly namedOfficer: string;
  readonly note: string;
}

export interface KeepInTouchView {
  readonly lastDate: string;
  readonly lastKind: string;
  readonly lastDescription: string;
  readonly count: number;
  /** The reminder the digest would give, or ''. */
  readonly reminder: string;
}

export interface PartTimeTimetableView {
  readonly timetableId: string;
  readonly start: string;
  readonly end: string;
  readonly timetable: string;
  readonly nextReview: string;
  readonly parentAgreedOn: string;
  readonly laNotifiedOn: string;
  readonly endedOn: string;
  readonly codeAdvice: string;
  readonly needsAction: readonly string[];
}

export interface ReintegrationPlanView {
  readonly planId: string;
  readonly madeOn: string;
  readonly returnDate: string;
  /** Only for roles that may see health details. */
  readonly documentLink?: string;
  readonly nextReview: string;
  readonly lastReviewed: string;
  readonly outcome: string;
  /** 'Review overdue since …', 'Review due today', 'Next review …' or ''. */
  readonly reviewStatus: string;
  readonly reviews: ReadonlyArray<{ readonly reviewedOn: string; readonly decisions: string; readonly nextReview: string; readonly outcome: string; readonly by: string }>;
}

export interface AdjustmentView {
  readonly adjustmentId: string;
  readonly adjustment: string;
  readonly status: string;
  readonly agreedOn: string;
  readonly reviewBy: string;
  readonly lastReviewed: string;
  readonly reviewNote: string;
  /** 'Review overdue since …' or ''. */
  readonly reminder: string;
}

export interface InformationSharedView {
  readonly shareId: string;
  readonly sharedOn: string;
  readonly sharedWith: string;
  readonly recipient: string;
  readonly what: string;
  readonly why: string;
  readonly lawfulBasis: string;
  readonly how: string;
  /** Only for roles that may see health details. */
  readonly documentLink?: string;
  readonly by: string;
}
