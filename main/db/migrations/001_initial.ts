import type { Migration } from './types';

/** The whole domain of DESIGN.md §2; later features add columns and tables, never repaint these. */
export const migration001: Migration = {
  version: 1,
  name: 'initial domain schema',
  sql: `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('ledger', 'processor', 'bank')),
  format TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  byte_size INTEGER NOT NULL,
  encoding TEXT,
  mapping_json TEXT NOT NULL DEFAULT '{}',
  timezone TEXT NOT NULL DEFAULT 'UTC',
  status TEXT NOT NULL CHECK (status IN ('importing', 'complete', 'failed', 'cancelled')),
  rows_total INTEGER NOT NULL DEFAULT 0,
  rows_imported INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  -- progress marker: the input is committed up to here (byte offset or row count, format-specific)
  resume_marker INTEGER NOT NULL DEFAULT 0,
  frontier_ms INTEGER,
  warnings_json TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  completed_at INTEGER
);
CREATE INDEX sources_by_sha256 ON sources (sha256);

CREATE TABLE records (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources (id),
  line INTEGER NOT NULL,
  external_id TEXT,
  reference TEXT,
  account TEXT,
  customer TEXT,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  ts_ms INTEGER,
  status TEXT,
  sequence INTEGER,
  fee_minor INTEGER,
  description TEXT,
  raw TEXT NOT NULL
);
CREATE INDEX records_by_source_line ON records (source_id, line);

CREATE TABLE rejected_rows (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources (id),
  line INTEGER NOT NULL,
  column_name TEXT,
  raw TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX rejected_rows_by_source ON rejected_rows (source_id, line);

CREATE TABLE rule_sets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  body_json TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (name, version)
);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  rule_set_id INTEGER NOT NULL REFERENCES rule_sets (id),
  left_source_id INTEGER NOT NULL REFERENCES sources (id),
  right_source_id INTEGER NOT NULL REFERENCES sources (id),
  previous_run_id INTEGER REFERENCES runs (id),
  status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed', 'cancelled')),
  engine_version TEXT NOT NULL,
  fingerprint TEXT,
  counts_json TEXT NOT NULL DEFAULT '{}',
  summary_json TEXT NOT NULL DEFAULT '{}',
  started_at INTEGER NOT NULL,
  finished_at INTEGER
);

CREATE TABLE matches (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id),
  strategy TEXT NOT NULL,
  score REAL NOT NULL,
  -- record ids joined by ';' (1:1 is the common case; groups for 1:N and N:1)
  left_ids TEXT NOT NULL,
  right_ids TEXT NOT NULL,
  amount_delta_minor INTEGER NOT NULL,
  time_delta_ms INTEGER,
  manual INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX matches_by_run ON matches (run_id);

CREATE TABLE breaks (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id),
  class TEXT NOT NULL CHECK (class IN ('missing_left', 'missing_right', 'duplicate', 'delay', 'out_of_order',
    'amount_mismatch', 'currency_mismatch', 'status_mismatch')),
  left_ids TEXT NOT NULL,
  right_ids TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  currency TEXT,
  account TEXT,
  customer TEXT,
  ts_ms INTEGER,
  blast_radius TEXT NOT NULL CHECK (blast_radius IN ('low', 'medium', 'high')),
  explanation_json TEXT NOT NULL,
  triage_state TEXT NOT NULL DEFAULT 'open' CHECK (triage_state IN ('open', 'investigating', 'resolved', 'accepted')),
  assignee TEXT,
  class_override TEXT,
  updated_at INTEGER
);
CREATE INDEX breaks_by_run ON breaks (run_id, class);

CREATE TABLE triage_events (
  id INTEGER PRIMARY KEY,
  break_id INTEGER NOT NULL REFERENCES breaks (id),
  actor TEXT NOT NULL,
  ts INTEGER NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  note TEXT,
  payload_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX triage_events_by_break ON triage_events (break_id);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  ts INTEGER NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  entry_hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
};
