import { isCancelRequested, type CancelFlag } from './cancellation';
import { importFile, type ImportOptions } from '../import/importFile';
import { exportRunCsv } from '../matching/exportCsv';
import { runReconciliation, type RunRequest } from '../matching/runStore';
import { snapshotForRun } from '../matching/snapshotHelper';
import { ensureSearchIndex, indexSearchChunk } from '../../main/db/queries/breakSearchIndex';
import type { Db } from '../../main/db/openWorkspace';
import { applyTriageUndo, applyTriageUpdate } from '../../main/usecases/analyst/triageApply';
import { buildRunDashboard } from '../../main/usecases/analyst/runDashboard';
import type { RequestOf } from '../../preload/contract';
import { engineDb } from './engineStore';
import { sha256File, type TaskHooks } from './hashFile';
import { checkImport, type CheckOptions } from './checkImport';
import { previewImport, type PreviewOptions } from './previewImport';
import { previewRun } from './previewRun';

/** Progress as it crosses the worker boundary (a Comlink proxy on the caller's side). */
export type ProgressSink = (done: number, total: number | null, phase: string) => void;

function hooksFor(progress: ProgressSink | undefined, cancel: CancelFlag | undefined): TaskHooks {
  return {
    onProgress: progress ? (done, total, phase) => void progress(done, total, phase) : undefined,
    isCancelled: cancel ? () => isCancelRequested(cancel) : undefined,
  };
}

/**
 * The engine's operations. Plain async functions over plain data so they run the same in-process
 * (tests) and behind Comlink in the worker thread (the app and the CLI).
 */
export function createEngineApi() {
  return {
    ping(): string {
      return 'pong';
    },
    sha256File(path: string, progress?: ProgressSink, cancel?: CancelFlag) {
      return sha256File(path, hooksFor(progress, cancel));
    },
    /** Imports one file into the workspace at storeDir, on the engine's own connection. */
    importFile(storeDir: string, options: Omit<ImportOptions, 'chunkRows'>, progress?: ProgressSink, cancel?: CancelFlag) {
      return importFile(engineDb(storeDir), options, hooksFor(progress, cancel));
    },
    /** What an import would make of every row of a file (a dry run); writes nothing. */
    checkImport(options: CheckOptions, progress?: ProgressSink, cancel?: CancelFlag) {
      return checkImport(options, hooksFor(progress, cancel));
    },
    /** What an import would make of a file's first rows; writes nothing. */
    previewImport(options: PreviewOptions) {
      return previewImport(options);
    },
    /**
     * Reconciles two sources of the workspace and persists the run, on the engine's own connection
     * (two sources read back for the first time are read on two threads at once). The run's results
     * are complete when this returns; its free-text search index is derived from them and is built
     * afterwards on this thread, a chunk at a time (see indexInBackground).
     */
    async runReconciliation(storeDir: string, request: RunRequest, progress?: ProgressSink, cancel?: CancelFlag) {
      const started = performance.now();
      const db = engineDb(storeDir);
      void progress?.(0, null, 'loading');
      const loaded = await snapshotForRun(db, [request.leftSourceId, request.rightSourceId]);
      const outcome = runReconciliation(db, request, hooksFor(progress, cancel), started, loaded);
      indexInBackground(db, outcome.runId);
      return outcome;
    },
    /** Matches a sample of two sources in memory to preview the match rate; saves nothing. */
    previewRun(storeDir: string, leftSourceId: number, rightSourceId: number, rules: unknown, sampleSize: number) {
      return previewRun(engineDb(storeDir), leftSourceId, rightSourceId, rules, sampleSize);
    },
    /** Streams a run's matches or breaks to a CSV file. */
    exportRunCsv(storeDir: string, runId: number, what: 'matches' | 'breaks', outPath: string) {
      return exportRunCsv(engineDb(storeDir), runId, what, outPath);
    },
    /** Builds a run's free-text break index to the end (it can take seconds at a million breaks). */
    buildSearchIndex(storeDir: string, runId: number): void {
      const db = engineDb(storeDir);
      while (indexSearchChunk(db, runId, 50_000));
    },
    /** A run's dashboard aggregates (hundreds of ms at a million matches), on the engine's connection. */
    buildRunDashboard(storeDir: string, runId: number, bucket: 'hour' | 'day' | 'auto', topN: number) {
      return buildRunDashboard(engineDb(storeDir), runId, bucket, topN);
    },
    /** A triage action over a whole filter (up to every break of a run), on the engine's connection. */
    applyTriageUpdate(storeDir: string, actor: string, request: RequestOf<'triage:update-breaks'>) {
      return applyTriageUpdate(engineDb(storeDir), actor, request);
    },
    /** The undo of a large triage action. */
    applyTriageUndo(storeDir: string, actor: string, request: RequestOf<'triage:undo-action'>) {
      return applyTriageUndo(engineDb(storeDir), actor, request);
    },
    /** Test hook: crashes the worker thread so restart paths can be exercised for real. */
    crashForTest(): never {
      process.exit(70);
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;

/**
 * Breaks indexed per turn of the engine's event loop (and per write transaction): a call queued behind
 * the indexing, or a write on main, waits for one chunk at most (~0.1 s).
 */
const BACKGROUND_INDEX_CHUNK = 2_000;

/**
 * Indexes a finished run's breaks for free-text search after the run has returned, one chunk per
 * turn of this thread's event loop (ensureSearchIndex). A search that arrives first builds the rest
 * itself (buildSearchIndex; the index state row keeps the two from indexing a break twice), and a
 * failure here (the workspace closed) only leaves the rest to that on-demand path.
 */
function indexInBackground(db: Db, runId: number): void {
  // Deferred a turn, so not even the first chunk is indexed before the run's result goes back.
  setImmediate(() => {
    ensureSearchIndex(db, runId, BACKGROUND_INDEX_CHUNK).catch(() => {
      // Built on demand by the next search instead.
    });
  });
}
