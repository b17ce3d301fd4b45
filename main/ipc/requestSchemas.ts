import { z } from 'zod';
import type { MethodName } from '../../preload/contract';

const taskId = z.string().min(1).max(100).regex(/^[\w.:-]+$/, 'letters, digits, _ . : - only');

/** Every request crossing IPC (or the CLI) is checked against these before a use case sees it. */
export const REQUEST_SCHEMAS = {
  'workspace:get-summary': z.strictObject({ auditLimit: z.number().int().min(0).max(500).optional() }),
  'workspace:load-demo': z.strictObject({ taskId: taskId.optional() }),
  'audit:list-entries': z.strictObject({
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(1000),
  }),
  'audit:verify-chain': z.strictObject({}),
  'task:cancel-task': z.strictObject({ taskId }),
} satisfies Record<MethodName, z.ZodType>;
