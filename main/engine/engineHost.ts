import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import type { EngineApi } from '../../workers/engine/engineApi';
import { installErrorTransfer } from '../../workers/engine/errorTransfer';

installErrorTransfer();

/** What the engine thread needs to know about the app it runs in. */
export interface EngineWorkerData {
  /** Electron-ABI better-sqlite3 addon. */
  nativeBinding?: string;
  /** The bundled CSV parse worker, next to the main bundle. */
  csvParseWorkerPath?: string;
  /** The bundled snapshot worker (a first run's second reader), next to the main bundle. */
  snapshotWorkerPath?: string;
}

export class EngineCrashedError extends Error {
  readonly code = 'ENGINE_CRASHED';
  constructor(detail: string) {
    super(`The matching engine stopped unexpectedly (${detail}). It has been restarted; run the task again.`);
  }
}

/**
 * Owns the engine worker thread: starts it on first use, and when it dies fails the calls in flight
 * with ENGINE_CRASHED and starts a fresh one on the next call.
 */
export class EngineHost {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<EngineApi> | null = null;
  private readonly inFlight = new Set<(error: Error) => void>();
  private closing = false;
  restarts = 0;

  constructor(
    private readonly workerPath: string | URL,
    private readonly workerData: EngineWorkerData = {},
  ) {}

  /** Runs one engine call; rejects with EngineCrashedError if the worker dies meanwhile. */
  async call<T>(fn: (api: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
    const api = this.ensureWorker();
    return new Promise<T>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      this.inFlight.add(fail);
      fn(api).then(
        (value) => {
          this.inFlight.delete(fail);
          resolve(value);
        },
        (error: unknown) => {
          this.inFlight.delete(fail);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    this.remote?.[Comlink.releaseProxy]();
    this.worker = null;
    this.remote = null;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Comlink.Remote<EngineApi> {
    if (this.remote) return this.remote;
    this.closing = false;
    const worker = new Worker(this.workerPath, { workerData: this.workerData });
    const onDeath = (detail: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.remote = null;
      if (this.closing) return;
      this.restarts += 1;
      const error = new EngineCrashedError(detail);
      for (const fail of this.inFlight) fail(error);
      this.inFlight.clear();
    };
    worker.on('error', (error) => onDeath(error.message));
    worker.on('exit', (code) => onDeath(`exit code ${code}`));
    this.worker = worker;
    this.remote = Comlink.wrap<EngineApi>(nodeEndpoint(worker));
    return this.remote;
  }
}
