import type Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { appendAudit } from '../../main/audit/auditLog';

type Db = Database.Database;

/** The process running a run, as stored in runs.owner. */
export function runOwner(): string {
  return `${hostname()}:${process.pid}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs left 'running' by a process of this machine that has ended (a crash, the app killed mid-run)
 * become failed, each with a `run.failed` audit entry saying so; nothing of theirs was persisted, as a
 * run's results commit in one transaction. Runs of live processes, and of other machines sharing the
 * folder, are left as they are. Returns the ids it closed.
 */
export function closeInterruptedRuns(db: Db, actor: string): number[] {
  const running = db.prepare(`SELECT id, owner FROM runs WHERE status = 'running'`).all() as { id: number; owner: string | null }[];
  const here = hostname();
  const ended = running.filter(({ owner }) => {
    if (owner === null) return true;
    const at = owner.lastIndexOf(':');
    const pid = Number(owner.slice(at + 1));
    return owner.slice(0, at) === here && Number.isInteger(pid) && pid !== process.pid && !processAlive(pid);
  });
  if (!ended.length) return [];
  db.transaction(() => {
    const close = db.prepare(`UPDATE runs SET status = 'failed', finished_at = ? WHERE id = ? AND status = 'running'`);
    for (const { id, owner } of ended) {
      if (close.run(Date.now(), id).changes === 0) continue;
      const reason = `interrupted: the process running it${owner === null ? '' : ` (${owner})`} ended before it finished; nothing of it was saved — run it again`;
      appendAudit(db, { actor, kind: 'run.failed', data: { runId: id, reason } });
    }
  }).immediate();
  return ended.map((r) => r.id);
}
