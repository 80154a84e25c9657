import {
  YEAR_GROUPS,
  collectProblems,
  optional,
  validateAll,
  validateEmail,
  validatePersonName,
  validateRequiredText,
  validateUkPhone,
  validateYearGroup,
} from '../../src/domain/validation';
import { INJECTION_CORPUS } from './injectionCorpus';

function messageOf(result: { ok: boolean; message?: string }): string {
  if (result.ok) throw new Error('expected a problem');
  return result.message ?? '';
}

describe('validateEmail', () => {
  it.each([
    ['parent@example.org.uk', 'parent@example.org.uk'],
    ['  Jo.Bloggs+school@Gmail.COM ', 'Jo.Bloggs+school@gmail.com'],
    ["o'brien@school.sch.uk", "o'brien@school.sch.uk"],
    ['a@b-c.co', 'a@b-c.co'],
  ])('accepts %j', (input, value) => {
    expect(validateEmail(input)).toEqual({ ok: true, value });
  });

  it('says what is wrong, in plain words', () => {
    expect(messageOf(validateEmail(''))).toBe('Please enter the email address.');
    expect(messageOf(validateEmail('parent.example.org'))).toBe(
      'The email address "parent.example.org" has no @ sign. It should look like name@example.org.uk.',
    );
    expect(messageOf(validateEmail('a@b@c.com'))).toContain('more than one @ sign');
    expect(messageOf(validateEmail('jo bloggs@x.com'))).toContain('has a space in it');
    expect(messageOf(validateEmail('@x.com'))).toContain('nothing before the @');
    expect(messageOf(validateEmail('jo@'))).toContain('nothing after the @');
    expect(messageOf(validateEmail('jo@localhost'))).toContain('not a complete email domain');
    expect(messageOf(validateEmail('jo@x.c0m'))).toContain('not a complete email domain');
    expect(messageOf(validateEmail('jo@-x.com'))).toContain('not a complete email domain');
    expect(messageOf(validateEmail('jo..b@x.com'))).toContain('misplaced full stop');
    expect(messageOf(validateEmail('jo(b)@x.com'))).toContain('character an email address cannot have');
    expect(messageOf(validateEmail(`${'a'.repeat(65)}@x.com`))).toContain('too long');
  });

  it('uses the label given', () => {
    expect(messageOf(validateEmail('', 'parent email'))).toBe('Please enter the parent email.');
  });

  it('refuses formula-like input with a message', () => {
    expect(messageOf(validateEmail('=HYPERLINK("x")@x.com'))).toContain('which a spreadsheet could run as a formula');
  });
});

describe('validateUkPhone', () => {
  it.each([
    ['07700 900123', '07700 900123'],
    ['07700900123', '07700 900123'],
    ['+44 7700 900123', '07700 900123'],
    ['+44 (0)7700 900123', '07700 900123'],
    ['0044 7700 900 123', '07700 900123'],
    ['020 7946 0000', '020 7946 0000'],
    ['(020) 7946-0000', '020 7946 0000'],
    ['0113 496 0000', '0113 496 0000'],
    ['0161 496 0000', '0161 496 0000'],
    ['01632 960001', '01632 960001'],
    ['0300 123 4567', '0300 123 4567'],
    ['0800 123 4567', '0800 123 4567'],
    ['016977 4321', '01697 74321'],
  ])('accepts %j as %j (text, leading zero kept)', (input, value) => {
    expect(validateUkPhone(input)).toEqual({ ok: true, value });
  });

  it('says what is wrong', () => {
    expect(messageOf(validateUkPhone(''))).toBe('Please enter the phone number.');
    expect(messageOf(validateUkPhone('0770 090'))).toBe(
      'A UK phone number has 11 digits starting with 0, as in 07700 900123; "0770 090" has 7.',
    );
    expect(messageOf(validateUkPhone('07700 900123 ext 4'))).toContain('has letters in it');
    expect(messageOf(validateUkPhone('+33 1 23 45 67 89'))).toContain('is not a UK number');
    expect(messageOf(validateUkPhone('7700 900123'))).toContain('should start with 0 (or +44)');
    expect(messageOf(validateUkPhone('07700 + 900123'))).toContain('+ in the wrong place');
    expect(messageOf(validateUkPhone('07700/900123'))).toContain('character a phone number cannot have');
    expect(messageOf(validateUkPhone('04700 900123'))).toContain('does not start like a UK number');
  });
});

describe('validatePersonName', () => {
  it.each([
    ["O'Brien", "O'Brien"],
    ['Zoë', 'Zoë'],
    ['  Mary   Ann  ', 'Mary Ann'],
    ['Smith-Jones', 'Smith-Jones'],
    ['D\u2019Arcy', 'D\u2019Arcy'],
    ['Nguyễn', 'Nguyễn'],
    ['José María', 'José María'],
    ['Łukasz', 'Łukasz'],
    ['محمد', 'محمد'],
  ])('accepts %j', (input, value) => {
    expect(validatePersonName(input)).toEqual({ ok: true, value });
  });

  it('requires a name and at most 100 characters', () => {
    expect(messageOf(validatePersonName('   '))).toBe('Please enter the name.');
    expect(messageOf(validatePersonName('A'.repeat(101), 'surname'))).toBe(
      'The surname is 101 characters long; the most it can be is 100.',
    );
    expect(validatePersonName('A'.repeat(100)).ok).toBe(true);
  });

  it('names a character a name cannot have', () => {
    expect(messageOf(validatePersonName('Jo3'))).toBe(
      'The name "Jo3" has a digit ("3") in it. A name may have only letters, spaces, hyphens and apostrophes.',
    );
    expect(messageOf(validatePersonName('Jo;Smith'))).toContain('has ";" in it');
    expect(messageOf(validatePersonName("Smith'"))).toContain('should start and end with a letter');
  });

  it('refuses every formula-like corpus payload with a message instead of changing it', () => {
    for (const c of INJECTION_CORPUS.filter((x) => x.formulaLike)) {
      const result = validatePersonName(c.payload);
      expect(result.ok).toBe(false);
    }
    expect(messageOf(validatePersonName('=cmd'))).toBe(
      'The name "=cmd" starts with "=", which a spreadsheet could run as a formula. Please remove it.',
    );
    expect(messageOf(validatePersonName('-Smith', 'surname'))).toContain('starts with "-"');
  });
});

describe('validateYearGroup', () => {
  it.each([
    ['Reception', 'Reception'],
    ['R', 'Reception'],
    ['YR', 'Reception'],
    ['rec', 'Reception'],
    ['Year R', 'Reception'],
    ['Y7', 'Year 7'],
    ['7', 'Year 7'],
    ['07', 'Year 7'],
    ['Yr 7', 'Year 7'],
    ['Yr. 7', 'Year 7'],
    ['year 7', 'Year 7'],
    ['Year 07', 'Year 7'],
    ['NC Year 11', 'Year 11'],
    ['Y13', 'Year 13'],
    ['1', 'Year 1'],
  ])('reads %j as %s', (input, value) => {
    expect(validateYearGroup(input)).toEqual({ ok: true, value });
  });

  it('lists every year group in order', () => {
    expect(YEAR_GROUPS).toHaveLength(14);
    expect(YEAR_GROUPS[0]).toBe('Reception');
    expect(YEAR_GROUPS[13]).toBe('Year 13');
  });

  it('says what it accepts', () => {
    expect(messageOf(validateYearGroup('Year 14'))).toBe(
      '"Year 14" is not a year group we recognise. Please use Reception or Year 1 to Year 13 (Y7, Yr 7 and 7 also work).',
    );
    expect(validateYearGroup('N2').ok).toBe(false);
    expect(validateYearGroup('Year 7B').ok).toBe(false);
    expect(messageOf(validateYearGroup(''))).toBe('Please enter the year group, for example Year 7 or Reception.');
  });
});

describe('validateRequiredText', () => {
  it('trims and checks presence and length', () => {
    expect(validateRequiredText('work set', '  Maths p.12 ', 20)).toEqual({ ok: true, value: 'Maths p.12' });
    expect(messageOf(validateRequiredText('work set', ' ', 20))).toBe('Please enter the work set.');
    expect(messageOf(validateRequiredText('note', 'abcdef', 5))).toBe(
      'The note is 6 characters long; the most it can be is 5. Please shorten it.',
    );
  });
});

describe('optional', () => {
  it('accepts blank and validates anything else', () => {
    const optionalEmail = optional(validateEmail);
    expect(optionalEmail('  ')).toEqual({ ok: true, value: '' });
    expect(optionalEmail(undefined)).toEqual({ ok: true, value: '' });
    expect(optionalEmail('x@y.com')).toEqual({ ok: true, value: 'x@y.com' });
    expect(optionalEmail('nope').ok).toBe(false);
  });
});

describe('collectProblems and validateAll', () => {
  it('lists problems by field, in order', () => {
    const problems = collectProblems({
      parentEmail: validateEmail('nope', 'parent email'),
      parentPhone: validateUkPhone('07700 900123'),
      forename: validatePersonName('', 'forename'),
    });
    expect(problems).toEqual([
      { field: 'parentEmail', message: 'The parent email "nope" has no @ sign. It should look like name@example.org.uk.' },
      { field: 'forename', message: 'Please enter the forename.' },
    ]);
  });

  it('gives typed values when all are ok', () => {
    const result = validateAll({ name: validatePersonName('Zoë'), year: validateYearGroup('Y9') });
    expect(result).toEqual({ ok: true, values: { name: 'Zoë', year: 'Year 9' } });
    if (result.ok) {
      const year: string = result.values.year;
      expect(year).toBe('Year 9');
    }
  });

  it('gives every problem when any fails', () => {
    const result = validateAll({ name: validatePersonName('Zoë'), year: validateYearGroup('Y99') });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['year']);
  });
});
