import type { Migration } from './types';

/**
 * Which process is running a run ("host:pid"), so a run whose process ended mid-way (a crash, the app
 * killed) can be told from one still going in another process and closed as failed instead of showing
 * "running" forever. NULL for runs that finished before this column existed.
 */
export const migration009: Migration = {
  version: 9,
  name: 'run owner process',
  sql: `ALTER TABLE runs ADD COLUMN owner TEXT;`,
};
