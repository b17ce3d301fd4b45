import type { RunStatus, RunSummary } from '../../../preload/contract';
import type { Db } from '../openWorkspace';

interface RunRow {
  id: number;
  left_source_id: number;
  right_source_id: number;
  rule_set_name: string;
  status: RunStatus;
  fingerprint: string | null;
  counts_json: string;
  started_at: number;
  finished_at: number | null;
}

export function listRuns(db: Db): RunSummary[] {
  const rows = db
    .prepare(
      `SELECT runs.*, rule_sets.name AS rule_set_name FROM runs
       JOIN rule_sets ON rule_sets.id = runs.rule_set_id ORDER BY runs.id DESC`,
    )
    .all() as RunRow[];
  return rows.map((row) => ({
    id: row.id,
    leftSourceId: row.left_source_id,
    rightSourceId: row.right_source_id,
    ruleSetName: row.rule_set_name,
    status: row.status,
    fingerprint: row.fingerprint,
    counts: JSON.parse(row.counts_json) as Record<string, number>,
    startedAtMs: row.started_at,
    finishedAtMs: row.finished_at,
  }));
}
