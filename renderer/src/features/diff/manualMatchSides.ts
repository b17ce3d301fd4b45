import type { BreakDiff, CitedRecord } from '../../../../preload/contract';

/**
 * Which records a "match with this candidate" pairs: the break's records on their side and the
 * candidate on the side its source belongs to. Null when the candidate's side already holds the
 * break's records (nothing to pair it with).
 */
export function manualMatchSides(diff: BreakDiff, candidate: CitedRecord): { leftIds: number[]; rightIds: number[] } | null {
  const candidateIsLeft = candidate.sourceName === diff.leftSourceName && candidate.sourceName !== diff.rightSourceName
    ? true
    : candidate.sourceName === diff.rightSourceName && candidate.sourceName !== diff.leftSourceName
      ? false
      : diff.left.length === 0;
  if (candidateIsLeft) return diff.right.length ? { leftIds: [candidate.id], rightIds: diff.right.map((r) => r.id) } : null;
  return diff.left.length ? { leftIds: diff.left.map((r) => r.id), rightIds: [candidate.id] } : null;
}
