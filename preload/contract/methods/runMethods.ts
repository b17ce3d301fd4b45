import type { SourceKind } from '../domain';
import type { RunPreview, RunResult, StoredRuleSet } from '../runTypes';

export interface RunMethods {
  /** The default rule set for two source kinds, as editable JSON. */
  'rules:get-defaults': {
    request: { leftKind: SourceKind; rightKind: SourceKind };
    result: { rules: unknown };
  };
  /**
   * The workspace's stored rule sets, newest first; read-only. With both source ids, also the rule set
   * of that pair's latest complete run, to start a new run of the pair from.
   */
  'rules:list-rule-sets': {
    request: { leftSourceId?: number; rightSourceId?: number };
    result: { ruleSets: StoredRuleSet[]; latestForPair: { runId: number; ruleSetId: number } | null };
  };
  /** Validates a rule set; errors name the path and what was expected. */
  'rules:validate-rules': {
    request: { rules: unknown };
    result: { ok: boolean; errors: string[] };
  };
  /** Matches a sample of both sources without saving anything, to preview the match rate. */
  'runs:preview-run': {
    request: { leftSourceId: number; rightSourceId: number; rules?: unknown; sampleSize?: number };
    result: RunPreview;
  };
  /** Reconciles two sources and persists matches and classified breaks; progress and cancel by taskId. */
  'runs:start-run': {
    request: { leftSourceId: number; rightSourceId: number; rules?: unknown; taskId?: string };
    result: RunResult;
  };
  /** Writes a run's matches or breaks to CSV (columns as the CLI's `recon export`); an existing file is replaced only with `overwrite`. */
  'runs:export-results': {
    request: { runId: number; what: 'matches' | 'breaks'; outPath: string; overwrite?: boolean; taskId?: string };
    result: { path: string; rows: number };
  };
}

export const RUN_METHODS = [
  'rules:get-defaults',
  'rules:list-rule-sets',
  'rules:validate-rules',
  'runs:preview-run',
  'runs:start-run',
  'runs:export-results',
] as const;
