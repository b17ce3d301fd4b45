import type { Migration } from './types';

/**
 * Issue (matching speed): a snapshot's columns may live in a file beside the workspace (see
 * workers/matching/snapshotFile.ts); the head row then records the file's size and CRC-32, and has no
 * column rows. NULL = the columns are rows of source_snapshot_columns (stores without a directory).
 */
export const migration008: Migration = {
  version: 8,
  name: 'source snapshot columns in a file',
  sql: `
ALTER TABLE source_snapshots ADD COLUMN file_bytes INTEGER;
ALTER TABLE source_snapshots ADD COLUMN file_crc INTEGER;
`,
};
