import type { RequestOf, ResultOf } from '../../preload/contract';
import type { UseCaseContext } from './context';
import { runEngineTask } from './runEngineTask';

/** Imports one file as a new source in the engine worker, so main's event loop stays free. */
export async function importSource(
  ctx: UseCaseContext,
  request: RequestOf<'import:import-file'>,
): Promise<ResultOf<'import:import-file'>> {
  const { taskId, format, ...options } = request;
  const result = await runEngineTask(ctx, taskId, (api, progress, cancel) =>
    api.importFile(
      ctx.storeDir,
      { ...options, ...(format ? { format } : {}), actor: ctx.actor },
      progress,
      cancel,
    ),
  );
  ctx.emit('recon:workspace-changed', { reason: 'source imported' });
  const { resumed: _resumed, ...summary } = result;
  return summary;
}

/** Runs in the engine worker too: sniffing and parsing even a file's head is not main's job. */
export function previewSourceFile(ctx: UseCaseContext, request: RequestOf<'import:preview-file'>): Promise<ResultOf<'import:preview-file'>> {
  return ctx.engine.call((api) => api.previewImport(request));
}
