import type { BreakClass, BreakFilter, TriageState } from '../../../preload/contract';
import type { Db } from '../openWorkspace';
import { breakWhere, type SqlFragment } from './breakFilterSql';

/**
 * Set-based triage: one INSERT … SELECT for the events and one UPDATE for the breaks, whatever the
 * number of breaks, instead of two statements per break from JavaScript (200k breaks: 10 s → well
 * under a second). Targets are staged in a connection-local temp table inside the caller's
 * transaction. Event payloads keep the shape {before, after[, reason]} that undo and history read.
 */

export type Target = { breakIds: readonly number[] } | { filter: BreakFilter };

/** The new value of each field the change sets; an absent key leaves that field as it is. */
export interface SetFields {
  state?: TriageState;
  assignee?: string | null;
  classOverride?: BreakClass | null;
}

function targetWhere(runId: number, target: Target): SqlFragment {
  if ('breakIds' in target) {
    return { sql: 'b.run_id = ? AND b.id IN (SELECT value FROM json_each(?))', params: [runId, JSON.stringify(target.breakIds)] };
  }
  return breakWhere({ ...target.filter, runId });
}

function stage(db: Db, table: string): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (
    id INTEGER PRIMARY KEY, b_state TEXT, b_assignee TEXT, b_class TEXT, a_state TEXT, a_assignee TEXT, a_class TEXT)`);
  db.exec(`DELETE FROM ${table}`);
}

const SNAPSHOT = (prefix: 'b' | 'a') =>
  `json_object('state', ${prefix}_state, 'assignee', ${prefix}_assignee, 'classOverride', ${prefix}_class)`;

/**
 * Stages every targeted break whose state may make the move (allowedFrom) and that the change would
 * actually alter (unless a note is added, which is worth an event on its own).
 * Returns how many breaks the target named in all, and how many are staged.
 */
export function stageUpdate(db: Db, runId: number, target: Target, set: SetFields, allowedFrom: readonly TriageState[], withNote: boolean): { total: number; staged: number } {
  stage(db, 'triage_stage');
  const where = targetWhere(runId, target);
  const total = db.prepare(`SELECT COUNT(*) FROM breaks b WHERE ${where.sql}`).pluck().get(...where.params) as number;
  const after = {
    state: set.state !== undefined ? '?' : 'b.triage_state',
    assignee: set.assignee !== undefined ? '?' : 'b.assignee',
    cls: set.classOverride !== undefined ? '?' : 'b.class_override',
  };
  const afterParams = [
    ...(set.state !== undefined ? [set.state] : []),
    ...(set.assignee !== undefined ? [set.assignee] : []),
    ...(set.classOverride !== undefined ? [set.classOverride] : []),
  ];
  const states = allowedFrom.map(() => '?').join(', ');
  const staged = db
    .prepare(
      `INSERT INTO triage_stage (id, b_state, b_assignee, b_class, a_state, a_assignee, a_class)
       SELECT * FROM (
         SELECT b.id, b.triage_state, b.assignee, b.class_override, ${after.state} AS s, ${after.assignee} AS a, ${after.cls} AS c
         FROM breaks b WHERE ${where.sql} AND b.triage_state IN (${states})
       ) WHERE ? OR NOT (s IS triage_state AND a IS assignee AND c IS class_override)`,
    )
    .run(...afterParams, ...where.params, ...allowedFrom, withNote ? 1 : 0).changes;
  return { total, staged };
}

/**
 * Writes the staged changes: one event per break, then the breaks themselves. `action` null names
 * each event by what it did to that break: 'state' when the state moved, else 'update'.
 */
export function applyStaged(
  db: Db,
  event: { actionId: number; actor: string; tsMs: number; action: string | null; note: string | null; reason: string | null; columns: (keyof SetFields)[] },
): void {
  db.prepare(
    `INSERT INTO triage_events (break_id, action_id, actor, ts, action, from_state, to_state, note, payload_json)
     SELECT id, ?, ?, ?, COALESCE(?, CASE WHEN b_state IS NOT a_state THEN 'state' ELSE 'update' END), b_state, a_state, ?,
       CASE WHEN ? IS NULL THEN json_object('before', json(${SNAPSHOT('b')}), 'after', json(${SNAPSHOT('a')}))
            ELSE json_object('before', json(${SNAPSHOT('b')}), 'after', json(${SNAPSHOT('a')}), 'reason', ?) END
     FROM triage_stage ORDER BY id`,
  ).run(event.actionId, event.actor, event.tsMs, event.action, event.note, event.reason, event.reason);
  // Only the columns the change touches are SET: SQLite rewrites every index holding a SET column,
  // even when the value stays the same (class_override alone feeds three indexes).
  const columns = event.columns.map((key) => COLUMN_OF[key]);
  if (columns.length === 0) return;
  db.prepare(
    `UPDATE breaks SET ${columns.map(([column, staged]) => `${column} = s.${staged}`).join(', ')}, updated_at = ?
     FROM triage_stage s WHERE breaks.id = s.id`,
  ).run(event.tsMs);
}

const COLUMN_OF: Record<keyof SetFields, [string, string]> = {
  state: ['triage_state', 'a_state'],
  assignee: ['assignee', 'a_assignee'],
  classOverride: ['class_override', 'a_class'],
};

/**
 * Stages the undo of an action: each break it changed goes back to its "before", but only when it
 * is still exactly as the action left it (anything changed since keeps its newer state).
 */
export function stageUndo(db: Db, actionId: number): { events: number; staged: number } {
  stage(db, 'triage_stage');
  const events = db.prepare('SELECT COUNT(*) FROM triage_events WHERE action_id = ?').pluck().get(actionId) as number;
  const staged = db
    .prepare(
      `INSERT INTO triage_stage (id, b_state, b_assignee, b_class, a_state, a_assignee, a_class)
       SELECT e.break_id, b.triage_state, b.assignee, b.class_override,
              json_extract(e.payload_json, '$.before.state'), json_extract(e.payload_json, '$.before.assignee'),
              json_extract(e.payload_json, '$.before.classOverride')
       FROM triage_events e JOIN breaks b ON b.id = e.break_id
       WHERE e.action_id = ?
         AND b.triage_state IS json_extract(e.payload_json, '$.after.state')
         AND b.assignee IS json_extract(e.payload_json, '$.after.assignee')
         AND b.class_override IS json_extract(e.payload_json, '$.after.classOverride')`,
    )
    .run(actionId).changes;
  return { events, staged };
}

export function stagedIds(db: Db): number[] {
  return db.prepare('SELECT id FROM triage_stage ORDER BY id').pluck().all() as number[];
}
