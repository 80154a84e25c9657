import { CASES, CONTACTS, INFORMATION_SHARING, LA_PROVISION, PARENT_LETTERS, POLICY_REVIEW } from '../../../src/domain/schema';
import { generateReferralPack, recordReferralSent } from '../../../src/app/la/referral';
import { logInformationShared, lawfulBasisOptions } from '../../../src/app/la/informationSharing';
import { recordProvision } from '../../../src/app/la/provision';
import { generateLaProvisionLetters } from '../../../src/app/la/provisionLetters';
import { setUpRegister } from '../../../src/app/setUpRegister';
import { LA_TEMPLATE_NAMES, LA_TEMPLATE_STATE_KEYS } from '../../../src/domain/la/documents';
import { addCases, addStaff, COORDINATOR, laRegister, setSetting, upn } from './harness';

function withReferralCase() {
  const reg = laRegister('2026-11-23');
  setSetting(reg, 'LA referral email', 'miaps@la.example');
  setSetting(reg, 'LA medical needs service', 'Medical Inclusion Service');
  setSetting(reg, 'LA named officer', 'Sam Officer');
  setSetting(reg, 'LA named officer email', 'sam.officer@la.example');
  // Off since Mon 2 Nov: 16 school days by Mon 23 Nov (15-day point Fri 20 Nov).
  addCases(reg, [{ ref: 'HN-2026-0001', pupilName: 'Amira Khan', upn: upn(1), firstDay: '2026-11-02' }]);
  reg.run((ctx) => ctx.services.tables.append(CONTACTS, [{
    contactId: 'C-1', caseRef: 'HN-2026-0001', date: '2026-11-03', contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to',
    wellbeing: 'Feverish and very tired', engagement: 'Did the maths', nextSteps: 'Call tomorrow', loggedBy: COORDINATOR, loggedAt: new Date('2026-11-03T10:00:00Z'), source: 'Sidebar',
  }]));
  return reg;
}

describe('set-up', () => {
  it('makes each LA template once, makes a deleted one again, and tracks the four policies', () => {
    const reg = laRegister();
    for (const name of Object.values(LA_TEMPLATE_NAMES)) expect(reg.files(name)).toHaveLength(1);
    reg.run((ctx) => setUpRegister(ctx));
    for (const name of Object.values(LA_TEMPLATE_NAMES)) expect(reg.files(name)).toHaveLength(1);
    const planId = reg.run((ctx) => ctx.services.state.get(LA_TEMPLATE_STATE_KEYS['Reintegration plan'])) as string;
    (reg.ws.ctx.files.get(planId) as { trashed: boolean }).trashed = true;
    const report = reg.run((ctx) => setUpRegister(ctx));
    expect(report.summary).toContain('Template \u2013 Reintegration plan');
    expect(reg.files(LA_TEMPLATE_NAMES['Reintegration plan'])).toHaveLength(1);
    expect(reg.files(LA_TEMPLATE_NAMES['LA referral'])).toHaveLength(1);
    const policies = reg.run((ctx) => ctx.services.tables.readAll(POLICY_REVIEW).map((r) => r.values.policy));
    expect(policies).toEqual(['Education for pupils with health needs', 'Accessibility plan', 'Supporting pupils with medical conditions', 'Attendance policy']);
  });
});

describe('referral pack', () => {
  it('is made in the case folder, named without health detail, emailed, logged as shared and sets "LA told on"', () => {
    const reg = withReferralCase();
    const result = reg.run((ctx) => generateReferralPack(ctx, {
      ref: 'HN-2026-0001', send: 'email', curriculum: 'Maths: fractions (textbook ch. 4)', evidence: ['GP letter dated 5 Nov 2026, held in the medical file'],
    }));
    expect(result.document.name).toBe('LA referral \u2013 HN-2026-0001 \u2013 2026-11-23');
    expect(result.status).toBe('Sent to miaps@la.example.');
    const [doc] = reg.files('LA referral \u2013 HN-2026-0001');
    const folder = reg.ws.ctx.files.get(doc.parents[0]);
    expect(folder?.name).toBe('HN-2026-0001');
    const text = reg.text(doc.id);
    expect(text).toContain('Referral to Medical Inclusion Service');
    expect(text).toContain('UPN: ' + upn(1));
    expect(text).toContain('School days missed: 16 this academic year; 16 in the current absence');
    expect(text).toContain('15-school-day point: Reached on Fri 20 Nov 2026');
    expect(text).toContain('Tue 3 Nov 2026 \u2013 Contact \u2013 Phone with parent/carer: spoke to');
    expect(text).toContain('GP letter dated 5 Nov 2026, held in the medical file');
    expect(text).toContain('Maths: fractions');
    expect(text).not.toContain('Feverish'); // wellbeing notes stay in the register
    expect(text).not.toContain('Glandular'); // free-text health detail is never put in
    expect(text).not.toMatch(/\{\{/);

    const mail = reg.ws.outbox.find((m) => (m.to as string[]).includes('miaps@la.example')) as { subject: string; body: string; attachments: Array<{ name: string }> };
    expect(mail.subject).toBe('Referral from Our school: case HN-2026-0001');
    expect(mail.subject + mail.body).not.toContain('Amira');
    expect(mail.attachments.map((a) => a.name)).toEqual(['LA referral \u2013 HN-2026-0001 \u2013 2026-11-23.pdf']);

    const shares = reg.run((ctx) => ctx.services.tables.readAll(INFORMATION_SHARING).map((r) => r.values));
    expect(shares).toHaveLength(1);
    expect(shares[0]).toEqual(expect.objectContaining({
      caseRef: 'HN-2026-0001', sharedOn: '2026-11-23', sharedWith: 'Local authority', lawfulBasis: 'Legal obligation: sickness return to the LA', by: COORDINATOR,
    }));
    expect(String(shares[0].recipient)).toContain('miaps@la.example');
    const kase = reg.run((ctx) => ctx.services.tables.readAll(CASES)[0].values);
    expect(kase.laNotifiedOn).toBe('2026-11-23');
  });

  it('made without sending leaves the LA untold until it is recorded as sent', () => {
    const reg = withReferralCase();
    reg.run((ctx) => recordProvision(ctx, { ref: 'HN-2026-0001', provider: 'Medical Inclusion Service', plannedHours: 10 }));
    const made = reg.run((ctx) => generateReferralPack(ctx, { ref: 'HN-2026-0001', send: 'none' }));
    expect(made.status).toMatch(/^Made\./);
    expect(reg.run((ctx) => ctx.services.tables.readAll(INFORMATION_SHARING))).toHaveLength(0);
    expect(reg.run((ctx) => ctx.services.tables.readAll(CASES)[0].values.laNotifiedOn)).toBe('');
    reg.run((ctx) => recordReferralSent(ctx, { ref: 'HN-2026-0001', sentOn: '2026-11-23', how: 'LA portal', lawfulBasis: 'Public task: arranging education (s19)' }));
    expect(reg.run((ctx) => ctx.services.tables.readAll(CASES)[0].values.laNotifiedOn)).toBe('2026-11-23');
    expect(reg.run((ctx) => ctx.services.tables.readAll(LA_PROVISION)[0].values.referredOn)).toBe('2026-11-23');
    expect(reg.run((ctx) => ctx.services.tables.readAll(INFORMATION_SHARING)[0].values.lawfulBasis)).toBe('Public task: arranging education (s19)');
  });

  it('is refused to a role that may not share with the LA, and without a referral address when emailing', () => {
    const reg = withReferralCase();
    addStaff(reg, 'teacher@school.example', 'Tess Teacher', 'Teacher');
    reg.ws.setActiveUser('teacher@school.example');
    expect(() => reg.run((ctx) => generateReferralPack(ctx, { ref: 'HN-2026-0001', send: 'none' }))).toThrow(/does not allow you to share information with the local authority/);
    reg.ws.setActiveUser(COORDINATOR);
    setSetting(reg, 'LA referral email', '');
    expect(() => reg.run((ctx) => generateReferralPack(ctx, { ref: 'HN-2026-0001', send: 'email' }))).toThrow(/"LA referral email" setting is blank/);
    expect(reg.files('LA referral \u2013')).toHaveLength(0);
  });
});

describe('information-sharing log', () => {
  it('prompts with a suggested basis (never consent) and insists on one from the list', () => {
    const options = lawfulBasisOptions('Health services', 'health care');
    expect(options[0]).toEqual(expect.objectContaining({ label: 'Public task: health or care', suggested: true }));
    expect(options.filter((o) => o.suggested)).toHaveLength(1);
    const reg = withReferralCase();
    const base = { ref: 'HN-2026-0001', sharedWith: 'Health services', recipient: 'School nurse team', what: 'Attendance summary', why: 'Planning support in school' };
    expect(() => reg.run((ctx) => logInformationShared(ctx, { ...base, lawfulBasis: 'Because' }))).toThrow(/choose the lawful basis/);
    const { shareId } = reg.run((ctx) => logInformationShared(ctx, { ...base, lawfulBasis: 'Public task: health or care' }));
    expect(shareId).toBe('IS-00001');
  });
});

describe('letters while the LA provides', () => {
  it('makes the parent letter, the pupil\u2019s short version and a staff note, logged like every letter', () => {
    const reg = withReferralCase();
    reg.run((ctx) => recordProvision(ctx, { ref: 'HN-2026-0001', provider: 'Medical Inclusion Service', plannedHours: 15, startDate: '2026-11-30' }));
    const { documents } = reg.run((ctx) => generateLaProvisionLetters(ctx, { ref: 'HN-2026-0001' }));
    expect(documents.map((d) => d.name)).toEqual([
      'LA provision letter (parent) \u2013 HN-2026-0001 \u2013 2026-11-23',
      'LA provision letter (pupil) \u2013 HN-2026-0001 \u2013 2026-11-23',
      'LA provision staff note \u2013 HN-2026-0001 \u2013 2026-11-23',
    ]);
    const parent = reg.text(reg.files('LA provision letter (parent)')[0].id);
    expect(parent).toContain('Dear Parent of Amira Khan,');
    expect(parent).toContain('From Mon 30 Nov 2026, Amira\u2019s education will be provided by Medical Inclusion Service');
    expect(parent).toContain('about 15 hours a week');
    expect(parent).toContain('Sam Officer (sam.officer@la.example)');
    expect(parent).toContain('keep your child in touch with school life');
    const pupil = reg.text(reg.files('LA provision letter (pupil)')[0].id);
    expect(pupil).toContain('We will work with your teachers at Medical Inclusion Service');
    const note = reg.text(reg.files('LA provision staff note')[0].id);
    expect(note).toContain('marked K');
    expect(note).not.toContain('Glandular');
    const letters = reg.run((ctx) => ctx.services.tables.readAll(PARENT_LETTERS).map((r) => r.values));
    expect(letters.map((l) => [l.kind, l.status, l.how])).toEqual([
      ['LA provision letter (parent)', 'Generated', 'Printed'],
      ['LA provision letter (pupil)', 'Generated', 'Printed'],
    ]);
  });

  it('needs the provision recorded first', () => {
    const reg = withReferralCase();
    expect(() => reg.run((ctx) => generateLaProvisionLetters(ctx, { ref: 'HN-2026-0001' }))).toThrow(/has no current LA provision/);
  });
});
