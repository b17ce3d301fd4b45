export interface TaskMethods {
  /** Cancels a long task started with this taskId; false when no such task is running. */
  'task:cancel-task': {
    request: { taskId: string };
    result: { cancelled: boolean };
  };
}

export const TASK_METHODS = ['task:cancel-task'] as const;
