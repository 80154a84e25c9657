/**
 * The add-on in a real browser: Debian's Chromium, driven by playwright-core, against the local
 * workbench running the built bundle on the Workspace emulator with the demo school. What a
 * member of staff does, end to end: open a case from the sidebar, log a contact on the Form, see
 * the register and contact compliance follow, write a letter and see it logged, made and sent.
 * Screenshots for the README are written to docs/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { academicYearOf, addDays, formatLongDate, toIsoDate } from '../../src/domain/dates';
import { DEMO_CASE_PUPILS, DEMO_STAFF, demoPupils } from '../../workbench/demoSchool';
import { launchChromium, type Browser } from './support/chromium';
import { ROOT, startWorkbench, type RunningWorkbench } from './support/workbench';

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const STEP_TIMEOUT = 90000;

let workbench: RunningWorkbench | undefined;
let browser: Browser | undefined;
let page: Page;

const today = toIsoDate(new Date());
const pupils = demoPupils(academicYearOf(today).startYear);
const approaching = pupils[DEMO_CASE_PUPILS.approaching];
const laTold = pupils[DEMO_CASE_PUPILS.laTold];
const reintegration = pupils[DEMO_CASE_PUPILS.reintegration];
const teacher = DEMO_STAFF.find((s) => s.role === 'Teacher')!;
const coordinator = DEMO_STAFF.find((s) => s.role === 'Coordinator')!;

function url(p: string): string {
  return `${workbench!.url}${p}`;
}

function sidebar(): FrameLocator {
  return page.frameLocator('#sidebar-frame');
}

async function openSidebar(): Promise<FrameLocator> {
  await page.goto(url('/sidebar'));
  const frame = sidebar();
  await frame.getByRole('heading', { name: /^Open cases \(\d+\)$/ }).waitFor();
  return frame;
}

async function actAs(email: string): Promise<void> {
  await page.goto(url('/'));
  await page.getByLabel('Acting as').selectOption(email);
  await page.getByText(`You are now acting as ${email}.`).waitFor();
}

async function openCase(frame: FrameLocator, pupilName: string): Promise<void> {
  await frame.getByRole('button', { name: pupilName, exact: true }).click();
  await frame.getByRole('heading', { level: 2, name: pupilName }).waitFor();
}

/** A sheet of the register as rows of cell text, header first. */
async function sheet(name: string): Promise<string[][]> {
  await page.goto(url(`/sheets/${encodeURIComponent(name)}`));
  const table = page.locator(`table.grid[data-sheet="${name}"]`);
  await table.waitFor();
  // The page's DOM, typed just enough here (the tests compile without the DOM library).
  type Table = { rows: ArrayLike<{ cells: ArrayLike<{ textContent: string | null }> }> };
  return table.evaluate((t) => Array.from((t as unknown as Table).rows).map((r) => Array.from(r.cells).slice(1).map((c) => c.textContent ?? '')));
}

function column(rows: string[][], header: string): number {
  const i = rows[0].indexOf(header);
  if (i < 0) throw new Error(`No column "${header}" in ${rows[0].join(', ')}`);
  return i;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist/Code.js')) || !fs.existsSync(path.join(ROOT, 'dist/Sidebar.html'))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  workbench = await startWorkbench();
  browser = await launchChromium();
  page = await browser.context.newPage();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await workbench?.stop();
}, 30000);

describe('the workbench in Chromium', () => {
  let caseRef = '';

  it('shows the open cases in the real sidebar, at 300px', async () => {
    const frame = await openSidebar();
    await frame.getByText(`Signed in as Sam Okafor (Coordinator). Today is ${formatLongDate(today)}.`).waitFor();
    const card = frame.locator('li.card', { has: frame.getByRole('button', { name: approaching.name, exact: true }) });
    await card.waitFor();
    caseRef = (await card.getAttribute('data-case-ref')) ?? '';
    expect(caseRef).toMatch(/^HN-\d{4}-\d{4}$/);
    // Two school days without contact: said in words on a chip, not by colour alone.
    await card.getByText('No contact: 2 school days').waitFor();
    const box = await page.locator('#sidebar-frame').boundingBox();
    expect(box?.width).toBe(300);
    // Nothing in the sidebar is wider than the sidebar.
    const overflow = await frame.locator('body').evaluate((b) => b.scrollWidth - b.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('.sidebar-shell').screenshot({ path: path.join(SCREENSHOTS, 'sidebar.png') });
  }, STEP_TIMEOUT);

  it('opens a case from the sidebar and shows its summary and actions', async () => {
    const frame = await openSidebar();
    await openCase(frame, approaching.name);
    await frame.getByText(`UPN ${approaching.upn}`, { exact: false }).waitFor();
    await frame.locator('dt', { hasText: '15-day point' }).waitFor();
    await frame.locator('dt', { hasText: 'School days missed' }).waitFor();
    // A coordinator may see health details and every action.
    await frame.getByRole('heading', { name: 'Health need', exact: true }).waitFor();
    for (const action of ['Log a contact', 'Change details', 'Close the case']) {
      await frame.getByRole('button', { name: action }).waitFor();
    }
    // Keyboard: the view's heading has focus after moving to it.
    type Doc = { document: { activeElement: unknown } };
    expect(await frame.locator('#case-heading').evaluate((h) => h === (globalThis as unknown as Doc).document.activeElement)).toBe(true);
    await page.locator('.sidebar-shell').screenshot({ path: path.join(SCREENSHOTS, 'sidebar-case.png') });
  }, STEP_TIMEOUT);

  it('takes a contact submitted on the Form into the register, and contact compliance follows', async () => {
    const note = `Browser test contact ${Date.now()}`;
    await page.goto(url('/forms'));
    await page.locator('main').getByRole('link', { name: /contact/i }).first().click();
    await page.getByRole('combobox', { name: /^Pupil/ }).selectOption({ label: `${approaching.name} (Year ${approaching.year}) \u2013 ${caseRef}` });
    await page.getByLabel(/^Date of contact/).fill(today);
    await page.getByRole('group', { name: /Who was contacted/ }).getByLabel('Parent/carer').check();
    await page.getByRole('group', { name: /Method/ }).getByLabel('Phone').check();
    await page.getByRole('group', { name: /Outcome/ }).getByLabel('Spoke to').check();
    await page.getByLabel(/^Engagement with work/).fill(note);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'contact-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Your response has been recorded.').waitFor();

    // The form-submit trigger wrote it to the Contact log, against the case.
    const log = await sheet('Contact log');
    const logged = log.find((r) => r[column(log, 'Engagement with work')] === note);
    expect(logged?.[column(log, 'Case ref')]).toBe(caseRef);

    // The daily check rebuilds compliance: today now has contact, so nothing is outstanding.
    await page.goto(url('/'));
    await page.getByRole('button', { name: 'Run the daily check' }).click();
    await page.getByText(/The daily check ran/).waitFor();
    const compliance = await sheet('Contact compliance');
    const row = compliance.find((r) => r[column(compliance, 'Case ref')] === caseRef);
    expect(row?.[column(compliance, 'School days without contact')]).toBe('0');

    const cases = await sheet('Cases');
    const caseRow = cases.find((r) => r[column(cases, 'Case ref')] === caseRef);
    expect(caseRow?.[column(cases, 'School days without contact')]).toBe('0');

    // And the sidebar says so.
    const frame = await openSidebar();
    const card = frame.locator(`li.card[data-case-ref="${caseRef}"]`);
    await card.waitFor();
    expect(await card.getByText(/No contact:/).count()).toBe(0);
    await openCase(frame, approaching.name);
    await frame.locator('dd', { hasText: formatLongDate(today) }).first().waitFor();
    await frame.getByText(`${formatLongDate(today)}: Spoke to`).waitFor();
  }, STEP_TIMEOUT);

  it('writes a letter from the sidebar, and it is logged, made and emailed', async () => {
    const message = `We hope ${approaching.forename} is feeling better (browser test ${Date.now()}).`;
    const frame = await openSidebar();
    await openCase(frame, approaching.name);
    await frame.getByRole('button', { name: 'Write to the family' }).click();
    await frame.getByLabel('Kind of letter').selectOption('General letter');
    await frame.getByLabel('How it goes').selectOption('Email');
    await frame.getByLabel(/^Message/).fill(message);
    await frame.getByRole('button', { name: 'Make the letter' }).click();
    await frame.getByRole('heading', { level: 2, name: approaching.name }).waitFor();
    await frame.locator('.message-success').waitFor();

    const letters = await sheet('Parent letters');
    const letter = letters.find((r) => r[column(letters, 'Case ref')] === caseRef && r[column(letters, 'Kind')] === 'General letter');
    expect(letter).toBeDefined();
    expect(letter![column(letters, 'Status')]).toBe('Sent');

    await page.goto(url('/outbox'));
    const mail = page.locator('article.mail', { hasText: pupils[DEMO_CASE_PUPILS.approaching].parentEmail });
    await mail.first().waitFor();

    await page.goto(url('/documents'));
    await page.getByRole('link', { name: new RegExp(`^General letter .* ${caseRef}`) }).filter({ hasNotText: '.pdf' }).first().click();
    await page.locator('article.doc', { hasText: message }).waitFor();
  }, STEP_TIMEOUT);

  it('shows a teacher only what their role allows', async () => {
    await page.goto(url('/'));
    await page.getByLabel('Acting as').selectOption(teacher.email);
    await page.getByText(`You are now acting as ${teacher.email}.`).waitFor();
    const frame = await openSidebar();
    await frame.getByText(/Signed in as Emma Clarke \(Teacher\)/).waitFor();
    await openCase(frame, approaching.name);
    await frame.getByRole('button', { name: 'Log a contact' }).waitFor();
    await frame.getByRole('button', { name: 'Set work' }).waitFor();
    for (const hidden of ['Change details', 'Close the case', 'Write to the family']) {
      expect(await frame.getByRole('button', { name: hidden }).count()).toBe(0);
    }
    expect(await frame.getByRole('heading', { name: 'Health need', exact: true }).count()).toBe(0);
    expect(await frame.getByText('Anxiety', { exact: false }).count()).toBe(0);

    await page.goto(url('/'));
    await page.getByLabel('Acting as').selectOption(DEMO_STAFF[0].email);
    await page.getByText(`You are now acting as ${DEMO_STAFF[0].email}.`).waitFor();
  }, STEP_TIMEOUT);

  it('lets a teacher log a contact from the sidebar, and it lands in the Contact log', async () => {
    const note = `Teacher's sidebar contact ${Date.now()}`;
    await actAs(teacher.email);
    try {
      const frame = await openSidebar();
      await openCase(frame, approaching.name);
      await frame.getByRole('button', { name: 'Log a contact' }).click();
      await frame.getByRole('heading', { level: 2, name: 'Log a contact' }).waitFor();
      // Focus moves to the form's heading; a teacher is not offered the wellbeing (health) box.
      type Doc = { document: { activeElement: unknown } };
      expect(await frame.locator('#contact-heading').evaluate((h) => h === (globalThis as unknown as Doc).document.activeElement)).toBe(true);
      expect(await frame.getByLabel(/^Wellbeing/).count()).toBe(0);
      await frame.getByLabel(/^Date of contact/).fill(today);
      await frame.getByLabel(/^Who was contacted/).selectOption('Pupil');
      await frame.getByLabel(/^Method/).selectOption('Video call');
      await frame.getByLabel(/^Outcome/).selectOption('Spoke to');
      await frame.getByLabel(/^Engagement with work/).fill(note);
      await frame.getByRole('button', { name: 'Log the contact' }).click();
      await frame.getByRole('heading', { level: 2, name: approaching.name }).waitFor();
      await frame.locator('.message-success', { hasText: 'logged' }).waitFor();
      await frame.getByText(note).waitFor();

      const log = await sheet('Contact log');
      const row = log.find((r) => r[column(log, 'Engagement with work')] === note);
      expect(row).toBeDefined();
      expect(row![column(log, 'Case ref')]).toBe(caseRef);
      expect(row![column(log, 'Logged by')]).toBe(teacher.email);
      expect(row![column(log, 'Date of contact')]).toBe(formatLongDate(today));
      expect(row![column(log, 'Who was contacted')]).toBe('Pupil');
      expect(row![column(log, 'Wellbeing')]).toBe('');
    } finally {
      await actAs(coordinator.email);
    }
  }, STEP_TIMEOUT);

  it('lets the coordinator make a reintegration plan from the sidebar: the document is made and the plan row added', async () => {
    const phased = `Week 1 mornings only; week 2 to lunch; full days from week 3 (browser test ${Date.now()})`;
    const review = addDays(today, 14);
    const frame = await openSidebar();
    await openCase(frame, laTold.name);
    const ref = (await frame.locator('section.case').getAttribute('data-case-ref')) ?? '';
    expect(ref).toMatch(/^HN-\d{4}-\d{4}$/);
    await frame.getByRole('button', { name: 'Make a reintegration plan' }).click();
    await frame.getByRole('heading', { level: 2, name: 'Make a reintegration plan' }).waitFor();
    await frame.getByLabel(/^Phased timetable/).fill(phased);
    await frame.getByLabel(/^Who supports the pupil/).fill('The learning centre manager, each morning.');
    await frame.getByLabel(/^First review/).fill(review);
    await frame.getByRole('button', { name: 'Make the plan' }).click();
    await frame.getByRole('heading', { level: 2, name: laTold.name }).waitFor();
    await frame.locator('.message-success', { hasText: /Reintegration plan RP-\d{5} made/ }).waitFor();

    // The case shows the plan, with its next review and a link to its document.
    const plans = frame.locator('[data-la-part="plans"]');
    const card = plans.locator('li.card').first();
    await card.waitFor();
    const planId = (await card.getAttribute('data-plan-id')) ?? '';
    expect(planId).toMatch(/^RP-\d{5}$/);
    await card.getByText(`Next review ${formatLongDate(review)}`).waitFor();
    const href = (await card.getByRole('link', { name: 'Open the plan document' }).getAttribute('href')) ?? '';
    expect(href).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);

    // The plan row on the register.
    const rows = await sheet('Reintegration plans');
    const row = rows.find((r) => r[column(rows, 'Plan ID')] === planId);
    expect(row?.[column(rows, 'Case ref')]).toBe(ref);
    expect(row?.[column(rows, 'Plan document')]).toBe(href);
    expect(row?.[column(rows, 'Next review')]).toBe(formatLongDate(review));
    expect(row?.[column(rows, 'Made by')]).toBe(coordinator.email);

    // And the document, made from the template with what was typed.
    await page.goto(url('/documents'));
    await page.getByRole('link', { name: `Reintegration plan \u2013 ${ref} \u2013 ${today}` }).first().click();
    await page.locator('article.doc', { hasText: phased }).waitFor();
  }, STEP_TIMEOUT);

  it('shows a case\u2019s LA arrangements and return to school in the sidebar', async () => {
    const frame = await openSidebar();
    await openCase(frame, reintegration.name);
    const section = frame.locator('section[data-section="la"]');
    await section.getByRole('heading', { level: 3, name: 'LA arrangements and return to school' }).waitFor();
    await section.locator('[data-la-part="part-time"] li.card').first().waitFor();
    await section.getByText('Rest breaks in the learning centre').waitFor();
    await section.locator('[data-la-part="plans"]').getByRole('link', { name: 'Open the plan document' }).waitFor();
    const overflow = await frame.locator('body').evaluate((b) => b.scrollWidth - b.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The screenshot starts at the section's heading.
    type Scrollable = { scrollIntoView(options: { block: string }): void };
    await section.locator('#la-heading').evaluate((h) => (h as unknown as Scrollable).scrollIntoView({ block: 'start' }));
    await page.locator('.sidebar-shell').screenshot({ path: path.join(SCREENSHOTS, 'sidebar-la.png') });
  }, STEP_TIMEOUT);

  it('shows the register as its sheets, with the rows that need action coloured', async () => {
    await page.goto(url('/sheets/Cases'));
    await page.locator('table.grid[data-sheet="Cases"]').waitFor();
    expect(await page.locator('table.grid tr.flag-la, table.grid tr.flag-contact').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'register.png') });
    await page.goto(url('/sidebar'));
    await sidebar().getByRole('heading', { name: /^Open cases/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench.png') });
  }, STEP_TIMEOUT);
});
