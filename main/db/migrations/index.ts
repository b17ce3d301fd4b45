import { migration001 } from './001_initial';
import { migration002 } from './002_break_triage_indexes';
import { migration003 } from './003_source_snapshots';
import { migration004 } from './004_run_match_lists';
import { migration005 } from './005_record_raw_text_files';
import { migration006 } from './006_match_list_insert_trigger';
import { migration007 } from './007_matches_browse_index';
import { migration008 } from './008_snapshot_files';
import { migration009 } from './009_run_owner';
import type { Migration } from './types';

/** In order; each version exactly one more than the last. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
