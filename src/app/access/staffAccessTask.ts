import type { DailyTask } from '../contacts/dailyCheck';
import { recordAudit } from '../audit';
import { syncStaffAccess } from './staffAccess';

/** The daily check brings staff access up to date when the Staff sheet changed (run by a coordinator's trigger). */
export const STAFF_ACCESS_DAILY_TASK: DailyTask = {
  name: 'Staff access',
  run(ctx) {
    if (!ctx.may('staff.manage')) return [];
    const notes = syncStaffAccess(ctx);
    if (notes.length) recordAudit(ctx, [{ action: 'Staff access updated', after: notes.join(' ') }]);
    return notes;
  },
};
