/** Plain data shapes shared by main, preload and renderer. Money is always integer minor units. */

export type SourceKind = 'ledger' | 'processor' | 'bank';
export const SOURCE_KINDS: readonly SourceKind[] = ['ledger', 'processor', 'bank'];

export type SourceStatus = 'importing' | 'complete' | 'failed' | 'cancelled';

export interface SourceSummary {
  id: number;
  name: string;
  kind: SourceKind;
  format: string;
  fileName: string;
  sha256: string;
  status: SourceStatus;
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  /** Latest record timestamp seen, UTC ms; null when the source has no timestamps. */
  frontierMs: number | null;
  warnings: string[];
  createdAtMs: number;
}

export type RunStatus = 'running' | 'complete' | 'failed' | 'cancelled';

export interface RunSummary {
  id: number;
  leftSourceId: number;
  rightSourceId: number;
  ruleSetName: string;
  status: RunStatus;
  fingerprint: string | null;
  counts: Record<string, number>;
  startedAtMs: number;
  finishedAtMs: number | null;
}

export interface AuditEntryView {
  seq: number;
  tsMs: number;
  actor: string;
  kind: string;
  /** The canonical JSON body exactly as hashed. */
  body: string;
  entryHash: string;
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  /** First entry whose hash or link does not verify; absent when ok. */
  firstBadSeq?: number;
  reason?: string;
}

export interface ProgressEvent {
  taskId: string;
  phase: string;
  done: number;
  /** Null when the total is not known yet. */
  total: number | null;
  message?: string;
  /** For a task of several steps (a run): the current one, 1-based, of how many; it never goes back. */
  step?: { index: number; count: number };
}
