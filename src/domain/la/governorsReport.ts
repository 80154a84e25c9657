/**
 * The annual report to governors on how the policy worked: counts of cases, school days missed,
 * the time from the 15-day point to LA provision, contact compliance, work set and returned, and
 * reintegration outcomes. It is built from anonymous facts only (no name, UPN, date of birth or
 * case date ever reaches it), grouped by term, with small numbers suppressed.
 */
import { formatLongDate, isValidIso, type IsoDate } from '../dates';
import { publishBreakdown, publishCount, publishDerived } from './suppression';
import { textBarChart, type ChartBar } from './textCharts';
import { REINTEGRATION_OUTCOMES } from './vocabulary';

export const TERMS = ['Autumn term', 'Spring term', 'Summer term'] as const;
export type Term = (typeof TERMS)[number];

/** September to December, January to March, April to August: terms named without any date. */
export function termOf(iso: IsoDate): Term {
  const month = Number(iso.slice(5, 7));
  if (month >= 9) return 'Autumn term';
  if (month <= 3) return 'Spring term';
  return 'Summer term';
}

/** One case as the report sees it: nothing that names or dates a pupil. */
export interface ReportCase {
  readonly term: Term;
  readonly daysMissed: number;
  readonly reachedFifteen: boolean;
  readonly laTold: boolean;
  readonly laProvision: boolean;
  /** School days from the 15-day point to the first day of LA provision; null when either is missing. */
  readonly daysToProvision: number | null;
  /** School days of absence and how many had contact made / attempted only; null when not known. */
  readonly contact: { readonly schoolDays: number; readonly made: number; readonly attempted: number } | null;
  readonly workSet: number;
  readonly workReturned: number;
  /** The reintegration plan's outcome, or '' when there is no plan. */
  readonly outcome: string;
}

export interface PolicyLine {
  readonly policy: string;
  readonly lastReviewed: IsoDate | '';
  readonly lastApproved: IsoDate | '';
  readonly nextDue: IsoDate | '';
}

export interface ReportInput {
  readonly schoolName: string;
  readonly yearLabel: string;
  readonly generatedOn: IsoDate;
  /** Counts below this are suppressed. */
  readonly smallNumber: number;
  readonly pupils: number;
  readonly cases: readonly ReportCase[];
  readonly policies: readonly PolicyLine[];
}

export interface ReportSection {
  readonly heading: string;
  readonly lines: readonly string[];
}

/** A figure for the coordinator's dashboard: the true number (the dashboard stays inside the register). */
export interface DashboardFigure {
  readonly chart: string;
  readonly label: string;
  readonly value: number;
}

export interface GovernorsReport {
  readonly title: string;
  readonly sections: readonly ReportSection[];
  readonly dashboard: readonly DashboardFigure[];
}

export const CHARTS = {
  casesByTerm: 'Cases by term',
  daysByTerm: 'School days missed by term',
  daysBands: 'Cases by school days missed',
  timeToProvision: 'School days from the 15-day point to LA provision',
  contact: 'Contact on school days of absence',
  work: 'Work set and returned',
  outcomes: 'Reintegration outcomes',
} as const;

const DAY_BANDS: ReadonlyArray<{ label: string; test: (n: number) => boolean }> = [
  { label: '1 to 4 days', test: (n) => n >= 1 && n <= 4 },
  { label: '5 to 14 days', test: (n) => n >= 5 && n <= 14 },
  { label: '15 to 29 days', test: (n) => n >= 15 && n <= 29 },
  { label: '30 days or more', test: (n) => n >= 30 },
];

const PROVISION_BANDS: ReadonlyArray<{ label: string; test: (n: number) => boolean }> = [
  { label: '0 to 5 school days', test: (n) => n <= 5 },
  { label: '6 to 10 school days', test: (n) => n >= 6 && n <= 10 },
  { label: '11 to 15 school days', test: (n) => n >= 11 && n <= 15 },
  { label: 'More than 15 school days', test: (n) => n > 15 },
];

export function buildGovernorsReport(input: ReportInput): GovernorsReport {
  const k = input.smallNumber;
  const cases = input.cases;
  const sections: ReportSection[] = [];
  const dashboard: DashboardFigure[] = [];
  const dash = (chart: string, label: string, value: number) => dashboard.push({ chart, label, value });

  sections.push({
    heading: 'About this report',
    lines: [
      `${input.schoolName}: how the policy "Education for pupils with health needs who cannot attend school" worked in ${input.yearLabel}, up to ${formatLongDate(input.generatedOn)}.`,
      `To protect pupils\u2019 privacy, no pupil is named and no dates of individual absences are given. Figures from 1 to ${k - 1} are shown as "fewer than ${k}", and figures worked out from fewer than ${k} cases are not shown.`,
    ],
  });

  // Cases
  const byTerm = TERMS.map((t) => cases.filter((c) => c.term === t));
  const termCounts = publishBreakdown(byTerm.map((g) => g.length), k);
  byTerm.forEach((g, i) => dash(CHARTS.casesByTerm, TERMS[i], g.length));
  sections.push({
    heading: 'Cases',
    lines: [
      `Cases (periods of health-related absence recorded): ${publishCount(cases.length, k).text}.`,
      `Pupils: ${publishCount(input.pupils, k).text}.`,
      '',
      ...textBarChart(`${CHARTS.casesByTerm} (the term each case began)`, TERMS.map((t, i) => ({ label: t, figure: termCounts[i] }))),
    ],
  });

  // School days missed
  const totalDays = sum(cases.map((c) => c.daysMissed));
  const daysByTerm: ChartBar[] = byTerm.map((g, i) => {
    const days = sum(g.map((c) => c.daysMissed));
    dash(CHARTS.daysByTerm, TERMS[i], days);
    return { label: TERMS[i], figure: g.length === 0 ? { value: 0, text: '0' } : publishDerived(days, String(days), g.length, k) };
  });
  const bandCounts = DAY_BANDS.map((b) => cases.filter((c) => b.test(c.daysMissed)).length);
  DAY_BANDS.forEach((b, i) => dash(CHARTS.daysBands, b.label, bandCounts[i]));
  const bands = publishBreakdown(bandCounts, k);
  sections.push({
    heading: 'School days missed',
    lines: [
      `School days missed through health needs, all cases: ${publishDerived(totalDays, String(totalDays), cases.length, k).text}.`,
      `Average per case: ${publishDerived(avg(totalDays, cases.length), `${avg(totalDays, cases.length).toFixed(1)} school days`, cases.length, k).text}.`,
      '',
      ...textBarChart(CHARTS.daysByTerm, daysByTerm),
      '',
      ...textBarChart(CHARTS.daysBands, DAY_BANDS.map((b, i) => ({ label: b.label, figure: bands[i] }))),
    ],
  });

  // The 15-day point and LA provision
  const reached = cases.filter((c) => c.reachedFifteen);
  const told = cases.filter((c) => c.laTold);
  const provided = cases.filter((c) => c.laProvision);
  const times = reached.map((c) => c.daysToProvision).filter((n): n is number => n !== null);
  const timeBands = PROVISION_BANDS.map((b) => times.filter((n) => b.test(n)).length);
  const waiting = reached.filter((c) => !c.laProvision).length;
  const timeBandCounts = [...timeBands, waiting];
  const timeLabels = [...PROVISION_BANDS.map((b) => b.label), 'No LA provision (yet)'];
  timeLabels.forEach((label, i) => dash(CHARTS.timeToProvision, label, timeBandCounts[i]));
  const timePublished = publishBreakdown(timeBandCounts, k);
  const medianTime = median(times);
  sections.push({
    heading: 'The 15-school-day point and LA provision',
    lines: [
      `Cases that reached 15 school days missed: ${publishCount(reached.length, k).text}.`,
      `Cases where the LA was told: ${publishCount(told.length, k).text}.`,
      `Cases with education arranged by the LA: ${publishCount(provided.length, k).text}.`,
      `Typical (median) time from the 15-day point to LA provision: ${medianTime === null ? 'no cases yet' : publishDerived(medianTime, `${medianTime} school days`, times.length, k).text}.`,
      '',
      ...textBarChart(CHARTS.timeToProvision, timeLabels.map((label, i) => ({ label, figure: timePublished[i] }))),
    ],
  });

  // Contact compliance
  const withContact = cases.filter((c) => c.contact !== null && c.contact.schoolDays > 0);
  const absenceDays = sum(withContact.map((c) => c.contact?.schoolDays ?? 0));
  const made = sum(withContact.map((c) => c.contact?.made ?? 0));
  const attempted = sum(withContact.map((c) => c.contact?.attempted ?? 0));
  const none = Math.max(0, absenceDays - made - attempted);
  const pct = (n: number) => (absenceDays > 0 ? Math.round((n / absenceDays) * 100) : 0);
  const contactBars: ChartBar[] = [
    { label: 'Contact made', figure: publishDerived(pct(made), `${pct(made)}%`, withContact.length, k) },
    { label: 'Attempted only', figure: publishDerived(pct(attempted), `${pct(attempted)}%`, withContact.length, k) },
    { label: 'No contact', figure: publishDerived(pct(none), `${pct(none)}%`, withContact.length, k) },
  ];
  dash(CHARTS.contact, 'Contact made', made);
  dash(CHARTS.contact, 'Attempted only', attempted);
  dash(CHARTS.contact, 'No contact', none);
  sections.push({
    heading: 'Daily contact',
    lines: [
      'The policy asks for contact to be sought on each school day of absence. Share of school days of absence:',
      '',
      ...textBarChart(CHARTS.contact, contactBars),
    ],
  });

  // Work set and returned
  const withWork = cases.filter((c) => c.workSet > 0);
  const set = sum(withWork.map((c) => c.workSet));
  const returned = sum(withWork.map((c) => c.workReturned));
  dash(CHARTS.work, 'Pieces of work set', set);
  dash(CHARTS.work, 'Returned or completed', returned);
  sections.push({
    heading: 'Work set and returned',
    lines: [
      `Cases where the school set work: ${publishCount(withWork.length, k).text}.`,
      '',
      ...textBarChart(CHARTS.work, [
        { label: 'Pieces of work set', figure: publishDerived(set, String(set), withWork.length, k) },
        { label: 'Returned or completed', figure: publishDerived(returned, String(returned), withWork.length, k) },
      ]),
      `Share returned or completed: ${publishDerived(pctOf(returned, set), `${pctOf(returned, set)}%`, withWork.length, k).text}.`,
    ],
  });

  // Reintegration outcomes
  const planned = cases.filter((c) => c.outcome !== '');
  const outcomeCounts = REINTEGRATION_OUTCOMES.map((o) => planned.filter((c) => c.outcome === o).length);
  REINTEGRATION_OUTCOMES.forEach((o, i) => dash(CHARTS.outcomes, o, outcomeCounts[i]));
  const outcomes = publishBreakdown(outcomeCounts, k);
  sections.push({
    heading: 'Reintegration',
    lines: [
      `Pupils with an individual reintegration plan: ${publishCount(planned.length, k).text}.`,
      '',
      ...textBarChart(CHARTS.outcomes, REINTEGRATION_OUTCOMES.map((o, i) => ({ label: o, figure: outcomes[i] }))),
    ],
  });

  // Policy review
  sections.push({
    heading: 'Policy review',
    lines: [
      'The policy is reviewed every year by the Headteacher and, at every review, approved by the full governing board.',
      ...input.policies.map((p) =>
        `${p.policy}: last reviewed ${dateOrNone(p.lastReviewed)}; approved by the governing board ${dateOrNone(p.lastApproved)}; next review due ${dateOrNone(p.nextDue)}.`,
      ),
    ],
  });

  return { title: `Report to governors: pupils with health needs, ${input.yearLabel}`, sections, dashboard };
}

/** The report as plain text, one paragraph per line: what the document is made from. */
export function governorsReportText(report: GovernorsReport): string {
  const out: string[] = [report.title, ''];
  for (const s of report.sections) out.push(s.heading, ...s.lines, '');
  return out.join('\n').replace(/\n+$/, '');
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function avg(total: number, count: number): number {
  return count > 0 ? total / count : 0;
}

function pctOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

function dateOrNone(iso: IsoDate | ''): string {
  return isValidIso(iso) ? formatLongDate(iso) : 'not recorded';
}
