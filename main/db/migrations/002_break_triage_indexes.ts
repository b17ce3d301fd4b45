import type { Migration } from './types';

/**
 * Issue 5: the breaks table must page, sort and filter in well under 100 ms at a million breaks.
 * Every page query runs inside one run, so each index leads with run_id and ends with the sort
 * column(s) a filter is usually combined with. The effective class (override first) is a virtual
 * generated column so that filtering on it can use an index without the engine writing it.
 * Free text goes through an FTS5 table keyed by break id; it is filled lazily per run
 * (breaks_fts_state), so the engine's bulk insert of breaks pays nothing for search.
 * Triage actions are their own table so that undo can find "the last action" and every break it
 * touched (triage_events.action_id) without scanning the events.
 */
export const migration002: Migration = {
  version: 2,
  name: 'break triage indexes, search and undoable triage actions',
  sql: `
ALTER TABLE breaks ADD COLUMN effective_class TEXT GENERATED ALWAYS AS (COALESCE(class_override, class)) VIRTUAL;
CREATE INDEX breaks_by_run_ts ON breaks (run_id, ts_ms, id);
CREATE INDEX breaks_by_run_amount ON breaks (run_id, amount_minor, id);
CREATE INDEX breaks_by_run_effective_class ON breaks (run_id, effective_class, ts_ms);
CREATE INDEX breaks_by_run_state ON breaks (run_id, triage_state, ts_ms);
CREATE INDEX breaks_by_run_account ON breaks (run_id, account, ts_ms);
CREATE INDEX breaks_by_run_customer ON breaks (run_id, customer, ts_ms);
-- partial: the engine writes breaks unassigned, so its inserts never touch this index
CREATE INDEX breaks_by_run_assignee ON breaks (run_id, assignee) WHERE assignee IS NOT NULL;
-- covers the dashboard's one GROUP BY (class, radius, state, currency → count, money): index only, no sort
CREATE INDEX breaks_by_run_rollup ON breaks (run_id, effective_class, blast_radius, triage_state, currency, amount_minor);

-- Keeps its text (not contentless) so a common word can be checked row by row while the sort
-- index is walked, instead of materializing a million matching ids first.
CREATE VIRTUAL TABLE breaks_fts USING fts5 (search_text, tokenize = "unicode61 tokenchars '_-.@'");
CREATE TABLE breaks_fts_state (
  run_id INTEGER PRIMARY KEY REFERENCES runs (id),
  -- breaks with id <= this are in breaks_fts
  indexed_to_id INTEGER NOT NULL,
  complete INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE triage_actions (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id),
  actor TEXT NOT NULL,
  ts INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('update', 'undo')),
  change_json TEXT NOT NULL,
  target_json TEXT NOT NULL,
  affected INTEGER NOT NULL,
  undoes_action_id INTEGER REFERENCES triage_actions (id),
  undone_by_action_id INTEGER REFERENCES triage_actions (id)
);
CREATE INDEX triage_actions_by_run ON triage_actions (run_id, id);
ALTER TABLE triage_events ADD COLUMN action_id INTEGER REFERENCES triage_actions (id);
CREATE INDEX triage_events_by_action ON triage_events (action_id);

ALTER TABLE matches ADD COLUMN note TEXT;
ALTER TABLE matches ADD COLUMN created_by TEXT;
ALTER TABLE matches ADD COLUMN created_at INTEGER;
-- break ids a manual match resolved, ';'-joined, so removing the match can reopen them
ALTER TABLE matches ADD COLUMN resolved_break_ids TEXT;
`,
};
