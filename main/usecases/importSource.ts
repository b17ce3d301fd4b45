import type { RequestOf, ResultOf } from '../../preload/contract';
import type { UseCaseContext } from './context';
import { UseCaseError } from './errors';
import { runEngineTask } from './runEngineTask';

/** Named in the contract (and the CLI) so the request is understood, but not read yet: say so, never guess. */
function refuseSpreadsheets(format: string | undefined): void {
  if (format === 'xlsx') {
    throw new UseCaseError('INVALID_INPUT', 'format xlsx: spreadsheets are not imported directly yet; open the workbook, save the sheet as CSV (UTF-8) and import that file');
  }
}

/** Imports one file as a new source in the engine worker, so main's event loop stays free. */
export async function importSource(
  ctx: UseCaseContext,
  request: RequestOf<'import:import-file'>,
): Promise<ResultOf<'import:import-file'>> {
  const { taskId, format, ...options } = request;
  refuseSpreadsheets(format);
  const result = await runEngineTask(ctx, taskId, (api, progress, cancel) =>
    api.importFile(
      ctx.storeDir,
      { ...options, ...(format ? { format: format as Exclude<typeof format, 'xlsx'> } : {}), actor: ctx.actor },
      progress,
      cancel,
    ),
  );
  ctx.emit('recon:workspace-changed', { reason: 'source imported' });
  const { resumed: _resumed, ...summary } = result;
  return summary;
}

/** Runs in the engine worker too: sniffing and parsing even a file's head is not main's job. */
export async function previewSourceFile(ctx: UseCaseContext, request: RequestOf<'import:preview-file'>): Promise<ResultOf<'import:preview-file'>> {
  refuseSpreadsheets(request.format);
  return ctx.engine.call((api) => api.previewImport(request));
}
