/** Logger and a console shim. Lines are kept (workspace.logs) rather than printed. */
import type { EmulatorContext } from './context';
import { runtimeFor } from './runtime';

function formatLine(args: unknown[]): string {
  const show = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (Object.prototype.toString.call(v) === '[object Date]') return String(v);
    if (v instanceof Error) return v.stack ?? v.message;
    try {
      return JSON.stringify(v) ?? String(v);
    } catch {
      return String(v);
    }
  };
  const [first, ...rest] = args;
  if (typeof first === 'string' && /%[sdifjo]/.test(first)) {
    let i = 0;
    const text = first.replace(/%[sdifjo]/g, () => (i < rest.length ? show(rest[i++]) : ''));
    return [text, ...rest.slice(i).map(show)].join(' ');
  }
  return args.map(show).join(' ');
}

export class FakeLogger {
  constructor(private readonly ctx: EmulatorContext) {}

  log(...args: unknown[]): this {
    runtimeFor(this.ctx).logs.push(formatLine(args));
    return this;
  }

  getLog(): string {
    return runtimeFor(this.ctx).logs.join('\n');
  }

  clear(): void {
    runtimeFor(this.ctx).logs.length = 0;
  }
}

/** The parts of console Apps Script code uses; each line is prefixed with its level except log. */
export function createConsole(ctx: EmulatorContext): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> & { time(label?: string): void; timeEnd(label?: string): void } {
  const push = (level: string, args: unknown[]) => runtimeFor(ctx).logs.push(level ? `${level}: ${formatLine(args)}` : formatLine(args));
  const timers = new Map<string, number>();
  return {
    log: (...args: unknown[]) => push('', args),
    info: (...args: unknown[]) => push('INFO', args),
    warn: (...args: unknown[]) => push('WARNING', args),
    error: (...args: unknown[]) => push('ERROR', args),
    debug: (...args: unknown[]) => push('DEBUG', args),
    time: (label = 'default') => { timers.set(label, ctx.now().getTime()); },
    timeEnd: (label = 'default') => push('', [`${label}: ${ctx.now().getTime() - (timers.get(label) ?? ctx.now().getTime())}ms`]),
  };
}
