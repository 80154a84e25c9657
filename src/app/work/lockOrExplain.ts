import { UserFacingError } from '../../domain/errors';
import type { AppContext } from '../context';

/** Runs fn holding the document lock, or says plainly that someone else is writing. */
export function withRegisterLock<T>(ctx: AppContext, fn: () => T): T {
  const result = ctx.services.lock.withLock(30000, fn);
  if (!result.ok) throw new UserFacingError('Someone else is changing the register at this moment, so nothing was saved. Please try again in a minute.');
  return result.value;
}
