import { readFileSync } from 'fs';
import { join } from 'path';
import { parseUserDate } from '../../src/domain/dates';
import {
  COLUMN_SYNONYMS,
  detectSystem,
  importPupils,
  mapColumns,
  normaliseHeader,
  splitFullName,
} from '../../src/domain/misImport';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const options = { parseDate: parseUserDate };

describe('header matching', () => {
  it('ignores case and punctuation', () => {
    expect(normaliseHeader('Parent/Carer Name')).toBe('parentcarername');
    expect(normaliseHeader(' Date Of Birth ')).toBe(normaliseHeader('date of birth'));
    expect(normaliseHeader('D.O.B.')).toBe('dob');
  });

  it('prefers legal names to preferred ones, whatever the column order', () => {
    const columns = mapColumns(['Preferred Forename', 'Surname', 'Legal Forename', 'UPN']);
    expect(columns.forename).toBe(2);
    expect(columns.surname).toBe(1);
    expect(columns.upn).toBe(3);
  });

  it('does not use one column for two fields', () => {
    const columns = mapColumns(['Name', 'UPN']);
    expect(columns.fullName).toBe(0);
    expect(columns.parentName).toBeUndefined();
  });

  it('knows the synonyms listed in the brief', () => {
    expect(COLUMN_SYNONYMS.upn).toEqual(['UPN', 'Unique Pupil Number']);
    for (const header of ['Reg', 'Reg Group', 'Registration Group', 'Registration form', 'Form', 'Tutor Group', 'Form Group']) {
      expect(mapColumns([header]).formGroup).toBe(0);
    }
    for (const header of ['Contact 1 Phone', 'Primary Contact Telephone', 'Parent Mobile', 'Priority 1 Contact Mobile']) {
      expect(mapColumns([header]).parentPhone).toBe(0);
    }
    for (const header of ['Adno', 'Admission Number', 'Student ID', 'MIS ID', 'Person ID']) {
      expect(mapColumns([header]).misId).toBe(0);
    }
    for (const header of ['Year', 'Year Group', 'NC Year', 'Curriculum Year']) {
      expect(mapColumns([header]).yearGroup).toBe(0);
    }
  });

  it('names the MIS only when its headers stand out', () => {
    expect(detectSystem(['Adno', 'UPN', 'Legal Surname', 'Legal Forename', 'Reg'])).toBe('SIMS');
    expect(detectSystem(['Student ID', 'UPN', 'Student Name', 'Registration Form'])).toBe('Arbor');
    expect(detectSystem(['Person ID', 'UPN', 'Tutor Group', 'Priority 1 Contact Name'])).toBe('Bromcom');
    expect(detectSystem(['UPN', 'Surname', 'Forename'])).toBe('Unknown');
  });
});

describe('splitFullName', () => {
  it('reads "Surname, Forename" and "Forename Surname"', () => {
    expect(splitFullName('SMITH, John Paul')).toEqual({ surname: 'SMITH', forename: 'John Paul' });
    expect(splitFullName('Amelia Rose Hughes')).toEqual({ surname: 'Hughes', forename: 'Amelia Rose' });
    expect(splitFullName('Cher')).toEqual({ surname: 'Cher', forename: '' });
  });
});

describe('importPupils: SIMS export (BOM, CRLF, legal and preferred names, bad rows)', () => {
  const result = importPupils(fixture('sims.csv'), options);

  it('recognises SIMS and maps its columns', () => {
    expect(result.system).toBe('SIMS');
    expect(result.missingColumns).toEqual([]);
    expect(result.mapping).toEqual({
      upn: 'UPN',
      surname: 'Legal Surname',
      forename: 'Legal Forename',
      dateOfBirth: 'DOB',
      yearGroup: 'Year',
      formGroup: 'Reg',
      parentName: 'Primary Contact',
      parentEmail: 'Contact 1 Email',
      parentPhone: 'Contact 1 Phone',
      misId: 'Adno',
    });
  });

  it('imports the readable rows, using legal names', () => {
    expect(result.pupils.map((p) => p.upn)).toEqual([
      'B801200005001', 'Q801200005002', 'E801200005003', 'Z80120200024A', 'R886202100017',
    ]);
    expect(result.pupils[0]).toEqual({
      upn: 'B801200005001',
      surname: 'Smith',
      forename: 'Jonathan',
      name: 'Jonathan Smith',
      dateOfBirth: '2012-09-07',
      yearGroup: 'Year 8',
      formGroup: '8JS',
      parentName: 'Mrs Sarah Smith',
      parentEmail: 'sarah.smith@example.org.uk',
      parentPhone: '07700 900123',
      misId: '001234',
    });
    expect(result.pupils[1]).toMatchObject({ name: 'Siobhán O\'Brien', parentPhone: '07700 900456', dateOfBirth: '2011-03-14' });
    expect(result.pupils[2]).toMatchObject({ surname: 'Khan-Ahmed', parentName: 'Khan, Farah', parentPhone: '0113 496 0000' });
  });

  it('reports every row it could not read, with its row number, and skips nothing silently', () => {
    const skipped = result.problems.filter((p) => p.skipped);
    expect(skipped.map((p) => p.row)).toEqual([5, 6, 8, 9]);
    expect(skipped[0].message).toBe(
      'Row 5: Dylan Jones: The UPN C801201900114 does not check out: its first letter should be A for these digits. Please check it against the MIS. This row was not imported.',
    );
    expect(skipped[1].message).toMatch(/^Row 6: the date of birth for Zofia Nowak cannot be read\. The date "31\/02\/2012" does not exist\./);
    expect(skipped[2].message).toBe('Row 8: there is no pupil name. This row was not imported.');
    expect(skipped[3].message).toBe(
      'Row 9: Jonathon Smyth has the same UPN (B801200005001) as row 2; only row 2 was imported. This row was not imported.',
    );
    // Every non-blank data row (rows 2–6 and 8–11) is either a pupil or a skipped problem.
    expect(result.pupils.length + skipped.length).toBe(9);
  });

  it('imports a temporary UPN and notes details it had to leave out', () => {
    expect(result.pupils[3]).toMatchObject({ upn: 'Z80120200024A', yearGroup: 'Year 4', parentEmail: '' });
    const notes = result.problems.filter((p) => !p.skipped);
    expect(notes.map((p) => p.row)).toEqual([10, 11, 11]);
    expect(notes[0].message).toContain('Row 10: Yusuf Ali was imported without a parent or carer email: The email address "ali-at-example.org" has no @ sign.');
    expect(notes[1].message).toContain('Row 11: Megan Evans was imported without a year group: "N2" is not a year group we recognise.');
    expect(notes[2].message).toContain('without a parent or carer phone number');
    expect(result.pupils[4]).toMatchObject({ yearGroup: '', parentPhone: '' });
  });
});

describe('importPupils: Arbor export (single name column, ISO dates, injection attempts)', () => {
  const result = importPupils(fixture('arbor.csv'), options);

  it('recognises Arbor and splits names both ways', () => {
    expect(result.system).toBe('Arbor');
    expect(result.mapping.fullName).toBe('Student Name');
    expect(result.pupils.map((p) => [p.forename, p.surname])).toEqual([
      ['Amelia', 'Hughes'],
      ['Rohan', 'Patel'],
      ['Mary-Jane', 'Okafor'],
    ]);
    expect(result.pupils[1]).toMatchObject({ dateOfBirth: '2012-11-30', parentPhone: '020 7946 0001', misId: 'S1002' });
  });

  it('skips a short UPN, a missing UPN and a formula in the name', () => {
    const skipped = result.problems.filter((p) => p.skipped);
    expect(skipped.map((p) => p.row)).toEqual([4, 5, 6]);
    expect(skipped[0].message).toBe('Row 4: Leo Martin: A UPN has 13 characters; "F88620210002" has 12. This row was not imported.');
    expect(skipped[1].message).toBe('Row 5: Ava Clarke has no UPN. This row was not imported.');
    expect(skipped[2].message).toContain('could run as a formula');
  });

  it('leaves out a formula-like parent name, with a note', () => {
    const okafor = result.pupils[2];
    expect(okafor.parentName).toBe('');
    expect(okafor.yearGroup).toBe('Year 13');
    expect(result.problems.filter((p) => !p.skipped)).toEqual([
      {
        row: 7,
        skipped: false,
        message: 'Row 7: Mary-Jane Okafor was imported without a parent or carer name: "=1+1" could run as a formula in a spreadsheet.',
      },
    ]);
  });
});

describe('importPupils: Bromcom export (semicolons, NC Year, duplicates)', () => {
  const result = importPupils(fixture('bromcom.csv'), options);

  it('recognises Bromcom, reads semicolons and written dates', () => {
    expect(result.system).toBe('Bromcom');
    expect(result.pupils).toHaveLength(2);
    expect(result.pupils[0]).toMatchObject({
      upn: 'W330201800452',
      name: 'Olivia Taylor',
      dateOfBirth: '2009-09-09',
      yearGroup: 'Year 11',
      formGroup: '11T',
      parentName: 'Emma Taylor',
      parentEmail: 'emma.taylor@example.org',
      parentPhone: '07700 900601',
      misId: '50001',
    });
    expect(result.pupils[1]).toMatchObject({ name: 'Harry Wilson', yearGroup: 'Year 10', dateOfBirth: '2010-12-12' });
  });

  it('reports the duplicate, the bad date, the nameless row and the wrong check letter', () => {
    expect(result.problems.map((p) => [p.row, p.skipped])).toEqual([
      [4, true],
      [5, true],
      [6, true],
      [7, true],
    ]);
    expect(result.problems[0].message).toContain('the same UPN (K330201800453) as row 3');
    expect(result.problems[1].message).toContain('date of birth for Ffion Davies cannot be read');
    expect(result.problems[3].message).toContain('its first letter should be N');
  });
});

describe('importPupils: missing columns and odd files', () => {
  it('says clearly when there is no UPN column', () => {
    const result = importPupils('Surname,Forename\nSmith,Jo\n', options);
    expect(result.missingColumns).toEqual(['UPN']);
    expect(result.pupils).toEqual([]);
    expect(result.problems).toEqual([
      { row: 1, skipped: false, message: 'This file has no UPN column. Looked for: UPN, Unique Pupil Number.' },
    ]);
  });

  it('says clearly when there is no name column, or only half of one', () => {
    const none = importPupils('UPN,DOB\nB801200005001,07/09/2012\n', options);
    expect(none.missingColumns).toEqual(['Name']);
    expect(none.problems[0].message).toMatch(/^This file has no pupil name columns\. Looked for a surname \(Legal Surname, Surname/);
    const half = importPupils('UPN,Surname\nB801200005001,Smith\n', options);
    expect(half.problems[0].message).toMatch(/^This file has a surname column \("Surname"\) but no forename column\./);
    const both = importPupils('DOB\n07/09/2012\n', options);
    expect(both.missingColumns).toEqual(['UPN', 'Name']);
    expect(both.problems).toHaveLength(2);
  });

  it('handles an empty file', () => {
    const result = importPupils('', options);
    expect(result.pupils).toEqual([]);
    expect(result.problems[0].message).toContain('This file is empty');
  });

  it('uses "Unique Pupil Number", a full name column and no date column', () => {
    const result = importPupils('Unique Pupil Number,Pupil Name,Form\r\nb801200005001,"Smith, Jo",7A\r\n', options);
    expect(result.mapping).toEqual({ upn: 'Unique Pupil Number', fullName: 'Pupil Name', formGroup: 'Form' });
    expect(result.pupils).toEqual([
      {
        upn: 'B801200005001', surname: 'Smith', forename: 'Jo', name: 'Jo Smith', dateOfBirth: '', yearGroup: '', formGroup: '7A',
        parentName: '', parentEmail: '', parentPhone: '', misId: '',
      },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('counts rows from the header line, including blank lines before it', () => {
    const result = importPupils('\nUPN,Name\nX801200005001,Jo Smith\n', options);
    expect(result.problems[0].row).toBe(3);
  });

  it('uses the date parser it is given', () => {
    const calls: unknown[] = [];
    const result = importPupils('UPN,Name,DOB\nB801200005001,Jo Smith,someday\n', {
      parseDate: (input) => {
        calls.push(input);
        return { ok: true, date: '2012-01-01' };
      },
    });
    expect(calls).toEqual(['someday']);
    expect(result.pupils[0].dateOfBirth).toBe('2012-01-01');
  });
});
