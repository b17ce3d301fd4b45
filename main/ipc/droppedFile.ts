import type { UseCaseContext } from '../usecases/context';

/** Checks what the preload says was dropped and passes it on to the renderer; anything else is ignored. */
export function announceDroppedFile(ctx: Pick<UseCaseContext, 'emit'>, path: unknown): boolean {
  if (typeof path !== 'string' || path.length === 0 || path.length > 4096 || path.includes('\0')) return false;
  ctx.emit('recon:file-dropped', { filePath: path });
  return true;
}
