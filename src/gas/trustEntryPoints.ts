/**
 * Menu items for trust: verifying the audit log, checking and repairing triggers, the self-test
 * and the retention review. Each is a thin shim over a use case in src/app/trust.
 */
import { verifyAuditLog as verifyAuditLogUseCase } from '../app/trust/verifyAuditLog';
import { checkTriggers as checkTriggersUseCase } from '../app/trust/triggerHealth';
import { runSelfTest as runSelfTestUseCase } from '../app/trust/selfTest';
import { disposeRecords, reviewRetention as reviewRetentionUseCase } from '../app/trust/retention';
import { fromMenu } from './runEntry';

export function verifyAuditLog(): void {
  fromMenu((ctx) => verifyAuditLogUseCase(ctx).message);
}

export function checkTriggers(): void {
  fromMenu((ctx) => {
    const found = checkTriggersUseCase(ctx, { repair: false });
    if (found.healthy) return found.lines.join('\n');
    const repair = ctx.services.ui.confirm('Check triggers', `${found.lines.join('\n')}\n\nRepair the triggers now?`);
    if (!repair) return 'Nothing was changed.';
    return checkTriggersUseCase(ctx, { repair: true }).lines.join('\n');
  });
}

export function runSelfTest(): void {
  fromMenu((ctx) => runSelfTestUseCase(ctx).message);
}

export function reviewRetention(): void {
  fromMenu((ctx) => {
    const review = reviewRetentionUseCase(ctx);
    const removable = review.dueCases.length + review.dueAttendanceRows + review.dueUnmatchedRows;
    if (removable === 0) return review.summary;
    const go = ctx.services.ui.confirm('Records past their retention period', `${review.summary}\n\nRemove these records now? This cannot be undone from the register (Drive keeps documents in its bin for 30 days).`);
    if (!go) return 'Nothing was removed.';
    return disposeRecords(ctx, review.dueCases.map((c) => c.ref)).message;
  });
}
