import type { EventName, ReconEvents } from '../../preload/contract';
import type { Db } from '../db/openWorkspace';
import type { EngineHost } from '../engine/engineHost';
import type { TaskRegistry } from '../engine/taskRegistry';

export type Emit = <E extends EventName>(event: E, payload: ReconEvents[E]) => void;

/** What every use case gets: the same object behind IPC, the CLI and the tests. */
export interface UseCaseContext {
  db: Db;
  storeDir: string;
  actor: string;
  engine: EngineHost;
  tasks: TaskRegistry;
  emit: Emit;
  /** Native file picker; absent where there is no window (CLI). */
  chooseFile?: () => Promise<string | null>;
  /** Native save dialog for a CSV file; absent where there is no window. */
  chooseSavePath?: (title: string, defaultPath: string) => Promise<string | null>;
}
