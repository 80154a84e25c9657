import { checkPlaceholders, checkTemplate, findBrokenPlaceholders, findPlaceholders } from '../../../src/domain/letters/placeholders';
import { DEFAULT_TEMPLATES, LETTER_FIELDS } from '../../../src/domain/letters/templates';
import { letterValues, valueSources } from '../../../src/domain/letters/content';

const fields = LETTER_FIELDS['General letter'];
const kase = { ref: 'HN-2026-0007', pupilName: 'Sam Jones', yearGroup: 'Year 9', parentName: 'Alex Jones', parentEmail: 'alex@home.example' };
const settings = { schoolName: 'Hill School', signOff: 'Ms Learning', expectations: 'An hour a day.' };
const values = letterValues({ kind: 'General letter', date: '2026-11-27', message: 'Hello.' }, kase, [], settings);

describe('placeholders in a template', () => {
  test('finds each distinct placeholder exactly as typed', () => {
    expect(findPlaceholders('Dear {{Parent name}}, {{ pupil  NAME }} and {{Parent name}}')).toEqual([
      { token: '{{Parent name}}', name: 'Parent name' },
      { token: '{{ pupil  NAME }}', name: 'pupil  NAME' },
    ]);
  });

  test('the default templates match their fields exactly', () => {
    expect(checkTemplate(DEFAULT_TEMPLATES['Work set letter'], LETTER_FIELDS['Work set letter'])).toEqual([]);
    expect(checkTemplate(DEFAULT_TEMPLATES['General letter'], fields)).toEqual([]);
  });

  test('loosely typed placeholders still match, and the exact text is what is replaced', () => {
    const check = checkPlaceholders('Dear {{ parent  name }}, {{PUPIL NAME}}: {{Message}}', fields, values);
    expect(check.problems).toEqual([]);
    expect(check.replacements).toEqual([
      { find: '{{ parent  name }}', replace: 'Alex Jones' },
      { find: '{{PUPIL NAME}}', replace: 'Sam Jones' },
      { find: '{{Message}}', replace: 'Hello.' },
    ]);
  });

  test('a placeholder with no data is named, with the likely intended one', () => {
    const check = checkPlaceholders('Dear {{Parent nmae}}, about {{Pupil name}}: {{Message}}', fields, values);
    expect(check.problems).toEqual(['The template has the placeholder {{Parent nmae}}, but there is no data called "Parent nmae". Did you mean {{Parent name}}?']);
  });

  test('an unknown placeholder far from any field lists the ones that exist', () => {
    const [problem] = checkPlaceholders('{{Pupil name}} {{Message}} {{Shoe size}}', fields, values).problems;
    expect(problem).toContain('{{Shoe size}}');
    expect(problem).toContain('{{Message}}');
  });

  test('data with no placeholder is named when the letter needs it', () => {
    const problems = checkPlaceholders('Dear {{Parent name}}, about {{Pupil name}}.', fields, values).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('{{Message}}');
    expect(problems[0]).toContain('no {{Message}} placeholder');
  });

  test('optional data may be left out of a template', () => {
    expect(checkPlaceholders('{{Pupil name}} {{Message}}', fields, values).problems).toEqual([]);
  });

  test('a placeholder whose value is empty says where the value comes from', () => {
    const noYear = letterValues({ kind: 'General letter', date: '2026-11-27', message: 'Hi' }, { ...kase, yearGroup: '' }, [], settings);
    const problems = checkPlaceholders('{{Pupil name}} in {{Year group}}: {{Message}}', fields, noYear, valueSources(kase)).problems;
    expect(problems).toEqual(['The placeholder {{Year group}} has no data for this letter: case HN-2026-0007 has no year group.']);
  });

  test('half-typed placeholders are reported, not silently left in the letter', () => {
    expect(findBrokenPlaceholders('Dear {{Parent name}, from {School name}} and {{Message}}')).toEqual(['{{Parent name}', '{School name}}']);
    const problems = checkTemplate('Dear {{Parent name}, {{Pupil name}} {{Message}}', fields);
    expect(problems[0]).toBe('The template has "{{Parent name}", which is not a complete placeholder: a placeholder needs two braces on each side, like {{Pupil name}}.');
  });

  test('a missing parent name reads "Parent/carer", not a blank', () => {
    const v = letterValues({ kind: 'General letter', date: '2026-11-27', message: 'Hi' }, { ...kase, parentName: '' }, [], settings);
    expect(v['Parent name']).toBe('Parent/carer');
  });
});
