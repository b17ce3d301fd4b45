import { parentPort } from 'node:worker_threads';
import { openDatabaseFile } from '../../main/db/openWorkspace';
import { snapshotSource } from './sourceSnapshot';
import type { SnapshotTask, SnapshotReply } from './snapshotHelper';

/**
 * A helper thread that snapshots one source on its own connection, so that a first run reads its two
 * sources' records on both cores at once (see snapshotHelper.ts).
 */
if (!parentPort) throw new Error('snapshotWorker must run in a worker thread');
const port = parentPort;

port.once('message', (task: SnapshotTask) => {
  let reply: SnapshotReply;
  try {
    const db = openDatabaseFile(task.dbFile, task.nativeBinding ? { nativeBinding: task.nativeBinding } : {});
    try {
      snapshotSource(db, task.sourceId);
    } finally {
      db.close();
    }
    reply = { ok: true };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
