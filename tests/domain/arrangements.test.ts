import {
  ARRANGEMENTS,
  ARRANGEMENT_LABELS,
  CASE_STATUSES,
  HEALTH_NEED_KINDS,
  arrangementInfo,
  isArrangement,
  isCaseStatus,
  isHealthNeedKind,
} from '../../src/domain/arrangements';

describe('arrangements', () => {
  it('has exactly the dropdown labels, in order', () => {
    expect(ARRANGEMENT_LABELS).toEqual([
      'Not yet arranged',
      'School work: online',
      'School work: work packs',
      'Virtual lessons (exceptional)',
      'Off-site lessons (exceptional)',
      'LA-arranged provision',
      'Hospital school (dual registered)',
      'Part-time timetable',
      'Reintegration',
      'Closed',
    ]);
  });

  it('says who arranges each', () => {
    const by = Object.fromEntries(ARRANGEMENTS.map((a) => [a.label, a.arrangedBy]));
    expect(by).toEqual({
      'Not yet arranged': '—',
      'School work: online': 'School',
      'School work: work packs': 'School',
      'Virtual lessons (exceptional)': 'School',
      'Off-site lessons (exceptional)': 'School',
      'LA-arranged provision': 'LA',
      'Hospital school (dual registered)': 'LA',
      'Part-time timetable': 'School',
      Reintegration: 'School',
      Closed: '—',
    });
  });

  it('gives each a one-line description for staff', () => {
    for (const a of ARRANGEMENTS) {
      expect(a.description.length).toBeGreaterThan(20);
      expect(a.description.length).toBeLessThan(130);
      expect(a.description).not.toContain('\n');
    }
    expect(arrangementInfo('LA-arranged provision').description).toContain('section 19');
  });

  it('recognises only exact labels', () => {
    expect(isArrangement('Reintegration')).toBe(true);
    expect(isArrangement('reintegration')).toBe(false);
    expect(isArrangement('Closed ')).toBe(false);
    expect(isArrangement(3)).toBe(false);
    expect(isArrangement(undefined)).toBe(false);
  });
});

describe('case statuses and health-need kinds', () => {
  it('lists statuses', () => {
    expect(CASE_STATUSES).toEqual(['Open', 'Closed']);
    expect(isCaseStatus('Open')).toBe(true);
    expect(isCaseStatus('open')).toBe(false);
  });

  it('lists kinds of need without diagnoses', () => {
    expect(HEALTH_NEED_KINDS).toEqual([
      'Physical illness',
      'Mental health',
      'Injury or surgery',
      'Long-term condition',
      'Hospital stay',
      'Other health need',
      'Not recorded',
    ]);
    expect(isHealthNeedKind('Mental health')).toBe(true);
    expect(isHealthNeedKind('Anxiety')).toBe(false);
  });
});
