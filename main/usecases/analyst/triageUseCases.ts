import { createHash } from 'node:crypto';
import { TRIAGE_STATES, type RequestOf, type ResultOf } from '../../../preload/contract';
import { appendAudit } from '../../audit/auditLog';
import { ensureRunSearchIndex } from './searchIndex';
import { applyStaged, stagedIds, stageUndo, stageUpdate, type SetFields } from '../../db/queries/triageBulkQueries';
import {
  getAction,
  historyOf,
  insertAction,
  latestUndoable,
  listActions,
  markUndone,
  setActionAffected,
} from '../../db/queries/triageQueries';
import type { UseCaseContext } from '../context';
import { UseCaseError } from '../errors';
import { requireRun } from './requireRun';
import { canMove, describeChange } from './triageRules';

/** Explicit selections up to this size are listed in the audit entry; larger ones are hashed. */
const AUDIT_ID_LIST_MAX = 1000;

function idsForAudit(ids: readonly number[]): Record<string, unknown> {
  if (ids.length <= AUDIT_ID_LIST_MAX) return { breakIds: ids };
  return { breakIdCount: ids.length, breakIdsSha256: createHash('sha256').update(ids.join(',')).digest('hex') };
}

/** One undoable triage action over a selection or a filter; every break's event and the audit entry commit together. */
export async function updateBreaks(
  ctx: UseCaseContext,
  request: RequestOf<'triage:update-breaks'>,
): Promise<ResultOf<'triage:update-breaks'>> {
  const { runId, target, change } = request;
  requireRun(ctx.db, runId);
  if (change.state === undefined && change.assignee === undefined && change.classOverride === undefined && !change.note) {
    throw new UseCaseError('INVALID_INPUT', 'Nothing to change: give a state, an assignee, a class override or a note.');
  }
  if ('filter' in target && target.filter.text) await ensureRunSearchIndex(ctx, runId);
  const summary = describeChange(change);
  const set: SetFields = {
    ...(change.state !== undefined ? { state: change.state } : {}),
    ...(change.assignee !== undefined ? { assignee: change.assignee } : {}),
    ...(change.classOverride ? { classOverride: change.classOverride.breakClass } : {}),
  };
  const allowedFrom = TRIAGE_STATES.filter((from) => change.state === undefined || canMove(from, change.state));
  const result = ctx.db
    .transaction(() => {
      const now = Date.now();
      const actionId = insertAction(ctx.db, { runId, actor: ctx.actor, tsMs: now, kind: 'update', change: { ...change, summary }, target });
      const { total, staged } = stageUpdate(ctx.db, runId, target, set, allowedFrom, !!change.note);
      applyStaged(ctx.db, {
        actionId,
        actor: ctx.actor,
        tsMs: now,
        action: change.classOverride ? 'class_override' : null,
        note: change.note ?? null,
        reason: change.classOverride?.reason ?? null,
        columns: Object.keys(set) as (keyof SetFields)[],
      });
      setActionAffected(ctx.db, actionId, staged);
      appendAudit(ctx.db, {
        actor: ctx.actor,
        kind: 'triage.updated',
        tsMs: now,
        data: {
          runId,
          actionId,
          change: { ...change },
          ...('filter' in target ? { filter: { ...target.filter } } : {}),
          ...idsForAudit(stagedIds(ctx.db)),
          affected: staged,
          skipped: total - staged,
        },
      });
      return { action: getAction(ctx.db, actionId)!, affected: staged, skipped: total - staged };
    })
    .immediate();
  ctx.emit('recon:workspace-changed', { reason: 'triage' });
  return result;
}

/**
 * Reverts the newest update not yet undone. A break changed since by something else (a manual
 * match, say) keeps its newer state and is counted as not restored, rather than being clobbered.
 */
export function undoAction(ctx: UseCaseContext, request: RequestOf<'triage:undo-action'>): ResultOf<'triage:undo-action'> {
  requireRun(ctx.db, request.runId);
  const result = ctx.db
    .transaction(() => {
      const target = latestUndoable(ctx.db, request.runId);
      if (!target) throw new UseCaseError('NOT_FOUND', 'There is no triage action left to undo in this run.');
      if (request.actionId !== undefined && request.actionId !== target.id) {
        throw new UseCaseError('CONFLICT', `Only the newest action (#${target.id}) can be undone; #${request.actionId} is older.`);
      }
      const now = Date.now();
      const undoId = insertAction(ctx.db, {
        runId: request.runId,
        actor: ctx.actor,
        tsMs: now,
        kind: 'undo',
        change: { summary: `undo #${target.id}: ${target.summary}` },
        target: { actionId: target.id },
        undoes: target.id,
      });
      const { events, staged } = stageUndo(ctx.db, target.id);
      // Restore exactly the fields the undone action set (its change is stored with it).
      const undone = JSON.parse(
        ctx.db.prepare('SELECT change_json FROM triage_actions WHERE id = ?').pluck().get(target.id) as string,
      ) as { state?: unknown; assignee?: unknown; classOverride?: unknown };
      const columns = (['state', 'assignee', 'classOverride'] as const).filter((key) => undone[key] !== undefined);
      applyStaged(ctx.db, { actionId: undoId, actor: ctx.actor, tsMs: now, action: 'undo', note: `undo of action #${target.id}`, reason: null, columns });
      const restoredIds = stagedIds(ctx.db);
      setActionAffected(ctx.db, undoId, staged);
      markUndone(ctx.db, target.id, undoId);
      appendAudit(ctx.db, {
        actor: ctx.actor,
        kind: 'triage.undone',
        tsMs: now,
        data: { runId: request.runId, actionId: undoId, undoes: target.id, restored: restoredIds.length, notRestored: events - staged, ...idsForAudit(restoredIds) },
      });
      return { undone: getAction(ctx.db, target.id)!, action: getAction(ctx.db, undoId)!, restored: staged };
    })
    .immediate();
  ctx.emit('recon:workspace-changed', { reason: 'triage undo' });
  return result;
}

export function getTriageHistory(ctx: UseCaseContext, request: RequestOf<'triage:get-history'>): ResultOf<'triage:get-history'> {
  return { events: historyOf(ctx.db, request.breakId) };
}

export function listTriageActions(ctx: UseCaseContext, request: RequestOf<'triage:list-actions'>): ResultOf<'triage:list-actions'> {
  return { actions: listActions(ctx.db, request.runId, request.limit ?? 20) };
}
