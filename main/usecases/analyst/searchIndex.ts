import { isSearchIndexComplete } from '../../db/queries/breakSearchIndex';
import type { UseCaseContext } from '../context';

const building = new WeakMap<UseCaseContext, Map<number, Promise<void>>>();

/**
 * A run's free-text index is built the first time someone searches it. Building it for a million
 * breaks takes many seconds, so it runs in the engine worker, never on main's event loop; concurrent
 * searches of the same run wait for the same build.
 */
export function ensureRunSearchIndex(ctx: UseCaseContext, runId: number): Promise<void> {
  if (isSearchIndexComplete(ctx.db, runId)) return Promise.resolve();
  let perContext = building.get(ctx);
  if (!perContext) building.set(ctx, (perContext = new Map()));
  const pending = perContext.get(runId);
  if (pending) return pending;
  const job = ctx.engine.call((api) => api.buildSearchIndex(ctx.storeDir, runId)).finally(() => perContext.delete(runId));
  perContext.set(runId, job);
  return job;
}
