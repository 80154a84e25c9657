/**
 * Faults at every external call of every flow (issue 7): for each flow, the calls it makes are
 * found by running it once on the emulator's meter; then a fault is injected at the first
 * occurrence of each distinct call, one at a time, on a register restored to the same starting
 * state. The flow must throw a readable error or show a pending/failed status (or be untouched by
 * the fault), and after the faults are cleared and the flow is retried (the same call again, the
 * next trigger, batch run or daily check), the register must be as if no fault had happened: no
 * duplicate rows, no lost contact, no half-written row, an intact audit chain, no document or
 * email made twice. A busy document lock and an exhausted email allowance are cases of their own.
 *
 * Set FAULT_MATRIX=<file> to write the matrix (flow × call → outcome) as JSON.
 */
import { writeFileSync } from 'node:fs';
import type { Workspace } from '../../emulator';
import { ALL_TABLES, AUDIT_LOG, CASES, CONTACTS, INFORMATION_SHARING, LISTS, PARENT_LETTERS, SETTINGS, UNMATCHED_CONTACTS, WORK_SET } from '../../src/domain/schema';
import { CONTACT_FORM_RESPONSES, QUESTION, formContactId } from '../../src/domain/contactForm';
import { isUserFacing } from '../../src/domain/errors';
import { verifyAuditLog } from '../../src/app/trust/verifyAuditLog';
import { KEY } from '../../src/app/contacts/keys';
import { createTrustRegister, type TrustRegister } from './harness';
import { FLOWS, prepareSchool, type Flow } from './faultFlows';

interface Scenario {
  readonly label: string;
  arm(ws: Workspace): void;
  disarm(ws: Workspace): void;
}

function faultAt(call: string): Scenario {
  return {
    label: call,
    arm: (ws) => ws.meter.inject({ call, nth: 1 }),
    disarm: (ws) => ws.meter.clearFaults(),
  };
}

const LOCK_HELD: Scenario = {
  label: 'lock timeout (another execution holds the document lock)',
  arm: (ws) => ws.locks.holdDocumentLock(),
  disarm: (ws) => ws.locks.releaseHeld(),
};

const EMAIL_QUOTA_GONE: Scenario = {
  label: 'email quota exceeded (0 left today)',
  arm: (ws) => ws.mail.setRemainingDailyQuota(0),
  disarm: (ws) => ws.mail.resetDailyQuota(),
};

/** Calls that only read what the emulator itself keeps for the run (not a service a fault can reach). */
const NOT_EXTERNAL = /^(Logger|console)\./;

// ------------------------------------------------------------------------------------ end state

const LINK = /https:\/\/(docs|drive|classroom|forms)\.google\.com\/\S*|https:\/\/forms\.gle\/\S*/g;

function canonical(text: string, refs: Map<string, string>): string {
  return text.replace(LINK, '<link>').replace(/HN-\d{4}-\d{4,}/g, (ref) => refs.get(ref) ?? `<unknown ${ref}>`);
}

function cell(value: unknown, refs: Map<string, string>): unknown {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? canonical(value, refs) : value;
}

/**
 * What a flow leaves behind, with case refs numbered by their order on the Cases sheet (a ref a
 * failed attempt used up and never wrote is not a difference) and links to Drive files shown as
 * <link> (the files themselves are compared by name): every sheet but the Audit log (checked by
 * its seal instead), the Drive files, the emails sent, the Form's pupil list and Classroom's work.
 */
function endState(reg: TrustRegister): Record<string, unknown> {
  const { ws } = reg;
  const refs = new Map<string, string>();
  const refCells = ws.run(() => reg.ctx().services.tables.readColumn(CASES, 'ref'));
  refCells.forEach((c, i) => refs.set(String(c.value), `<case ${i + 1}>`));
  const sheets: Record<string, unknown> = {};
  for (const sheet of ws.spreadsheet.getSheets()) {
    if (sheet.getName() === AUDIT_LOG.title) continue;
    sheets[sheet.getName()] = sheet.getDataRange().getValues().map((row) => row.map((v) => cell(v, refs)));
  }
  const formId = ws.run(() => reg.ctx().services.state.get(KEY.formId) ?? '');
  const pupilItem = ws.forms.items(formId).find((i) => i.title === QUESTION.pupil);
  const courses = ws.classroom.toJSON() as unknown as { courses: Array<{ id: string }> };
  return {
    sheets,
    drive: ws.drive.allFiles().filter((f) => !f.trashed).map((f) => `${f.mimeType} ${canonical(f.name, refs)}`).sort(),
    outbox: ws.mail.outbox.map((m) => `${m.to.join(',')} | ${canonical(m.subject, refs)} | ${m.attachments.map((a) => canonical(a.name, refs)).join(',')}`).sort(),
    formChoices: (pupilItem?.choices ?? []).map((c) => canonical(c, refs)),
    classroom: courses.courses.map((c) => ws.classroom.courseWork(c.id).map((w) => `${String(w.title)} → ${JSON.stringify(w.individualStudentsOptions ?? {})}`)),
  };
}

/** Which parts of two end states differ, sheet by sheet, for a readable failure. */
function differences(actual: Record<string, unknown>, expected: Record<string, unknown>): string[] {
  const out: string[] = [];
  const a = actual.sheets as Record<string, unknown>;
  const e = expected.sheets as Record<string, unknown>;
  for (const name of new Set([...Object.keys(a), ...Object.keys(e)])) {
    if (JSON.stringify(a[name]) !== JSON.stringify(e[name])) out.push(`sheet "${name}": ${JSON.stringify(a[name]).slice(0, 400)} expected ${JSON.stringify(e[name]).slice(0, 400)}`);
  }
  for (const part of ['drive', 'outbox', 'formChoices', 'classroom']) {
    if (JSON.stringify(actual[part]) !== JSON.stringify(expected[part])) out.push(`${part}: ${JSON.stringify(actual[part])} expected ${JSON.stringify(expected[part])}`);
  }
  return out;
}

// ------------------------------------------------------------------------------------ invariants

function duplicates(values: unknown[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values.map(String).filter(Boolean)) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

/** The register's own promises, whatever happened: each an empty list when kept. */
function brokenPromises(reg: TrustRegister): string[] {
  return reg.ws.run(() => {
    const ctx = reg.ctx();
    const { tables } = ctx.services;
    const problems: string[] = [];
    const ids = (spec: typeof CASES, key: string) => tables.readAll(spec).map((r) => r.values[key]);
    for (const [spec, key] of [[CASES, 'ref'], [CONTACTS, 'contactId'], [UNMATCHED_CONTACTS, 'contactId'], [PARENT_LETTERS, 'letterId'], [WORK_SET, 'workId'], [INFORMATION_SHARING, 'shareId']] as const) {
      const twice = duplicates(ids(spec, key));
      if (twice.length) problems.push(`duplicate ${spec.title} ${key}: ${twice.join(', ')}`);
    }
    const logged = new Set([...ids(CONTACTS, 'contactId'), ...ids(UNMATCHED_CONTACTS, 'contactId')].map(String));
    for (const response of tables.readAll(CONTACT_FORM_RESPONSES)) {
      const stamp = response.values.timestamp;
      if (stamp instanceof Date && !logged.has(formContactId(response.rowNumber, stamp))) problems.push(`lost contact: response row ${response.rowNumber} is in neither the Contact log nor Unmatched contacts`);
    }
    // (On Settings, Lists and the Audit log "required" means the column must exist, not that every row fills it.)
    for (const spec of ALL_TABLES.filter((t) => ![SETTINGS, LISTS, AUDIT_LOG].includes(t))) {
      const required = spec.columns.filter((c) => c.required);
      if (required.length === 0) continue;
      for (const row of tables.readAll(spec)) {
        const blank = required.filter((c) => String(row.values[c.key] ?? '').trim() === '');
        if (blank.length) problems.push(`half-written row ${row.rowNumber} on ${spec.title}: ${blank.map((c) => c.header).join(', ')} blank`);
      }
    }
    for (const row of tables.readAll(AUDIT_LOG)) {
      const blank = ['when', 'who', 'action', 'digest'].filter((k) => String(row.values[k] ?? '').trim() === '');
      if (blank.length) problems.push(`half-written row ${row.rowNumber} on ${AUDIT_LOG.title}: ${blank.join(', ')} blank`);
    }
    for (const row of tables.readAll(PARENT_LETTERS)) {
      if (row.values.status === 'Sending') problems.push(`letter ${String(row.values.letterId)} left "Sending"`);
    }
    const audit = verifyAuditLog(ctx);
    if (!audit.ok) problems.push(`audit chain: ${audit.message}`);
    return problems;
  });
}

// ------------------------------------------------------------------------------------ the matrix

interface MatrixRow {
  readonly flow: string;
  readonly fault: string;
  /** threw: <message> | reported | untouched | SILENT */
  readonly outcome: string;
  readonly retry: string;
  readonly problems: readonly string[];
}

const matrix: MatrixRow[] = [];

afterAll(() => {
  const file = process.env.FAULT_MATRIX;
  if (file) writeFileSync(file, JSON.stringify(matrix, null, 1));
});

function actOutcome(flow: Flow, reg: TrustRegister, baselineAfterAct: string): { outcome: string; failed: boolean; problems: string[] } {
  let result: unknown;
  try {
    result = flow.act(reg);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // What staff see: their own words for a UserFacingError; otherwise the entry point's apology with this detail.
    const readable = isUserFacing(error) || (error instanceof Error && message.trim().length > 0);
    return { outcome: `threw: ${message.slice(0, 160)}`, failed: true, problems: readable ? [] : [`unreadable error: ${String(error)}`] };
  }
  if (flow.reportsPending(reg, result)) return { outcome: 'reported', failed: true, problems: [] };
  if (JSON.stringify(endState(reg)) === baselineAfterAct) return { outcome: 'untouched', failed: false, problems: [] };
  return { outcome: 'SILENT', failed: false, problems: ['the flow neither failed nor reported anything, yet left a different state'] };
}

describe.each(FLOWS.map((f) => [f.name, f] as const))('faults while we %s', (_name, flow) => {
  let reg: TrustRegister;
  let start: unknown;
  let calls: string[];
  let baselineAfterAct: string;
  let baseline: Record<string, unknown>;

  beforeAll(() => {
    reg = createTrustRegister();
    prepareSchool(reg);
    flow.prepare(reg);
    start = reg.ws.toJSON();
    reg.ws.meter.reset();
    flow.act(reg);
    calls = Object.keys(reg.ws.meter.snapshot()).filter((c) => !NOT_EXTERNAL.test(c));
    baselineAfterAct = JSON.stringify(endState(reg));
    flow.retry(reg, false);
    baseline = endState(reg);
  });

  function restore(): void {
    reg.ws.fromJSON(start);
    reg.ws.meter.clearFaults();
    reg.ws.meter.reset();
  }

  test('fault-free, the flow keeps every promise', () => {
    expect(calls.length).toBeGreaterThan(3);
    expect(brokenPromises(reg)).toEqual([]);
  });

  test('a fault at each call, a busy lock and no email allowance: a clear failure, then the same end state on retry', () => {
    const scenarios = [...calls.map(faultAt), LOCK_HELD, EMAIL_QUOTA_GONE];
    const failures: string[] = [];
    for (const scenario of scenarios) {
      restore();
      scenario.arm(reg.ws);
      const acted = actOutcome(flow, reg, baselineAfterAct);
      scenario.disarm(reg.ws);
      const problems = [...acted.problems];
      try {
        flow.retry(reg, acted.failed);
      } catch (error) {
        problems.push(`retry failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      problems.push(...brokenPromises(reg));
      const diff = differences(endState(reg), baseline);
      problems.push(...diff);
      matrix.push({ flow: flow.name, fault: scenario.label, outcome: acted.outcome, retry: diff.length ? 'DIFFERENT' : 'same end state', problems });
      if (problems.length) failures.push(`${scenario.label} (${acted.outcome}):\n    ${problems.join('\n    ')}`);
    }
    expect(failures).toEqual([]);
  });
});
