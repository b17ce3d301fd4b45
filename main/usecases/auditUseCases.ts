import type { RequestOf, ResultOf } from '../../preload/contract';
import { appendAudit, countAudit, listAudit, verifyChain } from '../audit/auditLog';
import type { UseCaseContext } from './context';

export function listAuditEntries(
  ctx: UseCaseContext,
  request: RequestOf<'audit:list-entries'>,
): ResultOf<'audit:list-entries'> {
  return { entries: listAudit(ctx.db, request.offset, request.limit), total: countAudit(ctx.db) };
}

/**
 * Verifies first, then records that a verification happened; the new entry is not part of the
 * result it reports on.
 */
export function verifyAuditChain(ctx: UseCaseContext): ResultOf<'audit:verify-chain'> {
  const result = verifyChain(ctx.db);
  if (result.ok) {
    ctx.db
      .transaction(() => {
        appendAudit(ctx.db, { actor: ctx.actor, kind: 'audit.verified', data: { entries: result.entries } });
      })
      .immediate();
  }
  return result;
}

export function cancelTask(ctx: UseCaseContext, request: RequestOf<'task:cancel-task'>): ResultOf<'task:cancel-task'> {
  return { cancelled: ctx.tasks.cancel(request.taskId) };
}
