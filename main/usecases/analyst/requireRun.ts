import type { Db } from '../../db/openWorkspace';
import { UseCaseError } from '../errors';

export interface RunRef {
  id: number;
  left_source_id: number;
  right_source_id: number;
  previous_run_id: number | null;
  status: string;
}

/** The run or a NOT_FOUND the analyst can act on. */
export function requireRun(db: Db, runId: number): RunRef {
  const run = db.prepare('SELECT id, left_source_id, right_source_id, previous_run_id, status FROM runs WHERE id = ?').get(runId) as
    | RunRef
    | undefined;
  if (!run) throw new UseCaseError('NOT_FOUND', `Run #${runId} does not exist in this workspace.`);
  return run;
}
