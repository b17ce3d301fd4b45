import { createCancelFlag, requestCancel, type CancelFlag } from '../../workers/engine/cancellation';

/** Long tasks by their client-chosen id, so `task:cancel-task` can reach the engine's cancel flag. */
export class TaskRegistry {
  private readonly flags = new Map<string, CancelFlag>();

  begin(taskId: string): CancelFlag {
    const flag = createCancelFlag();
    this.flags.set(taskId, flag);
    return flag;
  }

  end(taskId: string): void {
    this.flags.delete(taskId);
  }

  cancel(taskId: string): boolean {
    const flag = this.flags.get(taskId);
    if (!flag) return false;
    requestCancel(flag);
    return true;
  }
}
