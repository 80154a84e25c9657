/**
 * Keeping the pupil in touch with school life while out of school (policy section 3: newsletters,
 * emails, invitations to school events, links to lessons). The daily digest reminds when a case
 * has had nothing for the number of school days in Settings.
 */
import { KEEP_IN_TOUCH } from '../../domain/schema';
import { KEEP_IN_TOUCH_KINDS } from '../../domain/la/vocabulary';
import { UserFacingError } from '../../domain/errors';
import type { KeepInTouchInput } from '../../shared/laApi';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { caseRow, inputDate, inputOneOf, inputText, text, withLock } from './common';

export function logKeepInTouch(ctx: AppContext, input: KeepInTouchInput): { status: string } {
  ctx.authorise('contact.log');
  const row = caseRow(ctx, input.ref);
  const ref = text(row.values.ref);
  const date = inputDate('date it was sent', input.date, { fallback: ctx.today() });
  if (date > ctx.today()) throw new UserFacingError('The date is in the future: log it once it has been sent.');
  const kind = inputOneOf('way of keeping in touch', input.kind, KEEP_IN_TOUCH_KINDS);
  const description = inputText('what was sent', input.description, { required: true, max: 500 });
  const link = inputText('the link', input.link, { max: 500 });
  if (link && !/^https:\/\//i.test(link)) throw new UserFacingError('The link should start with https://.');
  return withLock(ctx, () => {
    ctx.services.tables.append(KEEP_IN_TOUCH, [{ caseRef: ref, date, kind, description, link, by: ctx.actorEmail, loggedAt: ctx.now() }]);
    recordAudit(ctx, [{ action: 'Keep in touch logged', caseRef: ref, after: `${kind}: ${description}` }]);
    return { status: `${kind} logged for ${ref}.` };
  });
}
