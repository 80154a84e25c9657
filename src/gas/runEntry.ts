/**
 * How every entry point runs: build the ports once, run the use case, and turn errors into what
 * the person (or the log) should see. Errors written for staff are shown as they are; anything
 * else is a fault: logged in full, shown as a short apology with a reference.
 */
import { AppContext } from '../app/context';
import { isUserFacing } from '../domain/errors';
import { createGasServices } from './services';

const TITLE = 'Health Needs Register';

/** From a menu: messages go to an alert. */
export function fromMenu(fn: (ctx: AppContext) => string | void): void {
  let ctx: AppContext | undefined;
  try {
    ctx = new AppContext(createGasServices());
    const message = fn(ctx);
    if (message) ctx.services.ui.alert(TITLE, message);
  } catch (error) {
    const text = messageFor(error);
    if (ctx) ctx.services.ui.alert(TITLE, text);
    else throw error;
  }
}

/**
 * From google.script.run: the result goes back to the page; an error's message becomes the
 * failure handler's message, so it must be readable as it is.
 */
export function fromPage<T>(fn: (ctx: AppContext) => T): T {
  try {
    return fn(new AppContext(createGasServices()));
  } catch (error) {
    // google.script.run passes only the message to the page, so it must be the readable one.
    const message = messageFor(error);
    throw withCause(new Error(message), error);
  }
}

/** From a trigger: nobody is watching, so faults are logged (and rethrown so the execution shows as failed). */
export function fromTrigger<T>(name: string, fn: (ctx: AppContext) => T): T {
  try {
    return fn(new AppContext(createGasServices()));
  } catch (error) {
    console.error(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    throw error;
  }
}

/** Keeps the original error for the execution log (Error's options argument is ES2022). */
function withCause(error: Error, cause: unknown): Error {
  (error as Error & { cause?: unknown }).cause = cause;
  return error;
}

/** What staff should read for an error: their own message, a known Google limit in plain words, or a fault. */
function messageFor(error: unknown): string {
  if (isUserFacing(error)) return (error as Error).message;
  return platformMessage(error) ?? faultMessage(error);
}

/**
 * Errors Google's services raise that staff can act on. The original is still logged (cause).
 * Exported for tests.
 */
export function platformMessage(error: unknown): string | null {
  const text = error instanceof Error ? error.message : String(error);
  if (/protected cell or object/i.test(text)) {
    return 'The register’s protected sheets do not list you as an editor yet, so what you were doing was not finished. ' +
      'If you were added to the Staff sheet recently, ask a coordinator to open the Health Needs Register sidebar once (it brings access up to date), then try again.';
  }
  if (/Lock timeout|another process was holding the lock/i.test(text)) {
    return 'Someone else is changing the register at this moment, so what you were doing was not finished. Please try again in a minute.';
  }
  if (/Service invoked too many times|quota|rate limit/i.test(text)) {
    return 'Google’s daily limit for this kind of action has been reached for your account, so what you were doing was not finished. Please try again later (limits reset 24 hours after they began); nothing already recorded is lost.';
  }
  return null;
}

function faultMessage(error: unknown): string {
  const reference = Math.random().toString(36).slice(2, 8).toUpperCase();
  console.error(`Fault ${reference}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  const detail = error instanceof Error ? error.message : String(error);
  return `Something went wrong and nothing further was changed. Please try again; if it happens again, send this to the person who looks after the add-on: reference ${reference} (${detail}).`;
}
