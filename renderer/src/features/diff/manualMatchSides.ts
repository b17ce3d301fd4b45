import type { BreakDiff, CitedRecord } from '../../../../preload/contract';

/**
 * Which records a "match with this candidate" pairs: the break's records on their side and the
 * candidate on the side its source belongs to. Null when the candidate's side already holds the
 * break's records (nothing to pair it with).
 */
export function manualMatchSides(diff: BreakDiff, candidate: CitedRecord): { left: CitedRecord[]; right: CitedRecord[] } | null {
  const candidateIsLeft = candidate.sourceName === diff.leftSourceName && candidate.sourceName !== diff.rightSourceName
    ? true
    : candidate.sourceName === diff.rightSourceName && candidate.sourceName !== diff.leftSourceName
      ? false
      : diff.left.length === 0;
  if (candidateIsLeft) return diff.right.length ? { left: [candidate], right: diff.right } : null;
  return diff.left.length ? { left: diff.left, right: [candidate] } : null;
}
