import type { RunDashboard } from '../analystTypes';

export interface RunsViewMethods {
  /**
   * Everything the run dashboard shows for one run: matched %, counts and money at risk per class,
   * blast radius and triage state, breaks over time, top accounts and customers, each source's data
   * frontier and lag, and the change against the previous run when there is one.
   */
  'runs:get-dashboard': {
    request: { runId: number; bucket?: 'hour' | 'day' | 'auto'; topN?: number };
    result: RunDashboard;
  };
}

export const RUNS_VIEW_METHODS = ['runs:get-dashboard'] as const;
