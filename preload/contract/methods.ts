import type {
  AuditEntryView,
  ChainVerification,
  RunSummary,
  SourceSummary,
} from './domain';

/**
 * THE contract: every method the renderer may invoke, `domain:verb-noun` → request → result.
 * One request object in, one result out. main implements each one; the registry test enforces it.
 */
export interface ReconMethods {
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
  /** Generates a small ledger, processor and bank file set with known breaks of every class and imports it. */
  'workspace:load-demo': {
    request: { taskId?: string };
    result: { sourceIds: number[]; directory: string };
  };
  /** One page of the audit log, newest first. */
  'audit:list-entries': {
    request: { offset: number; limit: number };
    result: { entries: AuditEntryView[]; total: number };
  };
  /** Re-verifies the whole hash chain and names the first bad entry. */
  'audit:verify-chain': {
    request: Record<string, never>;
    result: ChainVerification;
  };
  /** Cancels a long task started with this taskId; false when no such task is running. */
  'task:cancel-task': {
    request: { taskId: string };
    result: { cancelled: boolean };
  };
}

export type MethodName = keyof ReconMethods;
export type RequestOf<M extends MethodName> = ReconMethods[M]['request'];
export type ResultOf<M extends MethodName> = ReconMethods[M]['result'];

/** Runtime list of the methods, kept in step with ReconMethods by the type below. */
export const METHOD_NAMES = [
  'workspace:get-summary',
  'workspace:load-demo',
  'audit:list-entries',
  'audit:verify-chain',
  'task:cancel-task',
] as const satisfies readonly MethodName[];

type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
// Fails to compile when a method is added to ReconMethods but not listed above.
export const METHOD_LIST_IS_COMPLETE: Missing extends never ? true : Missing = true;
