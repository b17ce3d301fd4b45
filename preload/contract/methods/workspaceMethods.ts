import type { AuditEntryView, RunSummary, SourceSummary } from '../domain';

export interface WorkspaceMethods {
  /** Sources, runs and the most recent audit entries, for the Workspace page. */
  'workspace:get-summary': {
    request: { auditLimit?: number };
    result: {
      storePath: string;
      sources: SourceSummary[];
      runs: RunSummary[];
      recentAudit: AuditEntryView[];
      auditTotal: number;
    };
  };
  /** Generates a small ledger, processor and bank file set with known breaks of every class, imports and reconciles it. */
  'workspace:load-demo': {
    request: { taskId?: string };
    result: { sourceIds: number[]; runIds: number[]; directory: string };
  };
  /**
   * Opens the native save dialog for a CSV file (it asks before replacing one); null when the user
   * cancels. Where there is no window (harness, CLI) it fails with a message to type the path instead.
   */
  'workspace:choose-save-path': {
    request: { title: string; defaultPath: string };
    result: { filePath: string | null };
  };
}

export const WORKSPACE_METHODS = ['workspace:get-summary', 'workspace:load-demo', 'workspace:choose-save-path'] as const;
