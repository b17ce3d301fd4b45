import { workerData, type Worker } from 'node:worker_threads';
import type { Db } from '../../../main/db/openWorkspace';
import type { CsvParseTask, FromParser, ParseTotals, ToParser } from './protocol';
import type { RowBatch } from './rowBatch';
import { startHelperWorker } from '../../shared/helperWorker';

/**
 * The importing thread's handle on a parse worker. Started before the file is scanned so that its
 * start-up overlaps the SHA-256 pass. From TypeScript sources (CLI, tests) the worker loads through
 * tsx; in a bundled build it is the `csvParseWorker` entry next to the bundle. When neither exists,
 * start() returns null and the import parses in its own thread.
 */
export class CsvParseClient {
  private settled = false;

  private constructor(private readonly worker: Worker) {}

  static start(): CsvParseClient | null {
    const worker = startHelperWorker('csvParseWorker', 'csvParseWorkerPath', import.meta.url);
    return worker ? new CsvParseClient(worker) : null;
  }

  /**
   * Runs the task; `onBatch` is called synchronously for every batch in file order and must finish
   * (commit) before the worker is told to go on. An exception from onBatch stops the worker and
   * rejects with that exception.
   */
  run(task: CsvParseTask, onBatch: (batch: RowBatch) => void): Promise<ParseTotals> {
    const { worker } = this;
    return new Promise<ParseTotals>((resolve, reject) => {
      const finish = (error: unknown, totals?: ParseTotals): void => {
        if (this.settled) return;
        this.settled = true;
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (error === null) resolve(totals!);
        else {
          void this.terminate();
          reject(error);
        }
      };
      const onMessage = (message: FromParser): void => {
        if (this.settled) return;
        if (message.type === 'batch') {
          try {
            onBatch(message.batch);
          } catch (error) {
            finish(error);
            return;
          }
          const { bytes, rows, spans, nums } = message.batch;
          worker.postMessage({ type: 'ack', buffers: { bytes, rows, spans, nums } } satisfies ToParser, [bytes, rows.buffer as ArrayBuffer, spans.buffer as ArrayBuffer, nums.buffer as ArrayBuffer]);
        } else if (message.type === 'done') finish(null, message.totals);
        else finish(new Error(message.message));
      };
      const onError = (error: Error): void => finish(error);
      const onExit = (code: number): void => finish(new Error(`the parse worker stopped (exit code ${code})`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ type: 'csv', task } satisfies ToParser);
    });
  }

  async terminate(): Promise<void> {
    this.settled = true;
    await this.worker.terminate();
  }
}

/** Where the parse worker can open its checkpointing connection (not for in-memory or temporary stores). */
export function checkpointTarget(db: Db): CsvParseTask['checkpoint'] {
  if (db.memory || !db.name || db.pragma('journal_mode', { simple: true }) !== 'wal') return undefined;
  const nativeBinding = (workerData as { nativeBinding?: string } | null)?.nativeBinding;
  return { dbFile: db.name, ...(nativeBinding ? { nativeBinding } : {}) };
}
