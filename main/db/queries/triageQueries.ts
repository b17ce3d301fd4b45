import type { BreakClass, TriageActionView, TriageEventView, TriageState } from '../../../preload/contract';
import type { Db } from '../openWorkspace';
import type { TriageSnapshot } from '../../usecases/analyst/triageRules';

export interface SnapshotRow {
  id: number;
  triage_state: TriageState;
  assignee: string | null;
  class_override: BreakClass | null;
}

export function snapshotOf(row: SnapshotRow): TriageSnapshot {
  return { state: row.triage_state, assignee: row.assignee, classOverride: row.class_override };
}

/** Current triage fields of the given breaks of one run (ids of other runs are ignored). */
export function snapshotsByIds(db: Db, runId: number, ids: readonly number[]): SnapshotRow[] {
  return db
    .prepare(
      `SELECT id, triage_state, assignee, class_override FROM breaks
       WHERE run_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(runId, JSON.stringify(ids)) as SnapshotRow[];
}

export function writeSnapshot(db: Db, id: number, after: TriageSnapshot, nowMs: number): void {
  db.prepare('UPDATE breaks SET triage_state = ?, assignee = ?, class_override = ?, updated_at = ? WHERE id = ?').run(
    after.state,
    after.assignee,
    after.classOverride,
    nowMs,
    id,
  );
}

export interface NewEvent {
  breakId: number;
  actionId: number | null;
  actor: string;
  tsMs: number;
  action: string;
  before: TriageSnapshot | null;
  after: TriageSnapshot | null;
  note: string | null;
  payload?: Record<string, unknown>;
}

export function insertEvent(db: Db, event: NewEvent): void {
  db.prepare(
    `INSERT INTO triage_events (break_id, action_id, actor, ts, action, from_state, to_state, note, payload_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    event.breakId,
    event.actionId,
    event.actor,
    event.tsMs,
    event.action,
    event.before?.state ?? null,
    event.after?.state ?? null,
    event.note,
    JSON.stringify({ before: event.before, after: event.after, ...(event.payload ?? {}) }),
  );
}

interface ActionRow {
  id: number;
  run_id: number;
  actor: string;
  ts: number;
  kind: 'update' | 'undo';
  change_json: string;
  affected: number;
  undoes_action_id: number | null;
  undone_by_action_id: number | null;
}

function toActionView(row: ActionRow): TriageActionView {
  const change = JSON.parse(row.change_json) as { summary?: string };
  return {
    id: row.id,
    runId: row.run_id,
    actor: row.actor,
    tsMs: row.ts,
    kind: row.kind,
    affected: row.affected,
    summary: change.summary ?? row.kind,
    undoneByActionId: row.undone_by_action_id,
    undoesActionId: row.undoes_action_id,
  };
}

export function insertAction(
  db: Db,
  action: { runId: number; actor: string; tsMs: number; kind: 'update' | 'undo'; change: Record<string, unknown>; target: unknown; undoes?: number },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO triage_actions (run_id, actor, ts, kind, change_json, target_json, affected, undoes_action_id)
         VALUES (?, ?, ?, ?, ?, ?, 0, ?)`,
      )
      .run(action.runId, action.actor, action.tsMs, action.kind, JSON.stringify(action.change), JSON.stringify(action.target), action.undoes ?? null)
      .lastInsertRowid,
  );
}

export function setActionAffected(db: Db, id: number, affected: number): void {
  db.prepare('UPDATE triage_actions SET affected = ? WHERE id = ?').run(affected, id);
}

export function markUndone(db: Db, id: number, byActionId: number): void {
  db.prepare('UPDATE triage_actions SET undone_by_action_id = ? WHERE id = ?').run(byActionId, id);
}

export function getAction(db: Db, id: number): TriageActionView | null {
  const row = db.prepare('SELECT * FROM triage_actions WHERE id = ?').get(id) as ActionRow | undefined;
  return row ? toActionView(row) : null;
}

/** The newest update of the run not yet undone: what undo reverts. */
export function latestUndoable(db: Db, runId: number): TriageActionView | null {
  const row = db
    .prepare(
      // An update that changed no break has nothing to undo: the one before it is the one to offer.
      `SELECT * FROM triage_actions WHERE run_id = ? AND kind = 'update' AND undone_by_action_id IS NULL AND affected > 0
       ORDER BY id DESC LIMIT 1`,
    )
    .get(runId) as ActionRow | undefined;
  return row ? toActionView(row) : null;
}

export function listActions(db: Db, runId: number, limit: number): TriageActionView[] {
  return (db.prepare('SELECT * FROM triage_actions WHERE run_id = ? ORDER BY id DESC LIMIT ?').all(runId, limit) as ActionRow[]).map(
    toActionView,
  );
}

interface EventRow {
  id: number;
  action_id: number | null;
  actor: string;
  ts: number;
  action: string;
  from_state: TriageState | null;
  to_state: TriageState | null;
  note: string | null;
  payload_json: string;
}

function eventDetail(row: EventRow): string {
  try {
    const payload = JSON.parse(row.payload_json) as { before?: TriageSnapshot | null; after?: TriageSnapshot | null; reason?: string };
    const parts: string[] = [];
    if (payload.before && payload.after) {
      if (payload.before.assignee !== payload.after.assignee) parts.push(`assignee ${payload.before.assignee ?? '—'} → ${payload.after.assignee ?? '—'}`);
      if (payload.before.classOverride !== payload.after.classOverride) {
        parts.push(`class ${payload.before.classOverride ?? 'engine'} → ${payload.after.classOverride ?? 'engine'}`);
      }
    }
    if (payload.reason) parts.push(`reason: ${payload.reason}`);
    return parts.join('; ');
  } catch {
    return '';
  }
}

export function historyOf(db: Db, breakId: number): TriageEventView[] {
  const rows = db.prepare('SELECT * FROM triage_events WHERE break_id = ? ORDER BY id').all(breakId) as EventRow[];
  return rows.map((row) => ({
    id: row.id,
    actionId: row.action_id,
    actor: row.actor,
    tsMs: row.ts,
    action: row.action,
    fromState: row.from_state,
    toState: row.to_state,
    note: row.note,
    detail: eventDetail(row),
  }));
}
