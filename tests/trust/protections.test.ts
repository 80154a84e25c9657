/**
 * Protections after set-up: the Staff, Settings and Lists sheets can be changed by coordinators
 * only; computed columns and the logs (audit log included) by the spreadsheet's owner and the
 * staff on the Staff sheet only — the add-on writes as the person using it, so a protection that
 * shut out a member of staff would stop the add-on recording their work (hand edits there are
 * overwritten by the daily check or caught by the audit seal). Nobody else with edit access to
 * the spreadsheet can change any of them, and no protection is open to the whole domain.
 */
import { PROTECTION_PREFIX } from '../../src/gas/sheetTables';
import { setUpRegister } from '../../src/app/setUpRegister';
import { ALL_TABLES } from '../../src/domain/schema';
import { COORDINATOR, OFFICE, OUTSIDER, PASTORAL, SLT, TEACHER, createTrustRegister } from './harness';

describe('protections', () => {
  const reg = createTrustRegister();
  // As the set-up report asks after staff are added: repair, so protections include them.
  reg.run((ctx) => setUpRegister(ctx));
  const ss = reg.ws.spreadsheet;
  const staff = [COORDINATOR, PASTORAL, SLT, TEACHER, OFFICE].sort();
  // The spreadsheet's owner (here the coordinator who made it) can always edit, as in Sheets.
  const editorsOf = (p: GoogleAppsScript.Spreadsheet.Protection) => [...new Set(p.getEditors().map((u) => u.getEmail()))].sort();

  it.each(ALL_TABLES.filter((t) => t.coordinatorsOnly).map((t) => [t.title, t] as const))('%s can be changed by coordinators only', (_title, spec) => {
    const sheet = ss.getSheetByName(spec.title)!;
    const [p] = sheet.getProtections('SHEET').filter((x) => x.getDescription().startsWith(PROTECTION_PREFIX));
    expect(p).toBeDefined();
    expect(editorsOf(p as never)).toEqual([COORDINATOR]);
    expect(p.canDomainEdit()).toBe(false);
    reg.as(PASTORAL);
    expect(() => sheet.getRange(2, 1).setValue('changed by hand')).toThrow(/protected cell/);
    reg.as(COORDINATOR);
  });

  it.each(ALL_TABLES.filter((t) => t.appendOnly).map((t) => [t.title, t] as const))('the log "%s" is protected as a whole sheet for staff only', (_title, spec) => {
    const sheet = ss.getSheetByName(spec.title)!;
    const ours = sheet.getProtections('SHEET').filter((x) => x.getDescription().startsWith(PROTECTION_PREFIX));
    expect(ours).toHaveLength(1);
    expect(editorsOf(ours[0] as never)).toEqual(staff);
    expect(ours[0].canDomainEdit()).toBe(false);
    reg.as(OUTSIDER);
    expect(() => sheet.getRange(2, 1).setValue('forged')).toThrow(/protected cell/);
    reg.as(COORDINATOR);
  });

  it.each(ALL_TABLES.filter((t) => !t.appendOnly && !t.coordinatorsOnly && t.columns.some((c) => c.computed)).map((t) => [t.title, t] as const))(
    'the computed columns of "%s" are each protected for staff only',
    (_title, spec) => {
      const sheet = ss.getSheetByName(spec.title)!;
      const ours = sheet.getProtections('RANGE').filter((x) => x.getDescription().startsWith(PROTECTION_PREFIX));
      expect(ours).toHaveLength(spec.columns.filter((c) => c.computed).length);
      for (const p of ours) {
        expect(editorsOf(p as never)).toEqual(staff);
        expect(p.canDomainEdit()).toBe(false);
      }
      const column = ours[0].getRange().getColumn();
      reg.as(OUTSIDER);
      expect(() => sheet.getRange(2, column).setValue('forged')).toThrow(/protected cell/);
      reg.as(COORDINATOR);
    },
  );
});
