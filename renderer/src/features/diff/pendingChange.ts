import type { CitedRecord } from '../../../../preload/contract';

/** A manual match or unmatch waiting for its reason (and, for a match, a look at both sides). */
export type PendingChange =
  | { kind: 'match'; left: CitedRecord[]; right: CitedRecord[]; breakIds: number[]; leftLabel: string; rightLabel: string }
  | { kind: 'unmatch'; matchId: number };
