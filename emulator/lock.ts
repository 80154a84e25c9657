/**
 * LockService. JavaScript here is single-threaded, so contention is staged rather than real: a
 * test says "another execution holds the document lock" (workspace.locks.holdDocumentLock()) and
 * the script's tryLock then returns false at once and waitLock throws, exactly as they would after
 * the timeout. Locks the script forgets to release are released when its execution ends.
 */
import type { EmulatorContext } from './context';
import { runtimeFor } from './runtime';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

type Holder =
  | { kind: 'script'; executionId: number }
  | { kind: 'other'; attemptsBeforeRelease: number | null };

export interface HoldOptions {
  /** The other execution lets go after this many failed acquisition attempts (default: never). */
  releaseAfterAttempts?: number;
}

/** All lock state of a workspace; exposed as workspace.locks. */
export class LockRegistry {
  private readonly holders = new Map<string, Holder>();

  constructor(private readonly ctx: EmulatorContext) {
    runtimeFor(ctx).onExecutionEnd((executionId) => this.releaseExecution(executionId));
  }

  static documentKey(documentId: string): string { return `document:${documentId}`; }
  static userKey(email: string): string { return `user:${email}`; }
  static readonly scriptKey = 'script';

  /** Another execution takes the container document's lock. */
  holdDocumentLock(options: HoldOptions = {}): void {
    this.holdOther(LockRegistry.documentKey(runtimeFor(this.ctx).activeSpreadsheetId), options);
  }

  holdScriptLock(options: HoldOptions = {}): void {
    this.holdOther(LockRegistry.scriptKey, options);
  }

  /** Another execution by `email` (default: the current user) takes that user's lock. */
  holdUserLock(email = this.ctx.effectiveUser.email, options: HoldOptions = {}): void {
    this.holdOther(LockRegistry.userKey(email), options);
  }

  private holdOther(key: string, options: HoldOptions): void {
    this.holders.set(key, { kind: 'other', attemptsBeforeRelease: options.releaseAfterAttempts ?? null });
  }

  /** The other executions let go of everything they hold. */
  releaseHeld(): void {
    for (const [key, holder] of [...this.holders]) if (holder.kind === 'other') this.holders.delete(key);
  }

  /** Which scopes are held right now, and by whom ("script" or "other"). */
  held(): Record<string, 'script' | 'other'> {
    const out: Record<string, 'script' | 'other'> = {};
    for (const [key, holder] of this.holders) out[key] = holder.kind;
    return out;
  }

  // ---------------------------------------------------------------- used by FakeLock

  tryAcquire(key: string): boolean {
    const executionId = runtimeFor(this.ctx).currentExecution();
    const holder = this.holders.get(key);
    if (holder?.kind === 'other') {
      if (holder.attemptsBeforeRelease === null || holder.attemptsBeforeRelease > 0) {
        if (holder.attemptsBeforeRelease !== null) holder.attemptsBeforeRelease -= 1;
        return false;
      }
      this.holders.delete(key);
    } else if (holder?.kind === 'script' && holder.executionId !== executionId) {
      return false;
    }
    this.holders.set(key, { kind: 'script', executionId });
    return true;
  }

  heldByCurrentExecution(key: string): boolean {
    const holder = this.holders.get(key);
    return holder?.kind === 'script' && holder.executionId === runtimeFor(this.ctx).currentExecution();
  }

  release(key: string): void {
    if (this.heldByCurrentExecution(key)) this.holders.delete(key);
  }

  private releaseExecution(executionId: number): void {
    for (const [key, holder] of [...this.holders]) {
      if (holder.kind === 'script' && holder.executionId === executionId) this.holders.delete(key);
    }
  }
}

const registries = new WeakMap<EmulatorContext, LockRegistry>();

export function lockRegistryFor(ctx: EmulatorContext): LockRegistry {
  let r = registries.get(ctx);
  if (!r) {
    r = new LockRegistry(ctx);
    registries.set(ctx, r);
  }
  return r;
}

export class FakeLock {
  private acquired = false;

  constructor(private readonly ctx: EmulatorContext, private readonly key: string) {}

  private get registry(): LockRegistry {
    return lockRegistryFor(this.ctx);
  }

  tryLock(_timeoutInMillis: number): boolean {
    this.ctx.meter.record('LockService', 'tryLock');
    this.acquired = this.registry.tryAcquire(this.key);
    return this.acquired;
  }

  waitLock(_timeoutInMillis: number): void {
    this.ctx.meter.record('LockService', 'waitLock');
    this.acquired = this.registry.tryAcquire(this.key);
    if (!this.acquired) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  hasLock(): boolean {
    this.ctx.meter.record('LockService', 'hasLock');
    return this.acquired && this.registry.heldByCurrentExecution(this.key);
  }

  releaseLock(): void {
    this.ctx.meter.record('LockService', 'releaseLock');
    if (this.acquired) this.registry.release(this.key);
    this.acquired = false;
  }
}

export class FakeLockService {
  constructor(private readonly ctx: EmulatorContext) {}

  /** Null when the script is not bound to a document, as in Apps Script. */
  getDocumentLock(): FakeLock | null {
    this.ctx.meter.record('LockService', 'getDocumentLock');
    const id = runtimeFor(this.ctx).activeSpreadsheetId;
    return id ? new FakeLock(this.ctx, LockRegistry.documentKey(id)) : null;
  }

  getScriptLock(): FakeLock {
    this.ctx.meter.record('LockService', 'getScriptLock');
    return new FakeLock(this.ctx, LockRegistry.scriptKey);
  }

  getUserLock(): FakeLock {
    this.ctx.meter.record('LockService', 'getUserLock');
    return new FakeLock(this.ctx, LockRegistry.userKey(this.ctx.effectiveUser.email));
  }
}
