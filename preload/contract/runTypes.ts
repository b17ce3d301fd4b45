export interface RunResult {
  runId: number;
  fingerprint: string;
  counts: Record<string, number>;
  amountAtRiskMinor: Record<string, number>;
  ambiguous: number;
  durationMs: number;
  /** Against the previous run of the same two sources, when there is one. */
  impact?: { previousRunId: number; gained: number; lost: number; changed: number };
}

export interface RunPreview {
  sampled: { left: number; right: number };
  matchRate: number;
  counts: Record<string, number>;
}

/** A rule set stored in the workspace (every run saves the one it used, versioned by name). */
export interface StoredRuleSet {
  id: number;
  name: string;
  version: number;
  /** The rule set JSON as the engine validated it. */
  rules: unknown;
  createdAtMs: number;
  /** The newest run that used it, any status; null when none did. */
  lastRunId: number | null;
}
