import type { MatchDiff, MatchRow } from '../analystTypes';

export interface MatchesMethods {
  /** One page of a run's matched groups, newest manual matches and then by id. */
  'matches:query-matches': {
    request: { runId: number; offset: number; limit: number; manualOnly?: boolean; strategy?: string };
    result: { rows: MatchRow[]; total: number };
  };
  /** The side-by-side diff of one matched group. */
  'matches:get-diff': {
    request: { matchId: number };
    result: MatchDiff;
  };
  /**
   * Matches left and right records by hand (manual = 1) with a reason; the named breaks, and every
   * open or investigating break citing one of the records, become resolved with that reason (removing
   * the match reopens them). A resolved break's other record that the match leaves out (a former
   * counterpart) becomes a new missing_* break, unless a match or another open break holds it.
   * Refused when a record is already in a match of the run.
   */
  'matches:create-manual': {
    request: { runId: number; leftIds: number[]; rightIds: number[]; reason: string; breakIds?: number[] };
    result: { match: MatchRow; resolvedBreakIds: number[]; createdBreakIds: number[] };
  };
  /**
   * Removes a match with a reason (its full row goes into the audit entry); breaks a manual match
   * had resolved go back to open, and each freed record no break cites becomes a new break
   * (missing_right for a left record, missing_left for a right one) explaining who unmatched it and why.
   */
  'matches:remove-match': {
    request: { matchId: number; reason: string };
    result: { removedMatchId: number; reopenedBreakIds: number[]; createdBreakIds: number[] };
  };
}

export const MATCHES_METHODS = ['matches:query-matches', 'matches:get-diff', 'matches:create-manual', 'matches:remove-match'] as const;
