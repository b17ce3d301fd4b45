import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { migration001 } from '../../../main/db/migrations/001_initial';
import { openWorkspace, StoreTooNewError, workspacePath } from '../../../main/db/openWorkspace';
import { useTempStores } from '../../helpers/tempStore';

const tempStore = useTempStores();

describe('migrations', () => {
  it('are numbered densely from 1', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('a new store gets the latest schema, WAL, synchronous=FULL and foreign keys', () => {
    const db = openWorkspace(tempStore());
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a store written by a newer app with a clear message', () => {
    const dir = tempStore();
    openWorkspace(dir).close();
    const raw = new Database(workspacePath(dir));
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openWorkspace(dir)).toThrow(StoreTooNewError);
    expect(() => openWorkspace(dir)).toThrow(/newer Recon Desk/);
  });

  it('reopening an up-to-date store is a no-op', () => {
    const dir = tempStore();
    openWorkspace(dir).close();
    const db = openWorkspace(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('a failing migration leaves the previous version intact', () => {
    const dir = tempStore();
    const broken = [migration001, { version: 2, name: 'broken', sql: 'CREATE TABLE x (a); CREATE TABLE x (a);' }];
    expect(() => openWorkspace(dir, { migrations: broken })).toThrow();
    const db = openWorkspace(dir, { migrations: [migration001] });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'x'").get()).toBeUndefined();
    db.close();
  });
});

describe('migration 001: initial domain schema', () => {
  it('creates every domain table', () => {
    const db = openWorkspace(tempStore());
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    for (const table of ['sources', 'records', 'rejected_rows', 'rule_sets', 'runs', 'matches', 'breaks', 'triage_events', 'audit_log']) {
      expect(tables).toContain(table);
    }
    db.close();
  });

  it('enforces foreign keys and the break class list', () => {
    const db = openWorkspace(tempStore());
    expect(() =>
      db.prepare("INSERT INTO records (source_id, line, amount_minor, currency, raw) VALUES (99, 2, 1, 'USD', '')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO rule_sets (name, version, body_json, created_at) VALUES ('r', 1, '{}', 0)").run();
    db.prepare(
      "INSERT INTO sources (name, kind, format, file_name, sha256, byte_size, status, created_at) VALUES ('s', 'ledger', 'csv', 'f', 'h', 0, 'complete', 0)",
    ).run();
    db.prepare(
      "INSERT INTO runs (rule_set_id, left_source_id, right_source_id, status, engine_version, started_at) VALUES (1, 1, 1, 'complete', 'x', 0)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO breaks (run_id, class, left_ids, right_ids, amount_minor, blast_radius, explanation_json) VALUES (1, 'nonsense', '', '', 0, 'low', '{}')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
