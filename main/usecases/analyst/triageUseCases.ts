import type { RequestOf, ResultOf } from '../../../preload/contract';
import { historyOf, latestUndoable, listActions } from '../../db/queries/triageQueries';
import type { UseCaseContext } from '../context';
import { UseCaseError } from '../errors';
import { requireRun } from './requireRun';
import { ensureRunSearchIndex } from './searchIndex';
import { applyTriageUndo, applyTriageUpdate } from './triageApply';

/** Undos of actions that touched more breaks than this run in the engine thread. */
const LARGE_ACTION = 5000;

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
  // A whole filter may be a million breaks: that transaction runs in the engine thread, not on main's event loop.
  const result =
    'filter' in target
      ? await ctx.engine.call((api) => api.applyTriageUpdate(ctx.storeDir, ctx.actor, request))
      : applyTriageUpdate(ctx.db, ctx.actor, request);
  ctx.emit('recon:workspace-changed', { reason: 'triage' });
  return result;
}

/**
 * Reverts the newest update not yet undone. A break changed since by something else (a manual
 * match, say) keeps its newer state and is counted as not restored, rather than being clobbered.
 */
export async function undoAction(ctx: UseCaseContext, request: RequestOf<'triage:undo-action'>): Promise<ResultOf<'triage:undo-action'>> {
  requireRun(ctx.db, request.runId);
  const newest = latestUndoable(ctx.db, request.runId);
  // Undoing a large action is as large as the action; it too runs in the engine thread.
  const result =
    newest && newest.affected > LARGE_ACTION
      ? await ctx.engine.call((api) => api.applyTriageUndo(ctx.storeDir, ctx.actor, request))
      : applyTriageUndo(ctx.db, ctx.actor, request);
  ctx.emit('recon:workspace-changed', { reason: 'triage undo' });
  return result;
}

export function getTriageHistory(ctx: UseCaseContext, request: RequestOf<'triage:get-history'>): ResultOf<'triage:get-history'> {
  return { events: historyOf(ctx.db, request.breakId) };
}

export function listTriageActions(ctx: UseCaseContext, request: RequestOf<'triage:list-actions'>): ResultOf<'triage:list-actions'> {
  return { actions: listActions(ctx.db, request.runId, request.limit ?? 20) };
}
