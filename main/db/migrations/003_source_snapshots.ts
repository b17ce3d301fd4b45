import type { Migration } from './types';

/**
 * Issue (matching speed): a complete source's records as a columnar snapshot, so a run reads a few
 * large BLOBs instead of a million rows. Records of a complete source never change, so a snapshot is a
 * cache of them, written by the matching worker (at import completion or on the first run) and
 * checked against the record count before use. `digest` is the engine's input digest over the columns.
 */
export const migration003: Migration = {
  version: 3,
  name: 'columnar source snapshots for matching',
  sql: `
CREATE TABLE source_snapshots (
  source_id INTEGER PRIMARY KEY REFERENCES sources (id),
  format INTEGER NOT NULL,
  record_count INTEGER NOT NULL,
  digest TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE source_snapshot_columns (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES source_snapshots (source_id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  data BLOB NOT NULL,
  UNIQUE (source_id, name)
);
`,
};
