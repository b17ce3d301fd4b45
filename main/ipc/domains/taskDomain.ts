import { z } from 'zod';
import { cancelTask } from '../../usecases/auditUseCases';
import { defineDomain, taskIdSchema } from './defineDomain';

export const taskDomain = defineDomain({
  'task:cancel-task': {
    schema: z.strictObject({ taskId: taskIdSchema }),
    handler: cancelTask,
  },
});
