import type { BlastRadius, BreakClass, BreakFilter, BreakRow, BreakSort, TriageState } from '../../../preload/contract';
import type { Db } from '../openWorkspace';
import { amountSql } from './amountFilterSql';
import { breakOrderBy, breakWhere, ftsQuery, type TextMode } from './breakFilterSql';
import { summaryOf } from './explanationJson';

export interface BreakDbRow {
  id: number;
  run_id: number;
  class: BreakClass;
  effective_class: BreakClass;
  class_override: BreakClass | null;
  left_ids: string;
  right_ids: string;
  amount_minor: number;
  currency: string | null;
  account: string | null;
  customer: string | null;
  ts_ms: number | null;
  blast_radius: BlastRadius;
  explanation_json: string;
  triage_state: TriageState;
  assignee: string | null;
  updated_at: number | null;
}

const COLUMNS = `b.id, b.run_id, b.class, b.effective_class, b.class_override, b.left_ids, b.right_ids, b.amount_minor,
  b.currency, b.account, b.customer, b.ts_ms, b.blast_radius, b.explanation_json, b.triage_state, b.assignee, b.updated_at`;

/** Record ids stored as "1;2;3". */
export function parseIds(joined: string): number[] {
  if (!joined) return [];
  return joined
    .split(';')
    .map((part) => Number(part))
    .filter((n) => Number.isSafeInteger(n));
}

export function toBreakRow(row: BreakDbRow): BreakRow {
  return {
    id: row.id,
    runId: row.run_id,
    breakClass: row.effective_class,
    engineClass: row.class,
    classOverridden: row.class_override !== null,
    amountMinor: row.amount_minor,
    currency: row.currency,
    account: row.account,
    customer: row.customer,
    tsMs: row.ts_ms,
    blastRadius: row.blast_radius,
    triageState: row.triage_state,
    assignee: row.assignee,
    summary: summaryOf(row.explanation_json, row.effective_class),
    leftCount: parseIds(row.left_ids).length,
    rightCount: parseIds(row.right_ids).length,
    updatedAtMs: row.updated_at,
  };
}

/** A filter matching at most this many breaks is "selective": sorting its rows beats walking the sort index. */
const SELECTIVE_ROWS = 5_000;

function boundedCount(db: Db, sql: string, params: (string | number)[]): number {
  return db.prepare(`SELECT COUNT(*) FROM (${sql} LIMIT ${SELECTIVE_ROWS + 1})`).pluck().get(...params) as number;
}

/** One bounded count per filter column that has an index, so selectivity is measured, not guessed. */
interface Probe {
  /** The index that answers this filter alone. */
  index: string;
  sql: string;
  params: (string | number)[];
}

function indexedProbes(filter: BreakFilter, sort: BreakSort): Probe[] {
  const run = filter.runId;
  const probes: Probe[] = [];
  const inList = (values: readonly string[]) => values.map(() => '?').join(', ');
  if (filter.account) probes.push({ index: 'breaks_by_run_account', sql: 'SELECT 1 FROM breaks WHERE run_id = ? AND account = ?', params: [run, filter.account] });
  if (filter.customer) probes.push({ index: 'breaks_by_run_customer', sql: 'SELECT 1 FROM breaks WHERE run_id = ? AND customer = ?', params: [run, filter.customer] });
  if (filter.assignee) probes.push({ index: 'breaks_by_run_assignee', sql: 'SELECT 1 FROM breaks WHERE run_id = ? AND assignee = ?', params: [run, filter.assignee] });
  if (filter.classes?.length) {
    probes.push({ index: 'breaks_by_run_effective_class', sql: `SELECT 1 FROM breaks WHERE run_id = ? AND effective_class IN (${inList(filter.classes)})`, params: [run, ...filter.classes] });
  }
  if (filter.states?.length) {
    probes.push({ index: 'breaks_by_run_state', sql: `SELECT 1 FROM breaks WHERE run_id = ? AND triage_state IN (${inList(filter.states)})`, params: [run, ...filter.states] });
  }
  const amount = amountSql(filter);
  if (sort.key !== 'amount' && (amount.minMinor !== undefined || amount.maxMinor !== undefined)) {
    probes.push({
      index: 'breaks_by_run_amount',
      sql: 'SELECT 1 FROM breaks WHERE run_id = ? AND amount_minor BETWEEN ? AND ?',
      params: [run, amount.minMinor ?? -Number.MAX_SAFE_INTEGER, amount.maxMinor ?? Number.MAX_SAFE_INTEGER],
    });
  }
  if (sort.key !== 'ts' && (filter.fromMs !== undefined || filter.toMs !== undefined)) {
    probes.push({
      index: 'breaks_by_run_ts',
      sql: 'SELECT 1 FROM breaks WHERE run_id = ? AND ts_ms >= ? AND ts_ms < ?',
      params: [run, filter.fromMs ?? -Number.MAX_SAFE_INTEGER, filter.toMs ?? Number.MAX_SAFE_INTEGER],
    });
  }
  return probes;
}

export interface PagePlan {
  /** False: do not walk the sort order's index (the filter is selective; sort its few rows). */
  walkSortIndex: boolean;
  textMode: TextMode;
  /** The selective text query's hits, looked up by id. */
  textIds?: number[];
  /** The index of the most selective filter, named to SQLite (see planPage). */
  driveIndex?: string;
}

/**
 * Without statistics SQLite prefers walking the sort order's index and filtering as it goes, which
 * is fast when many rows match and a full scan when few do; and it likes covering indexes (the
 * dashboard's rollup covers most page queries) even when they mean reading the whole run. So the
 * plan is measured with bounded probes (each reads at most SELECTIVE_ROWS index entries): the most
 * selective indexed filter, when one is selective, drives the query through its own index
 * (INDEXED BY) and its few rows are sorted. Selective text hits are looked up by id.
 */
export function planPage(db: Db, filter: BreakFilter, sort: BreakSort): PagePlan {
  const mostSelective = (): Probe | null => {
    let best: { probe: Probe; n: number } | null = null;
    for (const probe of indexedProbes(filter, sort)) {
      const n = boundedCount(db, probe.sql, probe.params);
      if (n <= SELECTIVE_ROWS && (!best || n < best.n)) best = { probe, n };
    }
    return best?.probe ?? null;
  };
  const match = filter.text ? ftsQuery(filter.text) : null;
  if (match) {
    const hits = db.prepare(`SELECT rowid FROM breaks_fts WHERE breaks_fts MATCH ? LIMIT ${SELECTIVE_ROWS + 1}`).pluck().all(match) as number[];
    if (hits.length <= SELECTIVE_ROWS) return { walkSortIndex: false, textMode: 'match', textIds: hits };
    const drive = mostSelective();
    return drive ? { walkSortIndex: false, textMode: 'scan', driveIndex: drive.index } : { walkSortIndex: true, textMode: 'scan' };
  }
  const drive = mostSelective();
  return drive ? { walkSortIndex: false, textMode: 'match', driveIndex: drive.index } : { walkSortIndex: true, textMode: 'match' };
}

/**
 * One page. The inner query walks only an index (the filter's columns, the sort and the rowid) to
 * find the page's ids; only those rows are then read in full, so a deep OFFSET skips index
 * entries, not table rows.
 */
export function queryBreakPage(db: Db, filter: BreakFilter, sort: BreakSort, offset: number, limit: number): BreakRow[] {
  const plan = planPage(db, filter, sort);
  const run = (driveIndex: string | undefined) => {
    const where = breakWhere(filter, plan.textMode, plan.textIds);
    const sql = `SELECT ${COLUMNS} FROM breaks b
      WHERE b.id IN (SELECT b.id FROM breaks b ${driveIndex ? `INDEXED BY ${driveIndex}` : ''} WHERE ${where.sql}
                     ORDER BY ${breakOrderBy(sort, plan.walkSortIndex)} LIMIT ? OFFSET ?)
      ORDER BY ${breakOrderBy(sort)}`;
    return (db.prepare(sql).all(...where.params, limit, offset) as BreakDbRow[]).map(toBreakRow);
  };
  try {
    return run(plan.driveIndex);
  } catch (error) {
    // A bulk writer may have dropped the analyst indexes for a moment (withBreakIndexesDeferred).
    if (plan.driveIndex && error instanceof Error && /no such index/.test(error.message)) return run(undefined);
    throw error;
  }
}

/** Counts at most `cap` matches, so a count is never slower than walking `cap` index entries. */
export function countBreaks(db: Db, filter: BreakFilter, cap: number): { count: number; capped: boolean } {
  const textIds = filter.text ? planPage(db, filter, { key: 'id', direction: 'asc' }).textIds : undefined;
  const where = breakWhere(filter, 'match', textIds);
  const row = db
    .prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM breaks b WHERE ${where.sql} LIMIT ?)`)
    .get(...where.params, cap + 1) as { n: number };
  return row.n > cap ? { count: cap, capped: true } : { count: row.n, capped: false };
}

export function getBreakDbRow(db: Db, id: number): BreakDbRow | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM breaks b WHERE b.id = ?`).get(id) as BreakDbRow | undefined) ?? null;
}

/** Every break matching the filter, in order, without holding them all in memory. */
export function iterateBreaks(db: Db, filter: BreakFilter, sort: BreakSort): IterableIterator<BreakDbRow> {
  const where = breakWhere(filter);
  return db
    .prepare(`SELECT ${COLUMNS} FROM breaks b WHERE ${where.sql} ORDER BY ${breakOrderBy(sort)}`)
    .iterate(...where.params) as IterableIterator<BreakDbRow>;
}

/** Ids of every break matching the filter (bulk triage on a whole filter). */
export function breakIdsForFilter(db: Db, filter: BreakFilter): number[] {
  const where = breakWhere(filter);
  return (db.prepare(`SELECT b.id FROM breaks b WHERE ${where.sql} ORDER BY b.id`).pluck().all(...where.params) as number[]);
}
