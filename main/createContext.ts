import { userInfo } from 'node:os';
import { openWorkspace, type OpenOptions } from './db/openWorkspace';
import { closeInterruptedRuns } from '../workers/matching/runOwner';
import { EngineHost, type EngineWorkerData } from './engine/engineHost';
import { TaskRegistry } from './engine/taskRegistry';
import type { Emit, UseCaseContext } from './usecases/context';

export interface ContextOptions {
  storeDir: string;
  engineWorkerPath: string | URL;
  /** Extra facts for the engine thread (the bundled app's parse worker path). */
  engineData?: EngineWorkerData;
  emit?: Emit;
  actor?: string;
  open?: OpenOptions;
}

/** Builds the one use-case context that the app, the CLI and the tests all share. */
export function createContext(options: ContextOptions): UseCaseContext & { close(): Promise<void> } {
  const db = openWorkspace(options.storeDir, options.open);
  const actor = options.actor ?? defaultActor();
  if (!options.open?.readonly) closeInterruptedRuns(db, actor);
  const nativeBinding = options.open?.nativeBinding;
  const engine = new EngineHost(options.engineWorkerPath, { ...options.engineData, ...(nativeBinding ? { nativeBinding } : {}) });
  return {
    db,
    storeDir: options.storeDir,
    actor,
    engine,
    tasks: new TaskRegistry(),
    emit: options.emit ?? (() => {}),
    async close() {
      await engine.close();
      db.close();
    },
  };
}

export function defaultActor(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

/** Where the engine worker lives when running from source (CLI, tests): a tsx bootstrap. */
export function sourceEngineWorkerPath(): URL {
  return new URL('../workers/engine/tsBootstrap.mjs', import.meta.url);
}
