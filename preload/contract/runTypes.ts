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
