import { workerData } from 'node:worker_threads';
import { openWorkspace, type Db } from '../../main/db/openWorkspace';

const connections = new Map<string, Db>();

/**
 * The engine's own connection to a workspace (WAL lets it write while main reads), opened once per
 * store and reused across tasks. Inside Electron the worker gets the Electron-ABI addon path.
 */
export function engineDb(storeDir: string): Db {
  let db = connections.get(storeDir);
  if (!db || !db.open) {
    const nativeBinding = (workerData as { nativeBinding?: string } | null)?.nativeBinding;
    db = openWorkspace(storeDir, nativeBinding ? { nativeBinding } : {});
    connections.set(storeDir, db);
  }
  return db;
}

export function closeEngineDbs(): void {
  for (const db of connections.values()) db.close();
  connections.clear();
}
