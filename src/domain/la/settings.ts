/**
 * Settings for LA arrangements, reintegration and governance, shown on the Settings sheet. The
 * policy names the school's LA service "the MIAPS"; what that stands for varies by area, so the
 * service, its named officer, referral address, SLA and local rules are the school's to fill in.
 */
import type { SettingDefinition } from '../settings';

export const LA_SETTING = {
  serviceName: 'LA medical needs service',
  namedOfficer: 'LA named officer',
  namedOfficerEmail: 'LA named officer email',
  referralEmail: 'LA referral email',
  slaReference: 'LA service level agreement reference',
  partTimeNoticeDays: 'Tell the LA of a part-time timetable within (school days)',
  gapLimit: 'Escalate after school days without education since referral',
  shortfallPercent: 'Escalate when hours delivered fall short by more than (%)',
  shortfallWeeks: 'Weeks looked at for hours delivered',
  keepInTouchDays: 'Keep-in-touch reminder after (school days)',
  reintegrationReviewDays: 'Reintegration plan review every (school days)',
  policyReviewMonth: 'Policy review month (1-12)',
  smallNumber: 'Governors\u2019 report: hide counts below',
} as const;

export const LA_SETTINGS: readonly SettingDefinition[] = [
  { label: LA_SETTING.serviceName, kind: 'text', defaultValue: 'MIAPS (the LA medical needs and alternative provision service)', explanation: 'The name of the LA service that educates pupils who cannot attend because of health needs (the policy calls it the MIAPS). Used in the referral pack and letters.' },
  { label: LA_SETTING.namedOfficer, kind: 'text', defaultValue: '', explanation: 'The LA officer responsible for the education of children with health needs. Parents are told who this is; escalations go to them.' },
  { label: LA_SETTING.namedOfficerEmail, kind: 'email', defaultValue: '', explanation: 'The named officer\u2019s email, for escalations.' },
  { label: LA_SETTING.referralEmail, kind: 'email', defaultValue: '', explanation: 'Where the LA wants referrals and sickness returns sent.' },
  { label: LA_SETTING.slaReference, kind: 'text', defaultValue: '', explanation: 'The school\u2019s service level agreement with the LA service, quoted on the referral pack.' },
  { label: LA_SETTING.partTimeNoticeDays, kind: 'number', defaultValue: '10', min: 0, max: 60, explanation: 'Local rule: the LA must be told of a part-time timetable within this many school days of it starting (e.g. 10 for "within 2 weeks"). 0 means before it starts.' },
  { label: LA_SETTING.gapLimit, kind: 'number', defaultValue: '15', min: 1, max: 60, explanation: 'A case is flagged for escalation to the named officer when more than this many school days pass after the referral without education starting.' },
  { label: LA_SETTING.shortfallPercent, kind: 'number', defaultValue: '20', min: 1, max: 100, explanation: 'A case is flagged for escalation when the hours delivered over the recent weeks fall short of the planned hours by more than this percentage.' },
  { label: LA_SETTING.shortfallWeeks, kind: 'number', defaultValue: '4', min: 1, max: 12, explanation: 'How many recent complete school weeks the hours check looks at.' },
  { label: LA_SETTING.keepInTouchDays, kind: 'number', defaultValue: '10', min: 1, max: 60, explanation: 'The digest lists a pupil educated by the LA when nothing has been sent to keep them in touch with school life for this many school days.' },
  { label: LA_SETTING.reintegrationReviewDays, kind: 'number', defaultValue: '10', min: 1, max: 60, explanation: 'A reintegration plan is due for review this many school days after it was made or last reviewed, unless a review date is set on the plan.' },
  { label: LA_SETTING.policyReviewMonth, kind: 'number', defaultValue: '9', min: 1, max: 12, explanation: 'The month each year when the Headteacher reviews the policy (9 = September). The digest reminds the coordinator from a month before.' },
  { label: LA_SETTING.smallNumber, kind: 'number', defaultValue: '5', min: 2, max: 20, explanation: 'Counts from 1 to one less than this are shown as "fewer than N" in the governors\u2019 report and dashboard, so no pupil can be recognised.' },
];
