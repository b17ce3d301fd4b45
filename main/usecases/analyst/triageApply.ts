import { createHash } from 'node:crypto';
import { TRIAGE_STATES, type RequestOf, type ResultOf } from '../../../preload/contract';
import { appendAudit } from '../../audit/auditLog';
import type { Db } from '../../db/openWorkspace';
import { applyStaged, stagedIds, stageUndo, stageUpdate, type SetFields } from '../../db/queries/triageBulkQueries';
import { getAction, insertAction, latestUndoable, markUndone, setActionAffected } from '../../db/queries/triageQueries';
import { UseCaseError } from '../errors';
import { canMove, describeChange } from './triageRules';

// Plain functions of a connection, so a large action can run on the engine's connection in its
// thread and a small one on main's, with the same code.

/** Explicit selections up to this size are listed in the audit entry; larger ones are hashed. */
const AUDIT_ID_LIST_MAX = 1000;

function idsForAudit(ids: readonly number[]): Record<string, unknown> {
  if (ids.length <= AUDIT_ID_LIST_MAX) return { breakIds: ids };
  return { breakIdCount: ids.length, breakIdsSha256: createHash('sha256').update(ids.join(',')).digest('hex') };
}

/** The update itself, on any connection to the workspace: every break's event and the audit entry commit together. */
export function applyTriageUpdate(db: Db, actor: string, request: RequestOf<'triage:update-breaks'>): ResultOf<'triage:update-breaks'> {
  const { runId, target, change } = request;
  const summary = describeChange(change);
  const set: SetFields = {
    ...(change.state !== undefined ? { state: change.state } : {}),
    ...(change.assignee !== undefined ? { assignee: change.assignee } : {}),
    ...(change.classOverride ? { classOverride: change.classOverride.breakClass } : {}),
  };
  const allowedFrom = TRIAGE_STATES.filter((from) => change.state === undefined || canMove(from, change.state));
  return db
    .transaction(() => {
      const now = Date.now();
      const actionId = insertAction(db, { runId, actor: actor, tsMs: now, kind: 'update', change: { ...change, summary }, target });
      const { total, staged } = stageUpdate(db, runId, target, set, allowedFrom, !!change.note);
      applyStaged(db, {
        actionId,
        actor: actor,
        tsMs: now,
        action: change.classOverride ? 'class_override' : null,
        note: change.note ?? null,
        reason: change.classOverride?.reason ?? null,
        columns: Object.keys(set) as (keyof SetFields)[],
      });
      setActionAffected(db, actionId, staged);
      appendAudit(db, {
        actor: actor,
        kind: 'triage.updated',
        tsMs: now,
        data: {
          runId,
          actionId,
          change: { ...change },
          ...('filter' in target ? { filter: { ...target.filter } } : {}),
          ...idsForAudit(stagedIds(db)),
          affected: staged,
          skipped: total - staged,
        },
      });
      return { action: getAction(db, actionId)!, affected: staged, skipped: total - staged };
    })
    .immediate();
}

/** The undo itself, on any connection to the workspace. */
export function applyTriageUndo(db: Db, actor: string, request: RequestOf<'triage:undo-action'>): ResultOf<'triage:undo-action'> {
  return db
    .transaction(() => {
      const target = latestUndoable(db, request.runId);
      if (!target) throw new UseCaseError('NOT_FOUND', 'There is no triage action left to undo in this run.');
      if (request.actionId !== undefined && request.actionId !== target.id) {
        throw new UseCaseError('CONFLICT', `Only the newest action (#${target.id}) can be undone; #${request.actionId} is older.`);
      }
      const now = Date.now();
      const undoId = insertAction(db, {
        runId: request.runId,
        actor: actor,
        tsMs: now,
        kind: 'undo',
        change: { summary: `undo #${target.id}: ${target.summary}` },
        target: { actionId: target.id },
        undoes: target.id,
      });
      const { events, staged } = stageUndo(db, target.id);
      // Restore exactly the fields the undone action set (its change is stored with it).
      const undone = JSON.parse(
        db.prepare('SELECT change_json FROM triage_actions WHERE id = ?').pluck().get(target.id) as string,
      ) as { state?: unknown; assignee?: unknown; classOverride?: unknown };
      const columns = (['state', 'assignee', 'classOverride'] as const).filter((key) => undone[key] !== undefined);
      applyStaged(db, { actionId: undoId, actor: actor, tsMs: now, action: 'undo', note: `undo of action #${target.id}`, reason: null, columns });
      const restoredIds = stagedIds(db);
      setActionAffected(db, undoId, staged);
      markUndone(db, target.id, undoId);
      appendAudit(db, {
        actor: actor,
        kind: 'triage.undone',
        tsMs: now,
        data: { runId: request.runId, actionId: undoId, undoes: target.id, restored: restoredIds.length, notRestored: events - staged, ...idsForAudit(restoredIds) },
      });
      return { undone: getAction(db, target.id)!, action: getAction(db, undoId)!, restored: staged };
    })
    .immediate();
}
