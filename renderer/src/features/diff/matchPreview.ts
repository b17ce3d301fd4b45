import type { CitedRecord } from '../../../../preload/contract';

export interface MatchPreview {
  /** right − left in minor units; null when the sides hold more than one currency between them. */
  amountDeltaMinor: number | null;
  currency: string | null;
  currencies: string[];
  /** Earliest right − earliest left; null when a side has no time. */
  timeDeltaMs: number | null;
}

function earliest(records: readonly CitedRecord[]): number | null {
  const times = records.map((r) => r.tsMs).filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}

/** The deltas a manual match would carry, as main computes them, so they can be confirmed first. */
export function matchPreview(left: readonly CitedRecord[], right: readonly CitedRecord[]): MatchPreview {
  const currencies = [...new Set([...left, ...right].map((r) => r.currency))];
  const sum = (records: readonly CitedRecord[]) => records.reduce((a, r) => a + r.amountMinor, 0);
  const lt = earliest(left);
  const rt = earliest(right);
  return {
    amountDeltaMinor: currencies.length === 1 ? sum(right) - sum(left) : null,
    currency: currencies.length === 1 ? currencies[0]! : null,
    currencies,
    timeDeltaMs: lt !== null && rt !== null ? rt - lt : null,
  };
}
