/**
 * Per-workspace state that is not a Google service: which execution is running (Apps Script
 * releases a script's locks when its execution ends), the modelled clock (Utilities.sleep moves it
 * instead of blocking), the container spreadsheet, the project's HTML files, and the log lines.
 * Kept in a WeakMap keyed by the EmulatorContext so every fake reaches it through `ctx` alone.
 */
import type { EmulatorContext, EmulatorUser } from './context';

export class Runtime {
  /** 0 when no execution is running (a test poking the model directly). */
  executionId = 0;
  private lastExecutionId = 0;
  private readonly endHooks: Array<(executionId: number) => void> = [];
  /** Id of the spreadsheet the script is bound to (SpreadsheetApp.getActive()). */
  activeSpreadsheetId = '';
  htmlFiles: Record<string, string> = {};
  readonly scriptId = '1EmulatedScriptIdHealthNeedsRegister000000000000000000';
  /** Milliseconds Utilities.sleep has added to the modelled clock. */
  clockOffsetMs = 0;
  /** workspace.auth: when true, ScriptApp.getAuthorizationInfo reports REQUIRED. */
  readonly auth = { requireReauthorisation: false };
  /**
   * The Date constructor of the script's realm. Dates handed to the script (getValues) are made
   * with it, so `value instanceof Date` holds inside a node:vm bundle as it does in Apps Script.
   */
  scriptDate: DateConstructor = Date;
  /** Lines written by Logger.log and console.* (most recent last). */
  readonly logs: string[] = [];

  constructor(readonly ctx: EmulatorContext) {}

  /** Registers work to do when an execution ends (lock release). */
  onExecutionEnd(hook: (executionId: number) => void): void {
    this.endHooks.push(hook);
  }

  /**
   * Runs `fn` as one Apps Script execution, optionally as another user (installable triggers run
   * as their creator). Executions may nest (a test firing a trigger from inside a run): the outer
   * execution resumes afterwards, still holding its own locks.
   */
  run<T>(fn: () => T, asUser?: EmulatorUser): T {
    const outerExecution = this.executionId;
    const outerActive = this.ctx.activeUser;
    const outerEffective = this.ctx.effectiveUser;
    this.lastExecutionId += 1;
    const id = this.lastExecutionId;
    this.executionId = id;
    if (asUser) {
      this.ctx.activeUser = { ...asUser };
      this.ctx.effectiveUser = { ...asUser };
    }
    try {
      return fn();
    } finally {
      this.endExecution(id);
      this.executionId = outerExecution;
      this.ctx.activeUser = outerActive;
      this.ctx.effectiveUser = outerEffective;
    }
  }

  /** Ends an execution: releases whatever it still holds. Defaults to the current one. */
  endExecution(id = this.executionId): void {
    for (const hook of this.endHooks) hook(id);
  }

  /**
   * The execution to charge a lock to. Outside any run() the test itself acts as one long
   * execution (id 0), released by workspace.endExecution().
   */
  currentExecution(): number {
    return this.executionId;
  }
}

const runtimes = new WeakMap<EmulatorContext, Runtime>();

export function runtimeFor(ctx: EmulatorContext): Runtime {
  let rt = runtimes.get(ctx);
  if (!rt) {
    rt = new Runtime(ctx);
    runtimes.set(ctx, rt);
  }
  return rt;
}
