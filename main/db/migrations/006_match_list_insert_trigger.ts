import type { Migration } from './types';

/**
 * Issue (matching speed): migration 004's AFTER INSERT trigger on `matches` was evaluated for each of a
 * run's million engine rows (about 15% of inserting them) to catch the rare manual insert. A manual
 * match now drops the run's list itself (insertManualMatch), and readMatchList refuses a list whose count
 * no longer fits the run's rows in any case. The delete and update triggers stay.
 */
export const migration006: Migration = {
  version: 6,
  name: 'manual matches drop the run match list in code',
  sql: `
DROP TRIGGER IF EXISTS run_match_lists_manual_insert;
`,
};
