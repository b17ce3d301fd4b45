import type { Migration } from './types';

/**
 * The matches browser lists a run's matches manual first, then by id (matchesQueries.queryMatches); with
 * only `matches (run_id)` SQLite sorted all of a run's matches for every page (250 ms on main at a million).
 * This index serves the filter and the order, and the manual matches of a run alone, and replaces the old
 * one, so persisting a run maintains one index as before.
 */
export const migration007: Migration = {
  version: 7,
  name: 'matches index in browse order',
  sql: `
DROP INDEX IF EXISTS matches_by_run;
CREATE INDEX matches_by_run_manual ON matches (run_id, manual DESC, id);
`,
};
