import { z } from 'zod';
import { getRunDashboard } from '../../usecases/analyst/runDashboard';
import { idSchema } from './analystSchemas';
import { defineDomain } from './defineDomain';

export const runsViewDomain = defineDomain({
  'runs:get-dashboard': {
    schema: z.strictObject({
      runId: idSchema,
      bucket: z.enum(['hour', 'day', 'auto']).optional(),
      topN: z.number().int().min(1).max(50).optional(),
    }),
    handler: getRunDashboard,
  },
});
