import type { Db } from '../../main/db/openWorkspace';

/**
 * SQL fixtures for the analyst views: a rule set, a left (ledger) and right (processor) source
 * with records, a run, matches and breaks, written straight into the schema the engine fills.
 */
export interface SeededRun {
  runId: number;
  leftSourceId: number;
  rightSourceId: number;
  /** Record ids by external id, e.g. records['L1']. */
  records: Record<string, number>;
  breakIds: number[];
  matchIds: number[];
}

const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);
export const HOUR_MS = 3_600_000;
export const FIXTURE_T0 = T0;

function insertSource(db: Db, name: string, kind: 'ledger' | 'processor', frontierMs: number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO sources (name, kind, format, file_name, sha256, byte_size, status, rows_total, rows_imported, frontier_ms, created_at)
         VALUES (?, ?, 'csv', ?, 'ab', 100, 'complete', 0, 0, ?, ?)`,
      )
      .run(name, kind, `${name}.csv`, frontierMs, T0).lastInsertRowid,
  );
}

function insertRecord(db: Db, sourceId: number, line: number, r: { ext: string; account: string; customer: string; amount: number; currency?: string; ts: number; status?: string }): number {
  return Number(
    db
      .prepare(
        `INSERT INTO records (source_id, line, external_id, reference, account, customer, amount_minor, currency, ts_ms, status, raw)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(sourceId, line, r.ext, `ref-${r.ext}`, r.account, r.customer, r.amount, r.currency ?? 'USD', r.ts, r.status ?? 'posted', `${r.ext},${r.account},${r.amount}`)
      .lastInsertRowid,
  );
}

export function insertRuleSet(db: Db): number {
  const existing = db.prepare("SELECT id FROM rule_sets WHERE name = 'fixture'").pluck().get() as number | undefined;
  if (existing) return existing;
  return Number(db.prepare("INSERT INTO rule_sets (name, version, body_json, created_at) VALUES ('fixture', 1, '{}', 0)").run().lastInsertRowid);
}

export function insertRun(db: Db, leftSourceId: number, rightSourceId: number, previousRunId: number | null = null, status = 'complete'): number {
  const ruleSetId = insertRuleSet(db);
  return Number(
    db
      .prepare(
        `INSERT INTO runs (rule_set_id, left_source_id, right_source_id, previous_run_id, status, engine_version, fingerprint, summary_json, started_at, finished_at)
         VALUES (?, ?, ?, ?, ?, 'test', 'f00d', '{"impact":{"newBreaks":3}}', ?, ?)`,
      )
      .run(ruleSetId, leftSourceId, rightSourceId, previousRunId, status, T0, T0 + 1000).lastInsertRowid,
  );
}

export interface BreakSpec {
  cls: string;
  left?: number[];
  right?: number[];
  amount: number;
  currency?: string;
  account?: string | null;
  customer?: string | null;
  ts?: number | null;
  radius?: 'low' | 'medium' | 'high';
  explanation?: Record<string, unknown>;
}

export function insertBreak(db: Db, runId: number, b: BreakSpec): number {
  return Number(
    db
      .prepare(
        `INSERT INTO breaks (run_id, class, left_ids, right_ids, amount_minor, currency, account, customer, ts_ms, blast_radius, explanation_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        runId,
        b.cls,
        (b.left ?? []).join(';'),
        (b.right ?? []).join(';'),
        b.amount,
        b.currency ?? 'USD',
        b.account === undefined ? 'acct_1' : b.account,
        b.customer === undefined ? 'cus_1' : b.customer,
        b.ts === undefined ? T0 : b.ts,
        b.radius ?? 'low',
        JSON.stringify(b.explanation ?? {}),
      ).lastInsertRowid,
  );
}

/**
 * A small run: L1↔P1 matched, L2↔P2 amount mismatch, L3 missing on the right (P3 the nearest
 * candidate, outside the window), P4 missing on the left, L5 duplicated by L6, plus a delay.
 */
export function seedSmallRun(db: Db): SeededRun {
  return db.transaction(() => {
    const left = insertSource(db, 'ledger', 'ledger', T0 + 10 * HOUR_MS);
    const right = insertSource(db, 'processor', 'processor', T0 + 7 * HOUR_MS);
    const records: Record<string, number> = {};
    const L = (ext: string, line: number, amount: number, hour: number, account = 'acct_1', customer = 'cus_1') =>
      (records[ext] = insertRecord(db, left, line, { ext, account, customer, amount, ts: T0 + hour * HOUR_MS }));
    const P = (ext: string, line: number, amount: number, hour: number, account = 'acct_1', customer = 'cus_1') =>
      (records[ext] = insertRecord(db, right, line, { ext, account, customer, amount, ts: T0 + hour * HOUR_MS, status: 'settled' }));
    L('L1', 2, 1000, 0);
    L('L2', 3, 2500, 1);
    L('L3', 4, 4200, 2, 'acct_2', 'cus_2');
    L('L5', 5, 990, 3, 'acct_2', 'cus_3');
    L('L6', 6, 990, 3, 'acct_2', 'cus_3');
    L('L7', 7, 500, 9, 'acct_3', 'cus_4');
    P('P1', 2, 1000, 0);
    P('P2', 3, 2470, 1);
    P('P3', 4, 4200, 30, 'acct_2', 'cus_2');
    P('P4', 5, 777, 5, 'acct_3', 'cus_9');
    const runId = insertRun(db, left, right);
    const matchIds = [
      Number(
        db
          .prepare(`INSERT INTO matches (run_id, strategy, score, left_ids, right_ids, amount_delta_minor, time_delta_ms) VALUES (?, 'exact_key', 1, ?, ?, 0, 0)`)
          .run(runId, String(records['L1']), String(records['P1'])).lastInsertRowid,
      ),
    ];
    const breakIds = [
      insertBreak(db, runId, { cls: 'amount_mismatch', left: [records['L2']!], right: [records['P2']!], amount: 30, ts: T0 + HOUR_MS, explanation: { text: 'Amounts differ by 0.30 (fee?)', hint: 'fee' } }),
      insertBreak(db, runId, {
        cls: 'missing_right',
        left: [records['L3']!],
        amount: 4200,
        account: 'acct_2',
        customer: 'cus_2',
        ts: T0 + 2 * HOUR_MS,
        radius: 'medium',
        explanation: { summary: 'No processor row within 24 h', candidates: [{ recordId: records['P3'], score: 0.4, failed: 'time', byMs: 28 * HOUR_MS }] },
      }),
      insertBreak(db, runId, { cls: 'missing_left', right: [records['P4']!], amount: 777, account: 'acct_3', customer: 'cus_9', ts: T0 + 5 * HOUR_MS }),
      insertBreak(db, runId, { cls: 'duplicate', left: [records['L5']!, records['L6']!], amount: 990, account: 'acct_2', customer: 'cus_3', ts: T0 + 3 * HOUR_MS, radius: 'high' }),
      insertBreak(db, runId, { cls: 'delay', left: [records['L7']!], amount: 500, account: 'acct_3', customer: 'cus_4', ts: T0 + 9 * HOUR_MS, explanation: { text: 'Beyond the processor frontier: pending' } }),
    ];
    return { runId, leftSourceId: left, rightSourceId: right, records, breakIds, matchIds };
  })();
}

export { seedSyntheticBreaks } from '../../main/usecases/bench/syntheticBreaks';
