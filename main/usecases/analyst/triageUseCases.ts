import { createHash } from 'node:crypto';
import type { RequestOf, ResultOf, TriageTarget } from '../../../preload/contract';
import { appendAudit } from '../../audit/auditLog';
import { breakWhere } from '../../db/queries/breakFilterSql';
import { ensureSearchIndex } from '../../db/queries/breakSearchIndex';
import type { Db } from '../../db/openWorkspace';
import {
  eventsOfAction,
  getAction,
  historyOf,
  insertAction,
  insertEvent,
  latestUndoable,
  listActions,
  markUndone,
  setActionAffected,
  snapshotOf,
  snapshotsByIds,
  writeSnapshot,
  type SnapshotRow,
} from '../../db/queries/triageQueries';
import type { UseCaseContext } from '../context';
import { UseCaseError } from '../errors';
import { requireRun } from './requireRun';
import { applyChange, describeChange, sameSnapshot } from './triageRules';

/** Explicit selections up to this size are listed in the audit entry; larger ones are hashed. */
const AUDIT_ID_LIST_MAX = 1000;

function targetSnapshots(db: Db, runId: number, target: TriageTarget): SnapshotRow[] {
  if ('breakIds' in target) return snapshotsByIds(db, runId, target.breakIds);
  const where = breakWhere({ ...target.filter, runId });
  return db
    .prepare(`SELECT b.id, b.triage_state, b.assignee, b.class_override FROM breaks b WHERE ${where.sql} ORDER BY b.id`)
    .all(...where.params) as SnapshotRow[];
}

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
  if ('filter' in target && target.filter.text) await ensureSearchIndex(ctx.db, runId);
  const summary = describeChange(change);
  const result = ctx.db
    .transaction(() => {
      const now = Date.now();
      const snapshots = targetSnapshots(ctx.db, runId, target);
      const actionId = insertAction(ctx.db, { runId, actor: ctx.actor, tsMs: now, kind: 'update', change: { ...change, summary }, target });
      const touched: number[] = [];
      let skipped = 0;
      for (const row of snapshots) {
        const before = snapshotOf(row);
        const after = applyChange(before, change);
        if (!after || (sameSnapshot(before, after) && !change.note)) {
          skipped += 1;
          continue;
        }
        writeSnapshot(ctx.db, row.id, after, now);
        insertEvent(ctx.db, {
          breakId: row.id,
          actionId,
          actor: ctx.actor,
          tsMs: now,
          action: change.classOverride ? 'class_override' : before.state !== after.state ? 'state' : 'update',
          before,
          after,
          note: change.note ?? null,
          ...(change.classOverride ? { payload: { reason: change.classOverride.reason } } : {}),
        });
        touched.push(row.id);
      }
      setActionAffected(ctx.db, actionId, touched.length);
      appendAudit(ctx.db, {
        actor: ctx.actor,
        kind: 'triage.updated',
        tsMs: now,
        data: {
          runId,
          actionId,
          change: { ...change },
          ...('filter' in target ? { filter: { ...target.filter } } : {}),
          ...idsForAudit(touched),
          affected: touched.length,
          skipped,
        },
      });
      return { action: getAction(ctx.db, actionId)!, affected: touched.length, skipped };
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
      const events = eventsOfAction(ctx.db, target.id);
      const current = new Map(snapshotsByIds(ctx.db, request.runId, events.map((e) => e.breakId)).map((row) => [row.id, snapshotOf(row)]));
      const restoredIds: number[] = [];
      for (const event of events) {
        const now_ = current.get(event.breakId);
        if (!now_ || !sameSnapshot(now_, event.after)) continue;
        writeSnapshot(ctx.db, event.breakId, event.before, now);
        insertEvent(ctx.db, { breakId: event.breakId, actionId: undoId, actor: ctx.actor, tsMs: now, action: 'undo', before: now_, after: event.before, note: `undo of action #${target.id}` });
        restoredIds.push(event.breakId);
      }
      setActionAffected(ctx.db, undoId, restoredIds.length);
      markUndone(ctx.db, target.id, undoId);
      appendAudit(ctx.db, {
        actor: ctx.actor,
        kind: 'triage.undone',
        tsMs: now,
        data: { runId: request.runId, actionId: undoId, undoes: target.id, restored: restoredIds.length, notRestored: events.length - restoredIds.length, ...idsForAudit(restoredIds) },
      });
      return { undone: getAction(ctx.db, target.id)!, action: getAction(ctx.db, undoId)!, restored: restoredIds.length };
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
