import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BreakFilter, BreakSort } from '../../../preload/contract';
import { withBreakIndexesDeferred } from '../../db/queries/breakIndexes';
import { ensureSearchIndex } from '../../db/queries/breakSearchIndex';
import { countBreaks, queryBreakPage } from '../../db/queries/breaksQueries';
import { openWorkspace } from '../../db/openWorkspace';
import { buildRunDashboard } from '../analyst/runDashboard';
import { dashboardVersion } from '../../db/queries/dashboardQueries';
import { SYNTHETIC_T0, seedSyntheticBreaks } from './syntheticBreaks';

export interface BreaksQueryBenchResult {
  breaks: number;
  seedMs: number;
  searchIndexMs: number;
  /** Median ms of one page (100 rows) per filter/sort combination. */
  pages: { name: string; medianMs: number; rows: number }[];
  /** Median ms of a capped count (cap 100,000). */
  counts: { name: string; medianMs: number; count: number; capped: boolean }[];
  dashboardColdMs: number;
  dashboardWarmMs: number;
}

const RUNS = 7;
const DAY = 24 * 3_600_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 100) / 100;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/**
 * Fills a temporary workspace with N synthetic breaks and reports the median time of a page query
 * for several filter/sort combinations, capped counts, and the run dashboard (cold, then cached).
 */
export async function benchBreaksQuery(breaks: number): Promise<BreaksQueryBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'recon-bench-breaks-'));
  const db = openWorkspace(dir);
  try {
    // Seeded the way a bulk writer should: analyst indexes built once afterwards (see breakIndexes.ts).
    const seeded = time(() => withBreakIndexesDeferred(db, () => seedSyntheticBreaks(db, breaks)));
    const runId = seeded.value.runId;
    // A few triaged breaks, as after a morning's work: rare states and assignees must stay fast.
    db.prepare("UPDATE breaks SET triage_state = 'accepted', assignee = 'ana' WHERE run_id = ? AND id % 10007 = 0").run(runId);
    const indexStart = performance.now();
    await ensureSearchIndex(db, runId);
    const searchIndexMs = performance.now() - indexStart;

    const ts: BreakSort = { key: 'ts', direction: 'asc' };
    const amountDesc: BreakSort = { key: 'amount', direction: 'desc' };
    const combos: { name: string; filter: Omit<BreakFilter, 'runId'>; sort: BreakSort; offset?: number }[] = [
      { name: 'all, by time', filter: {}, sort: ts },
      { name: 'all, by time, offset = half', filter: {}, sort: ts, offset: Math.floor(breaks / 2) },
      { name: 'all, by amount desc', filter: {}, sort: amountDesc },
      { name: 'class, by time', filter: { classes: ['delay'] }, sort: ts },
      { name: 'class + state, by amount desc', filter: { classes: ['missing_right', 'missing_left'], states: ['open'] }, sort: amountDesc },
      { name: 'account, by time', filter: { account: 'acct_00042' }, sort: ts },
      { name: 'customer, by amount desc', filter: { customer: 'cus_000042' }, sort: amountDesc },
      { name: 'amount range, by amount', filter: { minAmountMinor: 500_000, maxAmountMinor: 510_000 }, sort: { key: 'amount', direction: 'asc' } },
      { name: 'time range + class, by time', filter: { fromMs: SYNTHETIC_T0 + 10 * DAY, toMs: SYNTHETIC_T0 + 11 * DAY, classes: ['duplicate'] }, sort: ts },
      { name: 'amount range + radius, by time', filter: { minAmountMinor: 990_000, blastRadius: ['high'] }, sort: ts },
      { name: 'rare state, by amount desc', filter: { states: ['accepted'] }, sort: amountDesc },
      { name: 'assignee, by time', filter: { assignee: 'ana' }, sort: ts },
      { name: 'text (id), by time', filter: { text: 'txn_4242' }, sort: ts },
      { name: 'text (word) + class, by amount', filter: { text: 'synthetic', classes: ['delay'] }, sort: amountDesc },
    ];
    const pages = combos.map((combo) => {
      const filter = { runId, ...combo.filter };
      let rows = 0;
      const samples = Array.from({ length: RUNS }, () => {
        const run = time(() => queryBreakPage(db, filter, combo.sort, combo.offset ?? 0, 100));
        rows = run.value.length;
        return run.ms;
      });
      return { name: combo.name, medianMs: median(samples), rows };
    });
    const countCombos: { name: string; filter: Omit<BreakFilter, 'runId'> }[] = [
      { name: 'all', filter: {} },
      { name: 'class', filter: { classes: ['delay'] } },
      { name: 'account', filter: { account: 'acct_00042' } },
      { name: 'amount range', filter: { minAmountMinor: 500_000, maxAmountMinor: 510_000 } },
    ];
    const counts = countCombos.map((combo) => {
      let result = { count: 0, capped: false };
      const samples = Array.from({ length: RUNS }, () => {
        const run = time(() => countBreaks(db, { runId, ...combo.filter }, 100_000));
        result = run.value;
        return run.ms;
      });
      return { name: combo.name, medianMs: median(samples), ...result };
    });
    // Built on the engine thread on a change; each request checks the version on main.
    const cold = time(() => buildRunDashboard(db, runId));
    const warm = time(() => dashboardVersion(db, runId));
    return {
      breaks,
      seedMs: Math.round(seeded.ms),
      searchIndexMs: Math.round(searchIndexMs),
      pages,
      counts,
      dashboardColdMs: Math.round(cold.ms),
      dashboardWarmMs: Math.round(warm.ms),
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
