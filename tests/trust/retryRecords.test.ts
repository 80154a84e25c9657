/**
 * A retry finishes the records its first attempt left out (issue 7 faults): the fault matrix
 * compares every sheet but the Audit log, and strikes only each call's first occurrence. Here a
 * fault strikes every occurrence of every write of opening a case, closing one, and logging a
 * contact from the sidebar; after the same request is made again, the case's history and the
 * audit log hold its entry exactly once.
 */
import { AUDIT_LOG, CASE_HISTORY } from '../../src/domain/schema';
import { openCase } from '../../src/app/cases/openCase';
import { closeCase } from '../../src/app/cases/periods';
import { logContact } from '../../src/app/contacts/logContact';
import { createTrustRegister, type TrustRegister } from './harness';
import { caseFor, prepareSchool } from './faultFlows';

const WRITES = /^(SpreadsheetApp\.(Sheet\.(appendRow|insertRowsAfter)|Range\.setValues)|PropertiesService\.Properties\.setProperties|FormApp\.ListItem\.setChoiceValues)$/;

const FIRST = caseFor(1, 'Amelia Hughes');
const SECOND = caseFor(2, 'Rohan Patel');

interface Request {
  readonly name: string;
  prepare(reg: TrustRegister): void;
  make(reg: TrustRegister): unknown;
  /** How many history events and audit entries of this request there are. */
  count(reg: TrustRegister): { history: number; audit: number };
  /** What the fault-free request leaves: history events (0 when it writes none) and audit entries. */
  readonly expected: { history: number; audit: number };
}

function countRows(reg: TrustRegister, history: (v: Record<string, unknown>) => boolean, audit: (v: Record<string, unknown>) => boolean): { history: number; audit: number } {
  return reg.run((ctx) => ({
    history: ctx.services.tables.readAll(CASE_HISTORY).filter((r) => history(r.values)).length,
    audit: ctx.services.tables.readAll(AUDIT_LOG).filter((r) => audit(r.values)).length,
  }));
}

const REQUESTS: readonly Request[] = [
  {
    name: 'opening a case',
    prepare: (reg) => reg.run((ctx) => openCase(ctx, SECOND)),
    make: (reg) => reg.run((ctx) => openCase(ctx, FIRST)),
    count: (reg) => countRows(reg, (v) => v.event === 'Case opened' && v.caseRef !== 'HN-2026-0001' /* the second pupil's, opened first */, (v) => v.action === 'Case opened' && String(v.after).includes(FIRST.upn)),
    expected: { history: 1, audit: 1 },
  },
  {
    name: 'closing a case',
    prepare: (reg) => {
      reg.run((ctx) => openCase(ctx, FIRST));
      reg.run((ctx) => openCase(ctx, SECOND));
    },
    make: (reg) => reg.run((ctx) => closeCase(ctx, { ref: 'HN-2026-0001', date: '2026-10-07', note: 'Back in school' })),
    count: (reg) => countRows(reg, (v) => v.event === 'Case closed' && v.caseRef === 'HN-2026-0001', (v) => v.action === 'Case closed' && v.caseRef === 'HN-2026-0001'),
    expected: { history: 1, audit: 1 },
  },
  {
    name: 'logging a contact from the sidebar',
    prepare: (reg) => reg.run((ctx) => openCase(ctx, FIRST)),
    make: (reg) => reg.run((ctx) => logContact(ctx, {
      ref: 'HN-2026-0001', date: '2026-10-07', contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to',
      wellbeing: 'Sleeping better', engagement: 'Did the reading', nextSteps: 'Call on Friday', requestId: 'page-7f3a',
    })),
    count: (reg) => countRows(reg, () => false, (v) => v.action === 'Contact logged' && String(v.after).startsWith('S-page-7f3a:')),
    expected: { history: 0, audit: 1 },
  },
];

describe.each(REQUESTS.map((r) => [r.name, r] as const))('a fault at any write while %s, then the same request again', (_name, request) => {
  it('leaves its history event and audit entry written exactly once', () => {
    const reg = createTrustRegister();
    prepareSchool(reg);
    request.prepare(reg);
    const start = reg.ws.toJSON();
    reg.ws.meter.reset();
    request.make(reg);
    const counts = reg.ws.meter.snapshot();
    expect(request.count(reg)).toEqual(request.expected);
    const writes = Object.keys(counts).filter((c) => WRITES.test(c)).flatMap((call) => Array.from({ length: counts[call] }, (_, i) => ({ call, nth: i + 1 })));
    expect(writes.length).toBeGreaterThan(4);

    const wrong: string[] = [];
    for (const fault of writes) {
      reg.ws.fromJSON(start);
      reg.ws.meter.clearFaults();
      reg.ws.meter.inject(fault);
      try {
        request.make(reg);
      } catch {
        // The fault: what staff see is the fault matrix's concern.
      }
      reg.ws.meter.clearFaults();
      request.make(reg);
      const found = request.count(reg);
      if (JSON.stringify(found) !== JSON.stringify(request.expected)) wrong.push(`${fault.call} #${fault.nth}: ${JSON.stringify(found)}`);
    }
    expect(wrong).toEqual([]);
  });
});
