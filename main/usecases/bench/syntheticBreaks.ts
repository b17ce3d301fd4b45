import type { Db } from '../../db/openWorkspace';

const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);
const CLASSES = ['missing_left', 'missing_right', 'duplicate', 'delay', 'out_of_order', 'amount_mismatch', 'currency_mismatch', 'status_mismatch'];
const RADII = ['low', 'low', 'low', 'medium', 'high'];
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'JPY'];
const DAY_MS = 24 * 3_600_000;

/**
 * N synthetic breaks in one new run over 30 days, inserted in bulk with no records behind them:
 * what paging, sorting, filtering and search see at scale. Deterministic (a linear congruential
 * sequence), so every benchmark run measures the same data.
 */
export function seedSyntheticBreaks(db: Db, n: number, accounts = 5000, customers = 50_000): { runId: number } {
  const source = db.prepare(
    `INSERT INTO sources (name, kind, format, file_name, sha256, byte_size, status, frontier_ms, created_at)
     VALUES (?, ?, 'csv', ?, 'synthetic', 0, 'complete', ?, ?)`,
  );
  const left = Number(source.run('synthetic-left', 'ledger', 'left.csv', T0 + 30 * DAY_MS, T0).lastInsertRowid);
  const right = Number(source.run('synthetic-right', 'processor', 'right.csv', T0 + 29 * DAY_MS, T0).lastInsertRowid);
  let ruleSetId = db.prepare("SELECT id FROM rule_sets WHERE name = 'synthetic'").pluck().get() as number | undefined;
  ruleSetId ??= Number(db.prepare("INSERT INTO rule_sets (name, version, body_json, created_at) VALUES ('synthetic', 1, '{}', 0)").run().lastInsertRowid);
  const runId = Number(
    db
      .prepare(
        `INSERT INTO runs (rule_set_id, left_source_id, right_source_id, status, engine_version, started_at, finished_at)
         VALUES (?, ?, ?, 'complete', 'synthetic', ?, ?)`,
      )
      .run(ruleSetId, left, right, T0, T0).lastInsertRowid,
  );
  // mulberry32: small, fast and well mixed in its low bits (a plain LCG cycles them).
  let seed = 12345;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const insert = db.prepare(
    `INSERT INTO breaks (run_id, class, left_ids, right_ids, amount_minor, currency, account, customer, ts_ms, blast_radius, explanation_json)
     VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const cls = CLASSES[next() % CLASSES.length]!;
      insert.run(
        runId,
        cls,
        String(i + 1),
        next() % 1_000_000,
        CURRENCIES[next() % CURRENCIES.length],
        `acct_${String(next() % accounts).padStart(5, '0')}`,
        `cus_${String(next() % customers).padStart(6, '0')}`,
        T0 + (next() % (30 * 24 * 3600)) * 1000,
        RADII[next() % RADII.length],
        `{"text":"synthetic ${cls} txn_${i}"}`,
      );
    }
  });
  for (let from = 0; from < n; from += 50_000) batch(from, Math.min(n, from + 50_000));
  return { runId };
}

export const SYNTHETIC_T0 = T0;
