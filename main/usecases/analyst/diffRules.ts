import { parseRuleSet, type RuleSet } from '../../../workers/matching/ruleSet';
import { STATUS_CLASS_NAMES, statusClassifier } from '../../../workers/matching/statusClass';
import type { Db } from '../../db/openWorkspace';

/** What a diff needs from the run's rules to tell a real difference from a tolerated one. */
export interface DiffRules {
  /** The status's class name (ok, failed, pending, other) under the run's rules. */
  statusClass: (status: string) => string;
  /** right − left time window of the pass that judged the records, when known. */
  window: { minDeltaMs: number; maxDeltaMs: number } | null;
}

function ruleSetOf(db: Db, runId: number): RuleSet | null {
  const body = db.prepare('SELECT s.body_json FROM runs r JOIN rule_sets s ON s.id = r.rule_set_id WHERE r.id = ?').pluck().get(runId) as string | undefined;
  try {
    return body === undefined ? null : parseRuleSet(body);
  } catch {
    // A rule set this engine can no longer read: the diff still shows, only without tolerances.
    return null;
  }
}

/**
 * The run's status classes and the time window of the pass named `strategy` (a match's), else the
 * pass the engine measures leftovers against (tolerance, else exact key, else the first).
 */
export function diffRulesOf(db: Db, runId: number, strategy?: string): DiffRules {
  const rules = ruleSetOf(db, runId);
  const classify = statusClassifier(rules?.statusClasses);
  const passes = rules?.passes ?? [];
  const pass =
    passes.find((p) => p.strategy === strategy) ?? passes.find((p) => p.strategy === 'tolerance') ?? passes.find((p) => p.strategy === 'exact_key') ?? passes[0];
  return {
    statusClass: (status) => STATUS_CLASS_NAMES[classify(status)] ?? 'other',
    window: pass ? { minDeltaMs: pass.time.minDeltaMs, maxDeltaMs: pass.time.maxDeltaMs } : null,
  };
}
