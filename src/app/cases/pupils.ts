/**
 * Pupils on roll: imported from a CSV export of SIMS, Arbor or Bromcom (columns mapped by header,
 * unreadable rows reported with their row numbers in the file), and searched by name or UPN when
 * a case is opened, so opening a case is picking a pupil, not typing one.
 */
import type { ImportReport, PupilMatch } from '../../shared/api';
import { CASES, PUPILS } from '../../domain/schema';
import { importPupils } from '../../domain/misImport';
import { isValidIso, parseUserDate } from '../../domain/dates';
import { UserFacingError } from '../../domain/errors';
import type { RowChange, RowValues } from '../../ports';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { withRegisterLock } from './caseStore';

const MAX_MATCHES = 20;
/** A CSV of a very large school is well under this; anything bigger is not a pupil list. */
const MAX_CSV_CHARACTERS = 5_000_000;

/** Pupils whose name contains every word typed, or whose UPN starts with what was typed. One read of Pupils, one of Cases. */
export function searchPupils(ctx: AppContext, query: string): PupilMatch[] {
  ctx.authorise('register.view');
  const text = String(query ?? '').trim().toLowerCase();
  if (text.length < 2) return [];
  const { tables } = ctx.services;
  const words = text.split(/\s+/);
  const upnQuery = text.replace(/\s+/g, '').toUpperCase();
  const matches = tables.readAll(PUPILS).filter((row) => {
    const name = String(row.values.name ?? '').toLowerCase();
    const upn = String(row.values.upn ?? '').toUpperCase();
    return (upnQuery.length >= 2 && upn.startsWith(upnQuery)) || words.every((w) => name.includes(w));
  });
  if (matches.length === 0) return [];
  const openRefs = openCaseRefsByUpn(ctx);
  return matches
    .map((row) => {
      const v = row.values;
      const upn = String(v.upn ?? '').trim().toUpperCase();
      return {
        upn,
        name: String(v.name ?? ''),
        yearGroup: String(v.yearGroup ?? ''),
        formGroup: String(v.formGroup ?? ''),
        dateOfBirth: isValidIso(v.dateOfBirth) ? String(v.dateOfBirth) : '',
        openCaseRef: openRefs.get(upn) ?? '',
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_MATCHES);
}

/** UPN → ref of an open case, from one read of the Cases sheet. */
function openCaseRefsByUpn(ctx: AppContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of ctx.services.tables.readAll(CASES)) {
    if (String(row.values.status).trim() === 'Open') out.set(String(row.values.upn).trim().toUpperCase(), String(row.values.ref).trim());
  }
  return out;
}

const PUPIL_KEYS = ['name', 'dateOfBirth', 'yearGroup', 'formGroup', 'parentName', 'parentEmail', 'parentPhone', 'misId'] as const;

/**
 * Adds pupils not yet on the Pupils sheet and updates those already there (matched by UPN): one
 * read of the sheet, one update of the rows that changed and one append of the new ones. Pupils no
 * longer in the file are kept (a pupil with a case may have left). Every row that could not be read
 * is reported with its row number in the file.
 */
export function importPupilsCsv(ctx: AppContext, csvText: string): ImportReport {
  ctx.authorise('pupils.import');
  const text = String(csvText ?? '');
  if (text.length > MAX_CSV_CHARACTERS) {
    throw new UserFacingError('This file is too large to be a list of pupils on roll. Export only the pupils on roll, with one row per pupil, and try again.');
  }
  const result = importPupils(text, { parseDate: parseUserDate });
  const problems = result.problems.map((p) => ({ row: p.row, message: p.message }));
  if (result.missingColumns.length > 0) {
    return { system: result.system, added: 0, updated: 0, problems, missingColumns: result.missingColumns };
  }
  const today = ctx.today();
  return withRegisterLock(ctx, () => {
    const { tables } = ctx.services;
    const existing = new Map(tables.readAll(PUPILS).map((r) => [String(r.values.upn).trim().toUpperCase(), r]));
    const changes: RowChange[] = [];
    const added: RowValues[] = [];
    for (const pupil of result.pupils) {
      const fresh: RowValues = {
        upn: pupil.upn, name: pupil.name, dateOfBirth: pupil.dateOfBirth, yearGroup: pupil.yearGroup, formGroup: pupil.formGroup,
        parentName: pupil.parentName, parentEmail: pupil.parentEmail, parentPhone: pupil.parentPhone, misId: pupil.misId,
      };
      const row = existing.get(pupil.upn);
      if (!row) {
        added.push({ ...fresh, importedOn: today });
        continue;
      }
      // A blank in the file does not wipe what the sheet already has.
      const values: Partial<RowValues> = {};
      for (const key of PUPIL_KEYS) {
        if (fresh[key] !== '' && String(fresh[key]) !== String(row.values[key] ?? '')) values[key] = fresh[key];
      }
      if (Object.keys(values).length) changes.push({ rowNumber: row.rowNumber, values: { ...values, importedOn: today } });
    }
    tables.update(PUPILS, changes);
    tables.append(PUPILS, added);
    recordAudit(ctx, [{
      action: 'Pupils imported',
      after: `From ${result.system === 'Unknown' ? 'a CSV file' : `a ${result.system} export`}: ${added.length} added, ${changes.length} updated, ` +
        `${result.problems.filter((p) => p.row > 0).length} row problem(s).`,
    }]);
    return { system: result.system, added: added.length, updated: changes.length, problems, missingColumns: [] };
  });
}
