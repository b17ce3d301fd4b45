import { z } from 'zod';
import { loadDemoWorkspace } from '../../usecases/loadDemo';
import { getWorkspaceSummary } from '../../usecases/workspaceSummary';
import { defineDomain, taskIdSchema } from './defineDomain';

export const workspaceDomain = defineDomain({
  'workspace:get-summary': {
    schema: z.strictObject({ auditLimit: z.number().int().min(0).max(500).optional() }),
    handler: getWorkspaceSummary,
  },
  'workspace:load-demo': {
    schema: z.strictObject({ taskId: taskIdSchema.optional() }),
    handler: loadDemoWorkspace,
  },
});
