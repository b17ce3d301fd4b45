import * as Comlink from 'comlink';
import { randomUUID } from 'node:crypto';
import type { Remote } from 'comlink';
import type { EngineApi, ProgressSink } from '../../workers/engine/engineApi';
import type { CancelFlag } from '../../workers/engine/cancellation';
import type { UseCaseContext } from './context';

/**
 * Runs one long engine operation under a task id: registers its cancel flag, forwards progress as
 * `recon:progress` events, and always unregisters, whatever the outcome.
 */
export async function runEngineTask<T>(
  ctx: UseCaseContext,
  taskId: string | undefined,
  operation: (api: Remote<EngineApi>, progress: ProgressSink, cancel: CancelFlag) => Promise<T>,
): Promise<T> {
  const id = taskId ?? randomUUID();
  const cancel = ctx.tasks.begin(id);
  const progress = Comlink.proxy<ProgressSink>((done, total, phase) => {
    ctx.emit('recon:progress', { taskId: id, phase, done, total });
  });
  try {
    return await ctx.engine.call((api) => operation(api, progress, cancel));
  } finally {
    ctx.tasks.end(id);
  }
}
