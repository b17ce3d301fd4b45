import { workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { startHelperWorker } from '../shared/helperWorker';
import { getSourceRow } from './loadInput';
import type { EngineInput } from './engineInput';
import { loadSourceInput, snapshotIsCurrent } from './sourceSnapshot';

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
 * one while this thread reads the other. Returns the inputs this thread loaded, by source id. Snapshots
 * are only a cache: if the helper cannot start or fails, the run reads that source itself.
 */
export async function snapshotForRun(db: Db, sourceIds: readonly number[]): Promise<Map<number, EngineInput>> {
  const loaded = new Map<number, EngineInput>();
  // The same source twice is refused by the run itself; it must not be read twice first.
  const missing = [...new Set(sourceIds)].flatMap((id) => {
    const source = getSourceRow(db, id);
    return source !== null && source.status === 'complete' && !snapshotIsCurrent(db, source) ? [source] : [];
  });
  if (missing.length < 2 || db.memory || !db.name) return loaded;
  const helped = snapshotInHelper(db.name, missing[0]!.id);
  if (!helped) return loaded;
  // Synchronous: the helper's reply waits in the queue until this source is done. The run takes this
  // source as loaded rather than decoding the snapshot just written.
  loaded.set(missing[1]!.id, loadSourceInput(db, missing[1]!));
  await helped;
  return loaded;
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
