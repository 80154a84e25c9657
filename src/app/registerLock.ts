import { UserFacingError } from '../domain/errors';
import type { AppContext } from './context';

/**
 * Runs a change holding the document lock, so two people never write the same rows or take the
 * same id; when someone else holds it for too long, says so plainly and changes nothing.
 */
export function withRegisterLock<T>(ctx: AppContext, fn: () => T, timeoutMs = 30000): T {
  const result = ctx.services.lock.withLock(timeoutMs, fn);
  if (!result.ok) throw new UserFacingError('Someone else is changing the register at this moment, so nothing was saved. Please try again in a minute.');
  return result.value;
}
