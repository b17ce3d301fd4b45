import { z } from 'zod';
import { loadDemoWorkspace } from '../../usecases/loadDemo';
import { getWorkspaceSummary } from '../../usecases/workspaceSummary';
import type { UseCaseContext } from '../../usecases/context';
import { UseCaseError } from '../../usecases/errors';
import { defineDomain, taskIdSchema } from './defineDomain';

async function chooseSavePath(ctx: UseCaseContext, request: { title: string; defaultPath: string }) {
  if (!ctx.chooseSavePath) throw new UseCaseError('INVALID_INPUT', 'No save dialog is available here; type the file path instead.');
  return { filePath: await ctx.chooseSavePath(request.title, request.defaultPath) };
}

export const workspaceDomain = defineDomain({
  'workspace:get-summary': {
    schema: z.strictObject({ auditLimit: z.number().int().min(0).max(500).optional() }),
    handler: getWorkspaceSummary,
  },
  'workspace:load-demo': {
    schema: z.strictObject({ taskId: taskIdSchema.optional() }),
    handler: loadDemoWorkspace,
  },
  'workspace:choose-save-path': {
    schema: z.strictObject({ title: z.string().min(1).max(200), defaultPath: z.string().max(4096) }),
    handler: chooseSavePath,
  },
});
