import * as Comlink from 'comlink';
import { randomUUID } from 'node:crypto';
import type { Remote } from 'comlink';
import type { EngineApi, ProgressSink } from '../../workers/engine/engineApi';
import type { CancelFlag } from '../../workers/engine/cancellation';
import type { ProgressEvent } from '../../preload/contract';
import type { UseCaseContext } from './context';

/**
 * Runs one long engine operation under a task id: registers its cancel flag, forwards progress as
 * `recon:progress` events (in words, through `describe`), and always unregisters, whatever the outcome.
 */
export async function runEngineTask<T>(
  ctx: UseCaseContext,
  taskId: string | undefined,
  operation: (api: Remote<EngineApi>, progress: ProgressSink, cancel: CancelFlag) => Promise<T>,
  describe: (done: number, total: number | null, phase: string) => Omit<ProgressEvent, 'taskId'> = (done, total, phase) => ({ phase, done, total }),
): Promise<T> {
  const id = taskId ?? randomUUID();
  const cancel = ctx.tasks.begin(id);
  const progress = Comlink.proxy<ProgressSink>((done, total, phase) => {
    ctx.emit('recon:progress', { taskId: id, ...describe(done, total, phase) });
  });
  try {
    return await ctx.engine.call((api) => operation(api, progress, cancel));
  } finally {
    ctx.tasks.end(id);
  }
}
