import { buildGovernorsReport, governorsReportText, median, termOf, type ReportCase, type ReportInput } from '../../../src/domain/la/governorsReport';
import { publishBreakdown, publishCount, publishDerived } from '../../../src/domain/la/suppression';
import { textBarChart } from '../../../src/domain/la/textCharts';
import { lawfulBasis, suggestedLawfulBasis, LAWFUL_BASES } from '../../../src/domain/la/lawfulBases';

const kase = (over: Partial<ReportCase> = {}): ReportCase => ({
  term: 'Autumn term', daysMissed: 10, reachedFifteen: false, laTold: false, laProvision: false, daysToProvision: null,
  contact: { schoolDays: 10, made: 8, attempted: 1 }, workSet: 4, workReturned: 3, outcome: '', ...over,
});

const input = (cases: ReportCase[]): ReportInput => ({
  schoolName: 'Hillside School', yearLabel: '2026/27', generatedOn: '2027-07-01', smallNumber: 5, pupils: cases.length, cases,
  policies: [{ policy: 'Education for pupils with health needs', lastReviewed: '2026-09-10', lastApproved: '2026-10-05', nextDue: '2027-09-01' }],
});

describe('small-number suppression', () => {
  it('shows 0 and 5 or more, hides 1 to 4', () => {
    expect([0, 1, 4, 5, 12].map((n) => publishCount(n, 5).text)).toEqual(['0', 'fewer than 5', 'fewer than 5', '5', '12']);
  });

  it('hides a figure worked out from fewer than 5 cases', () => {
    expect(publishDerived(37, '37', 4, 5)).toEqual({ value: null, text: 'not shown (fewer than 5 cases)' });
    expect(publishDerived(37, '37', 5, 5)).toEqual({ value: 37, text: '37' });
  });

  it('hides a second count when one hidden count could be worked out from the total', () => {
    const out = publishBreakdown([9, 3, 6, 0], 5);
    expect(out.map((p) => p.value)).toEqual([9, null, null, 0]);
    // Two hidden already: nothing more to hide.
    expect(publishBreakdown([9, 3, 2, 7], 5).map((p) => p.value)).toEqual([9, null, null, 7]);
  });
});

describe('text bar charts', () => {
  it('scales bars to the largest value and gives hidden values words, not bars', () => {
    const lines = textBarChart('Cases', [
      { label: 'Autumn term', figure: { value: 12, text: '12' } },
      { label: 'Spring term', figure: { value: 6, text: '6' } },
      { label: 'Summer term', figure: { value: null, text: 'fewer than 5' } },
    ]);
    expect(lines).toEqual([
      'Cases',
      `Autumn term  ${'\u2588'.repeat(24)} 12`,
      `Spring term  ${'\u2588'.repeat(12)} 6`,
      'Summer term  \u2013 fewer than 5',
    ]);
  });
});

describe('governors\u2019 report', () => {
  it('names terms without dates', () => {
    expect([termOf('2026-09-07'), termOf('2027-02-01'), termOf('2027-06-30')]).toEqual(['Autumn term', 'Spring term', 'Summer term']);
  });

  it('suppresses everything when there are few cases', () => {
    const text = governorsReportText(buildGovernorsReport(input([kase(), kase({ term: 'Spring term', daysMissed: 31, reachedFifteen: true })])));
    expect(text).toContain('Cases (periods of health-related absence recorded): fewer than 5.');
    expect(text).toContain('School days missed through health needs, all cases: not shown (fewer than 5 cases).');
    expect(text).not.toMatch(/\b41\b/); // the total days would identify
    expect(text).not.toMatch(/\b31\b/);
    expect(text).toContain('Contact made    \u2013 not shown (fewer than 5 cases)');
    expect(text).toContain('Average per case: not shown (fewer than 5 cases).');
  });

  it('gives the figures when there are enough cases, with median time to provision', () => {
    const cases = [
      ...Array.from({ length: 6 }, (_, i) => kase({ daysMissed: 20 + i, reachedFifteen: true, laTold: true, laProvision: true, daysToProvision: 4 + i, outcome: 'Back full time' })),
      ...Array.from({ length: 5 }, () => kase({ term: 'Spring term', daysMissed: 3 })),
    ];
    const report = buildGovernorsReport(input(cases));
    const text = governorsReportText(report);
    expect(text).toContain('Cases (periods of health-related absence recorded): 11.');
    expect(text).toContain('Typical (median) time from the 15-day point to LA provision: 7 school days.');
    expect(text).toMatch(/Autumn term\s+\u2588+ 6/);
    expect(text).toContain('Pupils with an individual reintegration plan: 6.');
    expect(text).toContain('Education for pupils with health needs: last reviewed Thu 10 Sep 2026; approved by the governing board Mon 5 Oct 2026; next review due Wed 1 Sep 2027.');
    // The dashboard keeps the true figures.
    expect(report.dashboard.find((f) => f.chart === 'Cases by term' && f.label === 'Spring term')?.value).toBe(5);
  });

  it('takes the median of an even count as the rounded mean of the middle two', () => {
    expect(median([1, 2, 3, 10])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('lawful bases', () => {
  it('never suggests consent', () => {
    for (const recipient of ['Local authority', 'Education provider', 'Health services'] as const) {
      for (const purpose of ['sickness return', 'arranging education', 'reintegration', 'safeguarding', 'health care', 'other'] as const) {
        expect(suggestedLawfulBasis(recipient, purpose).label).not.toMatch(/consent/i);
      }
    }
    expect(suggestedLawfulBasis('Local authority', 'sickness return').article6).toMatch(/6\(1\)\(c\)/);
    expect(suggestedLawfulBasis('Health services', 'health care').article9).toMatch(/9\(2\)\(h\)/);
    expect(lawfulBasis(LAWFUL_BASES[1].label.toUpperCase())).toBe(LAWFUL_BASES[1]);
  });
});
