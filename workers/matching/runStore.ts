import type Database from 'better-sqlite3';
import { appendAudit } from '../../main/audit/auditLog';
import { stableJson } from './fingerprint';
import { getSourceRow, type SourceRow } from './loadInput';
import { loadSourceInput } from './sourceSnapshot';
import { insertBreaks, insertMatches, readMatchList, storeMatchList } from './persistRun';
import type { EngineInput } from './engineInput';
import { ENGINE_VERSION, reconcile, ReconcileCancelledError, type EngineHooks, type MatchTable } from './reconcile';
import { parseRuleSet, ruleSetForKinds, type RuleSet } from './ruleSet';
import { runOwner } from './runOwner';

type Db = Database.Database;

export interface RunRequest {
  leftSourceId: number;
  rightSourceId: number;
  /** Rule set JSON (validated); omitted → the default for the two source kinds. */
  rules?: unknown;
  actor: string;
}

export interface RunImpact {
  previousRunId: number;
  matchesGained: number;
  matchesLost: number;
  /** Current matches that share a record with a lost match (the same record, regrouped). */
  matchesChanged: number;
  /** Break count per class, this run minus the previous one. */
  breaksDelta: Record<string, number>;
}

export interface RunOutcome {
  runId: number;
  ruleSetId: number;
  fingerprint: string;
  counts: Record<string, number>;
  amountAtRiskMinor: Record<string, number>;
  ambiguous: number;
  durationMs: number;
  impact: RunImpact | null;
}

export class RunInputError extends Error {
  readonly code = 'BAD_REQUEST';
}

/**
 * Stores the rule set, reusing a stored version of that name with an identical body (going back to the
 * defaults after an edited run reuses @1, not a new @3 equal to it), else adding version max + 1.
 */
export function saveRuleSet(db: Db, rules: RuleSet, nowMs: number): number {
  const body = stableJson(rules);
  const same = db.prepare('SELECT id FROM rule_sets WHERE name = ? AND body_json = ? ORDER BY version DESC LIMIT 1').pluck().get(rules.name, body) as number | undefined;
  if (same !== undefined) return same;
  const latest = db.prepare('SELECT MAX(version) FROM rule_sets WHERE name = ?').pluck().get(rules.name) as number | null;
  const version = Math.max(rules.version, (latest ?? 0) + 1);
  return Number(db.prepare('INSERT INTO rule_sets (name, version, body_json, created_at) VALUES (?, ?, ?, ?)').run(rules.name, version, body, nowMs).lastInsertRowid);
}

function requireSource(db: Db, id: number, side: string): SourceRow {
  const source = getSourceRow(db, id);
  if (!source) throw new RunInputError(`${side} source ${id} does not exist`);
  if (source.status !== 'complete') throw new RunInputError(`${side} source ${id} is ${source.status}, not complete`);
  return source;
}

/**
 * One audited reconciliation run: load both sources, reconcile, and persist matches, breaks, final
 * counts and the `run.completed` audit entry in one transaction. `started` is when the caller began
 * the run (its duration includes any snapshotting done before); `loaded` holds sources it already read. A failure or cancellation marks the
 * run failed / cancelled (also audited) and rethrows.
 */
export function runReconciliation(
  db: Db, request: RunRequest, hooks: EngineHooks = {}, started = performance.now(), loaded: ReadonlyMap<number, EngineInput> = new Map(),
): RunOutcome {
  const startedAt = Date.now();
  const left = requireSource(db, request.leftSourceId, 'left');
  const right = requireSource(db, request.rightSourceId, 'right');
  const rules = request.rules === undefined ? ruleSetForKinds(left.kind, right.kind) : parseRuleSet(request.rules);
  for (const [side, source, kind] of [['left', left, rules.leftKind], ['right', right, rules.rightKind]] as const) {
    if (kind !== undefined && kind !== source.kind) {
      throw new RunInputError(`rule set "${rules.name}" is for ${rules.leftKind ?? 'any'} ↔ ${rules.rightKind ?? 'any'} sources, but the ${side} source #${source.id} "${source.name}" is a ${source.kind} source`);
    }
  }
  if (left.id === right.id) throw new RunInputError(`left and right are the same source (#${left.id} "${left.name}"); a run reconciles two different sources`);
  const { runId, ruleSetId, previousRunId } = db.transaction(() => {
    const ruleSetId = saveRuleSet(db, rules, startedAt);
    const previous = db
      .prepare(`SELECT id FROM runs WHERE left_source_id = ? AND right_source_id = ? AND status = 'complete' ORDER BY id DESC LIMIT 1`)
      .get(left.id, right.id) as { id: number } | undefined;
    const runId = Number(db.prepare(
      `INSERT INTO runs (rule_set_id, left_source_id, right_source_id, previous_run_id, status, engine_version, started_at, owner)
       VALUES (?, ?, ?, ?, 'running', ?, ?, ?)`,
    ).run(ruleSetId, left.id, right.id, previous?.id ?? null, ENGINE_VERSION, startedAt, runOwner()).lastInsertRowid);
    return { runId, ruleSetId, previousRunId: previous?.id ?? null };
  }).immediate();
  try {
    hooks.onProgress?.(0, null, 'load');
    const input = (source: SourceRow) => loaded.get(source.id) ?? loadSourceInput(db, source);
    const result = reconcile(input(left), input(right), rules, hooks);
    if (hooks.isCancelled?.()) throw new ReconcileCancelledError();
    const impact = previousRunId === null ? null : computeImpact(db, previousRunId, result.matches, result.counts);
    hooks.onProgress?.(0, result.matches.count, 'persist');
    const durationMs = Math.round(performance.now() - started);
    const summary = {
      amountAtRiskMinor: result.amountAtRiskMinor, ambiguous: result.ambiguous, impact, durationMs,
      inputDigests: result.inputDigests, ruleSet: result.ruleSet, engineVersion: result.engineVersion,
    };
    db.transaction(() => {
      insertMatches(db, runId, result.matches, (done) => hooks.onProgress?.(done, result.matches.count, 'persist'));
      storeMatchList(db, runId, result.matches);
      insertBreaks(db, runId, result.breaks);
      db.prepare(`UPDATE runs SET status = 'complete', fingerprint = ?, counts_json = ?, summary_json = ?, finished_at = ? WHERE id = ?`)
        .run(result.fingerprint, JSON.stringify(result.counts), JSON.stringify(summary), Date.now(), runId);
      appendAudit(db, {
        actor: request.actor,
        kind: 'run.completed',
        data: {
          runId, ruleSetId, ruleSet: `${rules.name}@${rules.version}`, leftSourceId: left.id, rightSourceId: right.id,
          fingerprint: result.fingerprint, counts: result.counts, amountAtRiskMinor: result.amountAtRiskMinor,
        },
      });
    }).immediate();
    return {
      runId, ruleSetId, fingerprint: result.fingerprint, counts: result.counts, amountAtRiskMinor: result.amountAtRiskMinor,
      ambiguous: result.ambiguous, durationMs: Math.round(performance.now() - started), impact,
    };
  } catch (error) {
    const status = error instanceof ReconcileCancelledError ? 'cancelled' : 'failed';
    db.transaction(() => {
      db.prepare('UPDATE runs SET status = ?, finished_at = ? WHERE id = ?').run(status, Date.now(), runId);
      appendAudit(db, { actor: request.actor, kind: `run.${status}`, data: { runId, reason: (error as Error).message } });
    }).immediate();
    throw error;
  }
}

/** previous left id → right id for 1:1 matches; dense when the ids are compact (they are per source). */
class PairLookup {
  private readonly base: number;
  private readonly dense: Float64Array | null;
  private readonly map: Map<number, number> | null;
  readonly size: number;
  constructor(lefts: Float64Array, rights: Float64Array) {
    let min = Infinity;
    let max = -Infinity;
    for (const l of lefts) {
      if (l < min) min = l;
      if (l > max) max = l;
    }
    this.size = lefts.length;
    this.base = min;
    if (lefts.length > 0 && max - min < Math.max(1 << 20, lefts.length * 4)) {
      this.dense = new Float64Array(max - min + 1).fill(NaN);
      for (let i = 0; i < lefts.length; i += 1) this.dense[lefts[i]! - min] = rights[i]!;
      this.map = null;
    } else {
      this.dense = null;
      this.map = new Map();
      for (let i = 0; i < lefts.length; i += 1) this.map.set(lefts[i]!, rights[i]!);
    }
  }

  get(left: number): number {
    if (this.dense) {
      const k = left - this.base;
      return k >= 0 && k < this.dense.length ? this.dense[k]! : NaN;
    }
    return this.map!.get(left) ?? NaN;
  }

  has(left: number): boolean {
    return this.get(left) === this.get(left);
  }
}

/**
 * Matches gained / lost / changed against the previous run of the same source pair, in one scan of its
 * matches: 1:1 matches (the bulk) compare through a dense lookup; groups compare as their id-list text.
 */
function computeImpact(db: Db, previousRunId: number, table: MatchTable, counts: Record<string, number>): RunImpact {
  // The previous run's matches: 1:1 pairs go to typed arrays, groups to a map of their id-list text.
  // From its stored match list when it has one (a few BLOBs), else in one scan of its `matches` rows.
  let pl: Float64Array;
  let pr: Float64Array;
  let n = 0;
  const previousGroups = new Map<string, string>();
  const list = readMatchList(db, previousRunId);
  if (list) {
    pl = new Float64Array(list.count);
    pr = new Float64Array(list.count);
    for (let i = 0; i < list.count; i += 1) {
      const lFrom = list.leftOffsets[i]!;
      const lTo = list.leftOffsets[i + 1]!;
      const rFrom = list.rightOffsets[i]!;
      const rTo = list.rightOffsets[i + 1]!;
      if (lTo - lFrom === 1 && rTo - rFrom === 1) {
        pl[n] = list.leftIds[lFrom]!;
        pr[n] = list.rightIds[rFrom]!;
        n += 1;
      } else {
        const l = Array.from(list.leftIds.subarray(lFrom, lTo)).join(';');
        previousGroups.set(`${l}|${Array.from(list.rightIds.subarray(rFrom, rTo)).join(';')}`, l);
      }
    }
  } else {
    const capacity = db.prepare('SELECT COUNT(*) FROM matches WHERE run_id = ?').pluck().get(previousRunId) as number;
    pl = new Float64Array(capacity);
    pr = new Float64Array(capacity);
    for (const [l, r] of db.prepare('SELECT left_ids, right_ids FROM matches WHERE run_id = ?').raw(true).iterate(previousRunId) as IterableIterator<[string, string]>) {
      if (n < capacity && l !== '' && r !== '' && l.indexOf(';') === -1 && r.indexOf(';') === -1) {
        pl[n] = Number(l);
        pr[n] = Number(r);
        n += 1;
      } else {
        previousGroups.set(`${l}|${r}`, l);
      }
    }
  }
  const previousPairs = new PairLookup(pl.subarray(0, n), pr.subarray(0, n));
  const previousCount = previousPairs.size + previousGroups.size;
  const previousGroupLeft = new Set<number>();
  for (const l of previousGroups.values()) for (const id of l.split(';')) if (id) previousGroupLeft.add(Number(id));
  // Changed: a gained match that takes a left record the previous run had matched differently.
  const previouslyMatched = (id: number) => previousPairs.has(id) || previousGroupLeft.has(id);
  let kept = 0;
  let gained = 0;
  let changed = 0;
  for (let i = 0; i < table.count; i += 1) {
    const lFrom = table.leftOffsets[i]!;
    const lTo = table.leftOffsets[i + 1]!;
    const rFrom = table.rightOffsets[i]!;
    const rTo = table.rightOffsets[i + 1]!;
    let same: boolean;
    if (lTo - lFrom === 1 && rTo - rFrom === 1) {
      same = previousPairs.get(table.leftIds[lFrom]!) === table.rightIds[rFrom];
    } else {
      const signature = `${Array.from(table.leftIds.subarray(lFrom, lTo)).join(';')}|${Array.from(table.rightIds.subarray(rFrom, rTo)).join(';')}`;
      same = previousGroups.has(signature);
    }
    if (same) {
      kept += 1;
      continue;
    }
    gained += 1;
    for (let k = lFrom; k < lTo; k += 1) {
      if (previouslyMatched(table.leftIds[k]!)) {
        changed += 1;
        break;
      }
    }
  }
  const lost = previousCount - kept;
  const prevCounts = JSON.parse((db.prepare('SELECT counts_json FROM runs WHERE id = ?').get(previousRunId) as { counts_json: string }).counts_json) as Record<string, number>;
  const breaksDelta: Record<string, number> = {};
  for (const key of ['missing_left', 'missing_right', 'duplicate', 'delay', 'out_of_order', 'amount_mismatch', 'currency_mismatch', 'status_mismatch']) {
    breaksDelta[key] = (counts[key] ?? 0) - (prevCounts[key] ?? 0);
  }
  return { previousRunId, matchesGained: gained, matchesLost: lost, matchesChanged: changed, breaksDelta };
}
