import type { Migration } from './types';

/**
 * Issue (matching speed): each run's engine matches also as one row of typed-array BLOBs (record ids
 * and per-match offsets, little-endian: Float64 ids, Int32 offsets), so the next run of the same pair
 * compares against it (impact: gained / lost / changed) without reading a million `matches` rows.
 * `matches` stays the record of truth: a manual match or unmatch of the run (any insert of a manual
 * row, any delete or id change) drops the run's list through the triggers, and readers fall back to
 * `matches` when the list is absent.
 */
export const migration004: Migration = {
  version: 4,
  name: 'per-run match lists for impact',
  sql: `
CREATE TABLE run_match_lists (
  run_id INTEGER PRIMARY KEY REFERENCES runs (id),
  match_count INTEGER NOT NULL,
  left_offsets BLOB NOT NULL,
  left_ids BLOB NOT NULL,
  right_offsets BLOB NOT NULL,
  right_ids BLOB NOT NULL
);
CREATE TRIGGER run_match_lists_manual_insert AFTER INSERT ON matches WHEN NEW.manual <> 0
BEGIN
  DELETE FROM run_match_lists WHERE run_id = NEW.run_id;
END;
CREATE TRIGGER run_match_lists_delete AFTER DELETE ON matches
BEGIN
  DELETE FROM run_match_lists WHERE run_id = OLD.run_id;
END;
CREATE TRIGGER run_match_lists_update AFTER UPDATE OF run_id, left_ids, right_ids ON matches
BEGIN
  DELETE FROM run_match_lists WHERE run_id IN (OLD.run_id, NEW.run_id);
END;
`,
};
