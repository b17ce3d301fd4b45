import {
  BLAST_RADII,
  BREAK_CLASSES,
  TRIAGE_STATES,
  type BreakdownRow,
  type RequestOf,
  type ResultOf,
  type RunComparison,
  type RunDashboard,
  type SourceFrontier,
} from '../../../preload/contract';
import {
  breaksOverTime,
  classCounts,
  dashboardVersion,
  groupedBreaks,
  matchedRecordCounts,
  recordCount,
  runEnding,
  timeSpan,
  topBy,
  type GroupedBreaks,
} from '../../db/queries/dashboardQueries';
import { getSource } from '../../db/queries/sourcesQueries';
import type { Db } from '../../db/openWorkspace';
import type { UseCaseContext } from '../context';
import { requireRun } from './requireRun';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Folds grouped rows into one breakdown keyed by `pick`, money kept per currency. */
function breakdown<K extends string>(rows: GroupedBreaks[], keys: readonly K[], pick: (row: GroupedBreaks) => string): BreakdownRow<K>[] {
  return keys.map((key) => {
    const mine = rows.filter((row) => pick(row) === key);
    const money = new Map<string, number>();
    for (const row of mine) money.set(row.currency ?? '???', (money.get(row.currency ?? '???') ?? 0) + row.money);
    return {
      key,
      count: mine.reduce((a, row) => a + row.count, 0),
      money: [...money].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor })),
    };
  });
}

/** Records the run left out of matching, per side: excluded by status class, superseded (pending, then settled). */
function setAside(countsJson: string): RunDashboard['setAside'] {
  let counts: Record<string, unknown> = {};
  try {
    counts = JSON.parse(countsJson) as Record<string, unknown>;
  } catch {
    // An unreadable counts column shows as nothing set aside, as for a run that has not finished.
  }
  const n = (key: string) => (typeof counts[key] === 'number' ? (counts[key] as number) : 0);
  return {
    excludedLeft: n('excluded_left'), excludedRight: n('excluded_right'),
    supersededLeft: n('superseded_left'), supersededRight: n('superseded_right'),
  };
}

function frontiers(db: Db, leftId: number, rightId: number): SourceFrontier[] {
  const sides = [
    { id: leftId, side: 'left' as const },
    { id: rightId, side: 'right' as const },
  ];
  const sources = sides.map(({ id, side }) => ({ side, source: getSource(db, id) }));
  const newest = Math.max(...sources.map(({ source }) => source?.frontierMs ?? -Infinity));
  return sources.map(({ side, source }, i) => ({
    sourceId: source?.id ?? sides[i]!.id,
    name: source?.name ?? `source #${sides[i]!.id}`,
    kind: source?.kind ?? 'unknown',
    fileName: source?.fileName ?? '',
    side,
    frontierMs: source?.frontierMs ?? null,
    lagMs: source?.frontierMs != null && Number.isFinite(newest) ? newest - source.frontierMs : null,
    recordCount: recordCount(db, sides[i]!.id),
  }));
}

/** The engine's match impact from summary_json.impact (see workers/matching/runStore RunImpact), when whole. */
function matchImpact(summaryJson: string): RunComparison['matches'] {
  try {
    const impact = (JSON.parse(summaryJson) as { impact?: Record<string, unknown> | null }).impact;
    const count = (key: string) => (typeof impact?.[key] === 'number' ? (impact[key] as number) : null);
    const [gained, lost, changed] = [count('matchesGained'), count('matchesLost'), count('matchesChanged')];
    return gained === null || lost === null || changed === null ? null : { gained, lost, changed };
  } catch {
    // A summary the engine could not write as JSON shows no match impact; the class deltas still stand.
    return null;
  }
}

function comparison(db: Db, runId: number, previousRunId: number | null, summaryJson: string): RunComparison | null {
  if (previousRunId === null) return null;
  const current = classCounts(db, runId);
  const previous = classCounts(db, previousRunId);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return {
    previousRunId,
    classDelta: BREAK_CLASSES.map((key) => ({ key, current: current.get(key) ?? 0, previous: previous.get(key) ?? 0 })),
    breaksCurrent: sum(current),
    breaksPrevious: sum(previous),
    matches: matchImpact(summaryJson),
  };
}

interface RunInfo {
  status: string;
  rule_set_id: number;
  rule_set_name: string;
  rule_set_version: number;
  started_at: number;
  finished_at: number | null;
  fingerprint: string | null;
  summary_json: string;
  counts_json: string;
}

/**
 * The dashboard from the database, in one read transaction. At a million matches or breaks this takes
 * a few hundred ms, so the app runs it on the engine's connection (engineApi.buildRunDashboard).
 */
export function buildRunDashboard(db: Db, runId: number, bucketChoice: 'hour' | 'day' | 'auto' = 'auto', topN = 10): RunDashboard {
  return db.transaction(() => build(db, runId, bucketChoice, topN))();
}

function build(db: Db, runId: number, bucketChoice: 'hour' | 'day' | 'auto', topN: number): RunDashboard {
  const run = requireRun(db, runId);
  const info = db
    .prepare(
      `SELECT runs.status, runs.rule_set_id, rule_sets.name AS rule_set_name, rule_sets.version AS rule_set_version, started_at, finished_at, fingerprint, summary_json, counts_json
       FROM runs JOIN rule_sets ON rule_sets.id = runs.rule_set_id WHERE runs.id = ?`,
    )
    .get(runId) as RunInfo;
  const grouped = groupedBreaks(db, runId);
  const span = timeSpan(db, runId);
  const spanMs = span.min !== null && span.max !== null ? span.max - span.min : 0;
  // Hours over more than a year would be 9,000+ bars and as many range counts: days then.
  const bucket = bucketChoice === 'day' || spanMs > 366 * DAY || (bucketChoice === 'auto' && spanMs > 3 * DAY) ? 'day' : 'hour';
  const overTime = breaksOverTime(db, runId, bucket === 'day' ? DAY : HOUR, span);
  const sources = frontiers(db, run.left_source_id, run.right_source_id);
  const matched = matchedRecordCounts(db, runId);
  const leftRecords = sources[0]!.recordCount;
  const rightRecords = sources[1]!.recordCount;
  const total = leftRecords + rightRecords;
  return {
    runId,
    status: info.status,
    ruleSetId: info.rule_set_id,
    ruleSetName: info.rule_set_name,
    ruleSetVersion: info.rule_set_version,
    leftSourceId: run.left_source_id,
    rightSourceId: run.right_source_id,
    startedAtMs: info.started_at,
    finishedAtMs: info.finished_at,
    fingerprint: info.fingerprint,
    leftRecords,
    rightRecords,
    leftMatched: matched.left,
    rightMatched: matched.right,
    matchedPercent: total ? Math.round(((matched.left + matched.right) / total) * 10_000) / 100 : null,
    setAside: setAside(info.counts_json),
    matchCount: matched.matches,
    manualMatchCount: matched.manual,
    breakCount: grouped.reduce((a, row) => a + row.count, 0),
    byClass: breakdown(grouped, BREAK_CLASSES, (row) => row.breakClass),
    byBlastRadius: breakdown(grouped, BLAST_RADII, (row) => row.blastRadius),
    byState: breakdown(grouped, TRIAGE_STATES, (row) => row.state),
    bucket,
    overTime: overTime.buckets,
    breaksWithoutTime: overTime.withoutTime,
    topAccounts: topBy(db, runId, 'account', topN),
    topCustomers: topBy(db, runId, 'customer', topN),
    sources,
    comparison: info.status === 'complete' ? comparison(db, runId, run.previous_run_id, info.summary_json) : null,
    ending: info.status === 'cancelled' || info.status === 'failed' ? runEnding(db, runId) : null,
  };
}

// At a million breaks or matches the aggregates take a few hundred ms: they are built on the engine
// thread, so main's event loop stays free, and only when the run, its matches or any triage changed
// (the version, cheap enough for main) since the last answer, which is kept per run.
const cache = new WeakMap<Db, Map<string, { version: string; value: RunDashboard }>>();

export async function getRunDashboard(ctx: UseCaseContext, request: RequestOf<'runs:get-dashboard'>): Promise<ResultOf<'runs:get-dashboard'>> {
  const bucket = request.bucket ?? 'auto';
  const topN = request.topN ?? 10;
  const key = `${request.runId}|${bucket}|${topN}`;
  requireRun(ctx.db, request.runId);
  const version = dashboardVersion(ctx.db, request.runId);
  let perDb = cache.get(ctx.db);
  if (!perDb) cache.set(ctx.db, (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit && hit.version === version) return hit.value;
  const value = await ctx.engine.call((api) => api.buildRunDashboard(ctx.storeDir, request.runId, bucket, topN));
  perDb.set(key, { version, value });
  return value;
}
