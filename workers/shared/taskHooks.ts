/** How a long engine task reports progress and learns it was cancelled, whichever thread runs it. */
export interface TaskHooks {
  onProgress?(done: number, total: number | null, phase: string): void;
  isCancelled?(): boolean;
}
