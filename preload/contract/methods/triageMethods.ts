import type { TriageActionView, TriageChange, TriageEventView, TriageTarget } from '../analystTypes';

export interface TriageMethods {
  /**
   * Applies one triage change (state, assignee, class override with reason, note) to a selection or
   * to every break a filter matches, as one undoable action: one triage event per break and one
   * audit entry, in one transaction. State moves follow open → investigating → resolved | accepted
   * (and back to open to reopen); a break that cannot make the move is reported, not changed.
   */
  'triage:update-breaks': {
    request: { runId: number; target: TriageTarget; change: TriageChange };
    result: { action: TriageActionView; affected: number; skipped: number };
  };
  /**
   * Undoes the newest action not yet undone (or the named one, which must be that newest action),
   * restoring each break's previous state, assignee and class; the undo is an audited action itself.
   */
  'triage:undo-action': {
    request: { runId: number; actionId?: number };
    result: { undone: TriageActionView; action: TriageActionView; restored: number };
  };
  /** The triage history of one break, oldest first. */
  'triage:get-history': {
    request: { breakId: number };
    result: { events: TriageEventView[] };
  };
  /** Recent triage actions of a run, newest first (what undo would revert comes first). */
  'triage:list-actions': {
    request: { runId: number; limit?: number };
    result: { actions: TriageActionView[] };
  };
}

export const TRIAGE_METHODS = ['triage:update-breaks', 'triage:undo-action', 'triage:get-history', 'triage:list-actions'] as const;
