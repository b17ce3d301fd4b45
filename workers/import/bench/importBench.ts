import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../../../main/db/openWorkspace';
import { importFile } from '../importFile';
import { generateLedgerCsv } from './generateLedgerCsv';

export interface BenchResult {
  rows: number;
  medianMs: number;
  runsMs: number[];
  peakRssMb: number;
}

/** Generates a ledger CSV (seeded) and imports it `runs` times, each into a fresh store. */
export async function benchImport(rows: number, runs: number): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'recon-import-bench-'));
  try {
    const file = join(dir, `ledger-${rows}.csv`);
    await generateLedgerCsv(file, rows);
    let peak = process.memoryUsage.rss();
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
    const runsMs: number[] = [];
    try {
      for (let run = 0; run < runs; run++) {
        const store = join(dir, `store-${run}`);
        const db = openWorkspace(store);
        const started = performance.now();
        const result = await importFile(db, { filePath: file, kind: 'ledger', actor: 'bench' });
        runsMs.push(performance.now() - started);
        peak = Math.max(peak, process.memoryUsage.rss());
        if (result.rowsImported !== rows) throw new Error(`bench imported ${result.rowsImported} of ${rows} rows`);
        db.close();
        rmSync(store, { recursive: true, force: true });
      }
    } finally {
      clearInterval(timer);
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    const medianMs = sorted[Math.floor(sorted.length / 2)]!;
    return { rows, medianMs: Math.round(medianMs), runsMs: runsMs.map(Math.round), peakRssMb: Math.round(peak / 1048576) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
