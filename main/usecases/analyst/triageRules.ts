import type { BreakClass, TriageChange, TriageState } from '../../../preload/contract';

/**
 * The triage workflow of DESIGN.md §2: open → investigating → resolved | accepted. Any state may go
 * back to open (reopen); staying in the same state is allowed so that assignee, class or note can
 * change on their own.
 */
const NEXT: Record<TriageState, readonly TriageState[]> = {
  open: ['open', 'investigating'],
  investigating: ['investigating', 'resolved', 'accepted', 'open'],
  resolved: ['resolved', 'open'],
  accepted: ['accepted', 'open'],
};

export function canMove(from: TriageState, to: TriageState): boolean {
  return NEXT[from].includes(to);
}

/** What a break looks like for triage; the before/after of every event. */
export interface TriageSnapshot {
  state: TriageState;
  assignee: string | null;
  classOverride: BreakClass | null;
}

/** One line for lists and the audit trail, e.g. "state → investigating, assignee → ana". */
export function describeChange(change: TriageChange): string {
  const parts: string[] = [];
  if (change.state) parts.push(`state → ${change.state}`);
  if (change.assignee !== undefined) parts.push(change.assignee === null ? 'unassigned' : `assignee → ${change.assignee}`);
  if (change.classOverride) {
    parts.push(
      change.classOverride.breakClass === null
        ? `class override cleared (${change.classOverride.reason})`
        : `class → ${change.classOverride.breakClass} (${change.classOverride.reason})`,
    );
  }
  if (change.note) parts.push('note');
  return parts.join(', ') || 'no change';
}
