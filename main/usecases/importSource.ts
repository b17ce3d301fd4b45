import { existsSync } from 'node:fs';
import type { RequestOf, ResultOf } from '../../preload/contract';
import type { UseCaseContext } from './context';
import { UseCaseError } from './errors';
import { checkProgressSteps, importProgressSteps } from './importProgressSteps';
import { runEngineTask } from './runEngineTask';

/** Said before a task starts, in the user's words rather than the system call's ("ENOENT: …"). */
function requireFile(filePath: string): void {
  if (!existsSync(filePath)) throw new UseCaseError('INVALID_INPUT', `No file at ${filePath}`);
}

/** Imports one file as a new source in the engine worker, so main's event loop stays free. */
export async function importSource(
  ctx: UseCaseContext,
  request: RequestOf<'import:import-file'>,
): Promise<ResultOf<'import:import-file'>> {
  const { taskId, format, ...options } = request;
  requireFile(request.filePath);
  const result = await runEngineTask(ctx, taskId, (api, progress, cancel) =>
    api.importFile(
      ctx.storeDir,
      { ...options, ...(format ? { format } : {}), actor: ctx.actor },
      progress,
      cancel,
    ),
  importProgressSteps());
  ctx.emit('recon:workspace-changed', { reason: 'source imported' });
  const { resumed: _resumed, ...summary } = result;
  return summary;
}

/** Runs in the engine worker too: sniffing and parsing even a file's head is not main's job. */
export function previewSourceFile(ctx: UseCaseContext, request: RequestOf<'import:preview-file'>): Promise<ResultOf<'import:preview-file'>> {
  return ctx.engine.call((api) => api.previewImport(request));
}

/** The whole file through the import's pipeline without storing a row, in the engine worker with progress and cancel. */
export function checkSourceFile(ctx: UseCaseContext, request: RequestOf<'import:check-file'>): Promise<ResultOf<'import:check-file'>> {
  const { taskId, kind: _kind, format, ...options } = request;
  requireFile(request.filePath);
  return runEngineTask(ctx, taskId, (api, progress, cancel) =>
    api.checkImport({ ...options, ...(format ? { format } : {}) }, progress, cancel),
  checkProgressSteps());
}
