import { workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { startHelperWorker } from '../shared/helperWorker';
import { getSourceRow } from './loadInput';
import { snapshotIsCurrent, snapshotSource } from './sourceSnapshot';

type Db = Database.Database;

export interface SnapshotTask {
  dbFile: string;
  nativeBinding?: string;
  sourceId: number;
}

export type SnapshotReply = { ok: true } | { ok: false; message: string };

/**
 * Before a run: snapshots whichever of its sources have no current snapshot. Reading a million records
 * back costs seconds and a first run needs two sources, so when both lack one, a helper thread reads
 * one while this thread reads the other. Snapshots are only a cache: if the helper cannot start or
 * fails, the run reads that source itself.
 */
export async function snapshotForRun(db: Db, sourceIds: readonly number[]): Promise<void> {
  const missing = sourceIds.filter((id) => {
    const source = getSourceRow(db, id);
    return source !== null && source.status === 'complete' && !snapshotIsCurrent(db, source);
  });
  if (missing.length < 2 || db.memory || !db.name) return;
  const helped = snapshotInHelper(db.name, missing[0]!);
  if (!helped) return;
  // Synchronous: the helper's reply waits in the queue until this source is done.
  snapshotSource(db, missing[1]!);
  await helped;
}

function snapshotInHelper(dbFile: string, sourceId: number): Promise<void> | null {
  const worker = startHelperWorker('snapshotWorker', 'snapshotWorkerPath', import.meta.url);
  if (!worker) return null;
  const nativeBinding = (workerData as { nativeBinding?: string } | null)?.nativeBinding;
  return new Promise<void>((resolve) => {
    // Any outcome resolves: a missing snapshot is rebuilt by the run itself.
    const done = (): void => {
      void worker.terminate();
      resolve();
    };
    worker.once('message', done);
    worker.once('error', done);
    worker.once('exit', done);
    worker.postMessage({ dbFile, sourceId, ...(nativeBinding ? { nativeBinding } : {}) } satisfies SnapshotTask);
  });
}
