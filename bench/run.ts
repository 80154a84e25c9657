/**
 * `npm run bench`: every main operation of the built add-on (dist/Code.js, loaded in node:vm on
 * the Workspace emulator) at 50, 500 and 5,000 open cases, counting Google service calls and
 * charging each the same latency model (emulator/meter.ts standardLatencyModel, issue 8):
 *
 *   SpreadsheetApp / Range call   50 ms + 0.002 ms per cell read or written
 *   SpreadsheetApp.flush          300 ms
 *   Properties / Cache call        40 ms
 *   taking a lock                  30 ms
 *   FormApp call                  300 ms
 *   Drive copy                  1,500 ms
 *   Docs batchUpdate              800 ms
 *   PDF export                  1,500 ms
 *   MailApp send                  400 ms
 *   Classroom call                500 ms
 *   any other service call        100 ms
 *
 * In Apps Script, time goes on round trips, not computation: an operation that reads and writes
 * each sheet once costs the same at 5,000 cases as at 50, apart from the per-cell charge.
 * "cpuMs" is the real time this machine spent running the operation (product code plus the
 * emulator's in-memory fakes), which is an upper bound for the product's own computation.
 *
 * Flags: --json (one JSON object on stdout, progress on stderr), --sizes=50,500 (default
 * 50,500,5000), --only=<part of an operation name>, --trace (every call of each operation, in
 * order, with its cells and modelled ms, on stderr: where an operation's time goes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorkspace, loadBundle, readHtmlFiles, standardLatencyModel, type Workspace } from '../emulator';
import { OPERATIONS, type OperationContext, type RunOutcome } from './operations';
import { BENCH_NOW, COORDINATOR, CONTACTS_PER_CASE, LETTERS_PER_CASE, seedRegister, WORK_PER_CASE } from './seed';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

export const MODEL = {
  'SpreadsheetApp or Range call': '50 ms + 0.002 ms per cell read or written',
  'SpreadsheetApp.flush': '300 ms',
  'Properties or Cache call': '40 ms',
  'Taking a lock (tryLock/waitLock)': '30 ms',
  'FormApp call': '300 ms',
  'Drive copy': '1,500 ms',
  'Docs batchUpdate': '800 ms',
  'PDF export (Drive export)': '1,500 ms',
  'MailApp send': '400 ms',
  'Classroom call': '500 ms',
  'Any other service call': '100 ms',
  source: 'emulator/meter.ts standardLatencyModel (issue 8)',
} as const;

export const TARGETS = {
  recordContactMs: 1500,
  caseSummaryMs: 1500,
  dailyCheckMs: 30_000,
  lettersPer6Minutes: 60,
  dailyCheckCpuMs: 3000,
  bundleKB: 400,
  bundleLoadMs: 100,
} as const;

export interface Result {
  operation: string;
  cases: number;
  calls: number;
  modelledMs: number;
  cpuMs: number;
  byService: Record<string, number>;
  byMethod: Record<string, number>;
  cells: number;
  executions: number;
  note: string;
  extra?: Readonly<Record<string, number>>;
  error?: string;
}

interface Args { json: boolean; sizes: number[]; only: string; trace: boolean }

function parseArgs(argv: readonly string[]): Args {
  const sizes = argv.find((a) => a.startsWith('--sizes='))?.slice(8).split(',').map(Number).filter((n) => n > 0);
  return {
    json: argv.includes('--json'),
    sizes: sizes?.length ? sizes : [50, 500, 5000],
    only: argv.find((a) => a.startsWith('--only='))?.slice(7).toLowerCase() ?? '',
    trace: argv.includes('--trace'),
  };
}

const progress = (text: string) => process.stderr.write(`${text}\n`);

// ------------------------------------------------------------------------------ bundle

export interface BundleFigures { bytes: number; kb: number; loadMs: number; loadMsFirst: number }

function measureBundle(code: string): BundleFigures {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const ws = createWorkspace();
    // A different source text each time, so V8's compilation cache cannot make later loads look free.
    const source = `${code}\n// load ${i} ${Date.now()}\n`;
    const t0 = performance.now();
    loadBundle(ws, source);
    times.push(performance.now() - t0);
  }
  const first = times[0];
  times.sort((a, b) => a - b);
  const bytes = Buffer.byteLength(code, 'utf8');
  return { bytes, kb: round(bytes / 1024, 1), loadMs: round(times[Math.floor(times.length / 2)], 1), loadMsFirst: round(first, 1) };
}

// ------------------------------------------------------------------------------ one register size

function makeRegister(code: string, cases: number): { ws: Workspace; ctx: OperationContext; seedMs: number } {
  // The clock moves on by the modelled time of every call, as it would in Apps Script, so a run
  // that watches its own time budget (the letter batches) stops where it really would.
  let carried = 0;
  const holder: { ws?: Workspace } = {};
  const ws = createWorkspace({
    latency: standardLatencyModel,
    activeUser: COORDINATOR,
    htmlFiles: readHtmlFiles(dist),
    now: () => new Date(BENCH_NOW.getTime() + carried + (holder.ws ? holder.ws.meter.modelledMs : 0)),
  });
  holder.ws = ws;
  const resetMeter = ws.meter.reset.bind(ws.meter);
  ws.meter.reset = () => { carried += ws.meter.modelledMs; resetMeter(); };

  // The script's own clock (new Date(), Date.now()) is the same modelled clock: "today" is the
  // benchmark's day whatever day it is run, and time budgets see the modelled round trips.
  ws.registerGlobal('Date', clockedDate(() => ws.ctx.now().getTime()));
  const bundle = loadBundle(ws, code);
  const alertsBefore = ws.ui.alerts.length;
  ws.callFunction('setUpRegister');
  const setUpSaid = ws.ui.alerts.slice(alertsBefore).map((a) => a.prompt).join(' ');
  if (/Something went wrong|cannot|missing/i.test(setUpSaid) && !/ready|in order/i.test(setUpSaid)) {
    throw new Error(`setUpRegister failed: ${setUpSaid.slice(0, 400)}`);
  }
  const seed = seedRegister(ws, cases);
  // The coordinator opens the sidebar once after the staff were added (as a school does after
  // set-up), so the add-on brings its protections up to date with the Staff sheet then, not in
  // the first measured operation.
  if (bundle.functions.includes('getSidebarState')) ws.runFunction('getSidebarState');
  // An earlier day's check found the audit log intact up to its end (the seeded rows), so the
  // measured daily check re-computes the seals added since (here, those of the operations
  // measured before it), as it would each morning.
  if (bundle.functions.includes('verifyAuditLog')) ws.callFunction('verifyAuditLog');
  ws.meter.reset();
  ws.ui.reset();
  return { ws, ctx: { ws, functions: bundle.functions, seed }, seedMs: seed.ms };
}

/** Prints every call the meter records, in order, to stderr. Returns a function that stops it. */
function traceCalls(ws: Workspace): () => void {
  const meter = ws.meter;
  const original = meter.record.bind(meter);
  meter.record = (service: string, method: string, cells = 0) => {
    const before = meter.modelledMs;
    original(service, method, cells);
    progress(`      ${service}.${method}${cells ? ` ${cells} cells` : ''} ${Math.round(meter.modelledMs - before)} ms`);
  };
  return () => { meter.record = original; };
}

/** A Date whose "now" is the given clock; every other use is the ordinary Date. */
function clockedDate(now: () => number): DateConstructor {
  class BenchDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return now();
    }
  }
  return BenchDate as unknown as DateConstructor;
}

function measure(ctx: OperationContext, op: (typeof OPERATIONS)[number], trace = false): Omit<Result, 'operation' | 'cases'> {
  const { ws } = ctx;
  const missing = op.needs.filter((n) => !ctx.functions.includes(n));
  if (missing.length) {
    return { calls: 0, modelledMs: 0, cpuMs: 0, byService: {}, byMethod: {}, cells: 0, executions: 0, note: '', error: `not in the bundle yet: ${missing.join(', ')}` };
  }
  let prepared: unknown;
  try {
    prepared = op.prepare?.(ctx);
  } catch (error) {
    return { calls: 0, modelledMs: 0, cpuMs: 0, byService: {}, byMethod: {}, cells: 0, executions: 0, note: '', error: `preparing: ${messageOf(error)}` };
  }
  ws.meter.reset();
  let outcome: RunOutcome | undefined;
  let error: string | undefined;
  const stopTrace = trace ? traceCalls(ws) : () => undefined;
  const t0 = performance.now();
  try {
    outcome = op.run(ctx, prepared);
  } catch (e) {
    error = messageOf(e);
  }
  const cpuMs = performance.now() - t0;
  stopTrace();
  const result = {
    calls: ws.meter.total(),
    modelledMs: Math.round(ws.meter.modelledMs),
    cpuMs: round(cpuMs, 1),
    byService: ws.meter.byService(),
    byMethod: ws.meter.snapshot(),
    cells: ws.meter.cells(),
    executions: outcome?.executions ?? 1,
    note: outcome?.note ?? '',
    ...(outcome?.extra ? { extra: outcome.extra } : {}),
    ...(error ? { error } : {}),
  };
  ws.meter.reset();
  return result;
}

// ------------------------------------------------------------------------------ report

function machine() {
  const cpu = (() => {
    try {
      return /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
    } catch {
      return os.cpus()[0]?.model ?? 'unknown';
    }
  })();
  return { cpu, cores: os.cpus().length, memoryGB: round(os.totalmem() / 1024 ** 3, 1), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

function round(n: number, places = 0): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const SERVICE_SHORT: Record<string, string> = {
  SpreadsheetApp: 'Sheets', PropertiesService: 'Props', CacheService: 'Cache', LockService: 'Lock', FormApp: 'Forms',
  Drive: 'Drive', Docs: 'Docs', MailApp: 'Mail', Classroom: 'Classroom', Utilities: 'Util', ScriptApp: 'Script', Session: 'Session',
};

function table(results: readonly Result[], bundle: BundleFigures): string {
  const header = ['Operation', 'Cases', 'Calls', 'Calls by service', 'Modelled', 'CPU'];
  const rows = results.map((r) => [
    r.operation,
    r.cases.toLocaleString('en-GB'),
    r.error ? '-' : String(r.calls),
    r.error ? `ERROR: ${oneLine(r.error, 90)}` : Object.entries(r.byService).sort((a, b) => b[1] - a[1]).map(([s, n]) => `${SERVICE_SHORT[s] ?? s} ${n}`).join(', '),
    r.error ? '-' : `${(r.modelledMs / 1000).toFixed(2)} s`,
    r.error ? '-' : `${Math.round(r.cpuMs)} ms`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 2 || i >= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '',
    `Bundle: dist/Code.js ${bundle.kb} KB; loads in a vm in ${bundle.loadMs} ms (median of 7; first ${bundle.loadMsFirst} ms).`].join('\n');
}

interface Verdict { target: string; met: boolean; detail: string }

function verdicts(results: readonly Result[], bundle: BundleFigures, sizes: readonly number[]): Verdict[] {
  const out: Verdict[] = [];
  const largest = Math.max(...sizes);
  const smallest = Math.min(...sizes);
  const byOp = new Map<string, Result[]>();
  for (const r of results) byOp.set(r.operation, [...(byOp.get(r.operation) ?? []), r]);
  for (const [op, rs] of byOp) {
    if (rs.some((r) => r.error)) {
      out.push({ target: `${op}: same calls at every size`, met: false, detail: rs.find((r) => r.error)?.error ?? '' });
      continue;
    }
    const small = rs.find((r) => r.cases === smallest);
    const large = rs.find((r) => r.cases === largest);
    if (!small || !large) continue;
    const counts = rs.map((r) => `${r.cases}: ${r.calls}`).join(', ');
    out.push({ target: `${op}: same calls at ${largest.toLocaleString('en-GB')} as at ${smallest}`, met: rs.every((r) => r.calls === small.calls), detail: counts });
  }
  const at = (needle: RegExp) => results.find((r) => r.cases === largest && needle.test(r.operation) && !r.error);
  const limit = (label: string, r: Result | undefined, value: (x: Result) => number, max: number, unit: string) => {
    if (!r) return; // not measured in this run (--only, --sizes, or the operation failed: reported above)
    const v = value(r);
    out.push({ target: label, met: v <= max, detail: `${round(v, 2)} ${unit}` });
  };
  const n = largest.toLocaleString('en-GB');
  limit(`Record one contact ≤ 1.5 s modelled at ${n}`, at(/contact/i), (r) => r.modelledMs / 1000, TARGETS.recordContactMs / 1000, 's');
  limit(`Open case summary ≤ 1.5 s modelled at ${n}`, at(/summary/i), (r) => r.modelledMs / 1000, TARGETS.caseSummaryMs / 1000, 's');
  limit(`Daily check ≤ 30 s modelled at ${n}`, at(/daily/i), (r) => r.modelledMs / 1000, TARGETS.dailyCheckMs / 1000, 's');
  limit(`Daily check computation ≤ 3 s at ${n}`, at(/daily/i), (r) => r.cpuMs / 1000, TARGETS.dailyCheckCpuMs / 1000, 's');
  const letters = at(/letters/i);
  if (letters) out.push({
    target: 'Letters: at least 60 per 6-minute execution (modelled)',
    met: !!letters?.extra && letters.extra.lettersPer6Minutes >= TARGETS.lettersPer6Minutes,
    detail: letters?.extra ? `${letters.extra.lettersPer6Minutes} per 6 minutes (${letters.extra.modelledMsPerLetter} ms a letter)` : 'not measured',
  });
  out.push({ target: 'dist/Code.js under 400 KB', met: bundle.kb < TARGETS.bundleKB, detail: `${bundle.kb} KB` });
  out.push({ target: 'dist/Code.js loads in a vm in under 100 ms', met: bundle.loadMs < TARGETS.bundleLoadMs, detail: `${bundle.loadMs} ms median` });
  return out;
}

// ------------------------------------------------------------------------------ main

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
  const bundle = measureBundle(code);
  progress(`dist/Code.js: ${bundle.kb} KB, vm load ${bundle.loadMs} ms`);
  const operations = OPERATIONS.filter((op) => !args.only || op.name.toLowerCase().includes(args.only));
  const results: Result[] = [];
  const seeding: Array<{ cases: number; ms: number; rows: Readonly<Record<string, number>> }> = [];
  for (const cases of args.sizes) {
    progress(`${cases} cases: setting up and seeding…`);
    const { ctx, seedMs } = makeRegister(code, cases);
    seeding.push({ cases, ms: round(seedMs), rows: ctx.seed.rows });
    progress(`${cases} cases: seeded in ${Math.round(seedMs)} ms (${Object.entries(ctx.seed.rows).map(([k, v]) => `${k} ${v}`).join(', ')})`);
    for (const op of operations) {
      const r = { operation: op.name, cases, ...measure(ctx, op, args.trace) };
      results.push(r);
      progress(`  ${op.name}: ${r.error ? `ERROR ${oneLine(r.error, 200)}` : `${r.calls} calls, ${(r.modelledMs / 1000).toFixed(2)} s modelled, ${Math.round(r.cpuMs)} ms cpu`}`);
    }
  }
  const checks = verdicts(results, bundle, args.sizes);
  const report = {
    model: MODEL,
    targets: TARGETS,
    machine: machine(),
    register: { sizes: args.sizes, contactsPerCase: CONTACTS_PER_CASE, workPerCase: WORK_PER_CASE, lettersPerCase: LETTERS_PER_CASE, seeding },
    bundle,
    results,
    verdicts: checks,
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    process.stdout.write(`${table(results, bundle)}\n\nTargets:\n${checks.map((c) => `  ${c.met ? 'met   ' : 'MISSED'}  ${c.target} (${oneLine(c.detail, 120)})`).join('\n')}\n`);
    process.stdout.write(`\nMachine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGB} GB, Node ${report.machine.node}.\n`);
  }
  if (results.some((r) => r.error)) process.exitCode = 1;
}

main();
