import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

/** The workspace file inside a store directory (the CLI's --store DIR). */
export const WORKSPACE_FILE_NAME = 'workspace.sqlite';

export function workspacePath(storeDir: string): string {
  return join(storeDir, WORKSPACE_FILE_NAME);
}

/** A per-source file in a folder beside the workspace file, or null for a store without a directory (`:memory:`). */
export function sourceFileBeside(db: Db, folder: string, sourceId: number, extension: string): string | null {
  if (db.memory || !db.name) return null;
  return join(dirname(db.name), folder, `source-${Number(sourceId)}.${extension}`);
}

export class StoreTooNewError extends Error {
  readonly code = 'STORE_TOO_NEW';
  constructor(found: number, supported: number) {
    super(
      `This workspace was written by a newer Recon Desk (schema ${found}); this version understands up to ${supported}. ` +
        'Upgrade Recon Desk to open it.',
    );
  }
}

export interface OpenOptions {
  /** Override the migration list (tests). */
  migrations?: readonly Migration[];
  readonly?: boolean;
  /** Path to an Electron-ABI better_sqlite3.node when running inside Electron. */
  nativeBinding?: string;
}

/** Opens (creating if needed) the workspace in storeDir and brings its schema up to date. */
export function openWorkspace(storeDir: string, options: OpenOptions = {}): Db {
  mkdirSync(storeDir, { recursive: true });
  return openDatabaseFile(workspacePath(storeDir), options);
}

export function openDatabaseFile(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    applyPragmas(db);
    migrate(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (current > latest) throw new StoreTooNewError(current, latest);
  for (const step of migrations) {
    if (step.version <= current) continue;
    // Each step and its version bump commit together, so a crash never leaves a half-migrated store.
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}

export { SCHEMA_VERSION };
