import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../../../main/db/openWorkspace';
import { generateDataset } from '../../../test/generators/reconData';
import { runReconciliation } from '../runStore';
import { seedSource } from './seedStore';

export interface BenchResult {
  rows: number;
  medianMs: number;
  runsMs: number[];
  peakRssMb: number;
  counts: Record<string, number>;
}

/**
 * Generates rowsPerSide labelled ledger/processor records, writes them into a fresh temporary
 * workspace, and times runReconciliation (load + match + persist) `runs` times. Peak RSS is sampled
 * around each run (process.resourceUsage().maxRSS is the process high-water mark, generation included).
 */
export async function benchRun(rowsPerSide: number, runs: number): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'recon-bench-'));
  const db = openWorkspace(dir);
  try {
    let leftId: number;
    let rightId: number;
    {
      const data = generateDataset({ seed: 20260101, rows: rowsPerSide });
      leftId = seedSource(db, { name: 'bench-ledger', kind: 'ledger' }, data.left);
      rightId = seedSource(db, { name: 'bench-processor', kind: 'processor' }, data.right);
    }
    (globalThis as { gc?: () => void }).gc?.();
    const runsMs: number[] = [];
    let counts: Record<string, number> = {};
    for (let k = 0; k < runs; k += 1) {
      const started = performance.now();
      const outcome = runReconciliation(db, { leftSourceId: leftId, rightSourceId: rightId, actor: 'bench' });
      runsMs.push(Math.round(performance.now() - started));
      counts = outcome.counts;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const sorted = runsMs.slice().sort((a, b) => a - b);
    const medianMs = sorted[Math.floor(sorted.length / 2)]!;
    return { rows: rowsPerSide, medianMs, runsMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), counts };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
