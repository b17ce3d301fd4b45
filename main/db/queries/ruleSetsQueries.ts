import type { StoredRuleSet } from '../../../preload/contract';
import type { Db } from '../openWorkspace';

interface RuleSetRow {
  id: number;
  name: string;
  version: number;
  body_json: string;
  created_at: number;
  last_run_id: number | null;
}

/** Every stored rule set, newest first, with the newest run that used each. */
export function listRuleSets(db: Db): StoredRuleSet[] {
  const rows = db
    .prepare(
      `SELECT rule_sets.*, (SELECT MAX(runs.id) FROM runs WHERE runs.rule_set_id = rule_sets.id) AS last_run_id
       FROM rule_sets ORDER BY rule_sets.id DESC`,
    )
    .all() as RuleSetRow[];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    version: row.version,
    rules: JSON.parse(row.body_json) as unknown,
    createdAtMs: row.created_at,
    lastRunId: row.last_run_id,
  }));
}

/** The latest complete run of exactly this left and right source, and its rule set. */
export function latestCompleteRunOfPair(db: Db, leftSourceId: number, rightSourceId: number): { runId: number; ruleSetId: number } | null {
  const row = db
    .prepare(
      `SELECT id AS runId, rule_set_id AS ruleSetId FROM runs
       WHERE left_source_id = ? AND right_source_id = ? AND status = 'complete' ORDER BY id DESC LIMIT 1`,
    )
    .get(leftSourceId, rightSourceId) as { runId: number; ruleSetId: number } | undefined;
  return row ?? null;
}
