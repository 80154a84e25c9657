/**
 * Every call the product makes to a Google service passes through the meter: it is counted by
 * "Service.method", charged a modelled latency, and may be made to fail (fault injection).
 * Tests and the benchmark read the counts to prove how many round trips an operation costs.
 */

/** A modelled latency, in milliseconds, for one call. `cells` is the cells read or written (Sheets). */
export type LatencyModel = (service: string, method: string, cells: number) => number;

/** The benchmark's model (issue 8), the same for everyone so results compare. */
export const standardLatencyModel: LatencyModel = (service, method, cells) => {
  if (service === 'SpreadsheetApp' && method === 'flush') return 300;
  if (service === 'SpreadsheetApp') return 50 + 0.002 * cells;
  if (service === 'PropertiesService' || service === 'CacheService') return 40;
  if (service === 'LockService' && (method === 'tryLock' || method === 'waitLock')) return 30;
  if (service === 'FormApp') return 300;
  if (service === 'Drive' && method === 'Files.copy') return 1500;
  if (service === 'Drive' && method === 'Files.export') return 1500;
  if (service === 'Docs' && method === 'Documents.batchUpdate') return 800;
  if (service === 'MailApp' && method === 'sendEmail') return 400;
  if (service === 'Classroom') return 500;
  return 100;
};

export const zeroLatencyModel: LatencyModel = () => 0;

export interface Fault {
  /** "Service.method", e.g. "Drive.Files.copy" or "SpreadsheetApp.Range.setValues". */
  readonly call: string;
  /** Fail on the Nth matching call from now (1 = the next one). */
  readonly nth?: number;
  /** How many consecutive matching calls fail (default 1). */
  readonly times?: number;
  /** The error to throw; defaults to a quota-style message. */
  readonly message?: string;
}

interface ArmedFault { call: string; skip: number; remaining: number; message: string }

export class Meter {
  private counts = new Map<string, number>();
  private cellsByKey = new Map<string, number>();
  private faults: ArmedFault[] = [];
  modelledMs = 0;
  latency: LatencyModel;

  constructor(latency: LatencyModel = zeroLatencyModel) {
    this.latency = latency;
  }

  /**
   * Records one call. Throws when an armed fault matches. Names are "Service.method" where the
   * method may itself be dotted ("Range.getValues", "Files.copy").
   */
  record(service: string, method: string, cells = 0): void {
    const key = `${service}.${method}`;
    for (const fault of this.faults) {
      if (fault.remaining > 0 && (fault.call === key || fault.call === service || key.endsWith(`.${fault.call}`))) {
        if (fault.skip > 0) {
          fault.skip -= 1;
        } else {
          fault.remaining -= 1;
          this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
          throw new Error(fault.message);
        }
      }
    }
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.cellsByKey.set(key, (this.cellsByKey.get(key) ?? 0) + cells);
    this.modelledMs += this.latency(service, method, cells);
  }

  inject(fault: Fault): void {
    this.faults.push({
      call: fault.call,
      skip: Math.max(0, (fault.nth ?? 1) - 1),
      remaining: fault.times ?? 1,
      message: fault.message ?? `Service invoked too many times for one day: ${fault.call}.`,
    });
  }

  clearFaults(): void {
    this.faults = [];
  }

  reset(): void {
    this.counts.clear();
    this.cellsByKey.clear();
    this.modelledMs = 0;
  }

  /** Calls per "Service.method". */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Calls per service ("SpreadsheetApp", "Drive", …). */
  byService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of this.counts) {
      const service = key.split('.')[0];
      out[service] = (out[service] ?? 0) + n;
    }
    return out;
  }

  total(prefix?: string): number {
    let n = 0;
    for (const [key, count] of this.counts) if (!prefix || key.startsWith(prefix)) n += count;
    return n;
  }

  cells(prefix?: string): number {
    let n = 0;
    for (const [key, count] of this.cellsByKey) if (!prefix || key.startsWith(prefix)) n += count;
    return n;
  }
}
