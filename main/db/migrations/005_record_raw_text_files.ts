import type { Migration } from './types';

/**
 * Issue (import speed): a large CSV import keeps its records' raw lines in a file per source beside the
 * workspace (workers/import/store/rawTextFile.ts); such a record has `raw` = '' and points into that
 * file. Records with `raw_length` NULL keep their raw text inline, as before.
 */
export const migration005: Migration = {
  version: 5,
  name: 'record raw text in per-source files',
  sql: `
ALTER TABLE records ADD COLUMN raw_offset INTEGER;
ALTER TABLE records ADD COLUMN raw_length INTEGER;
`,
};
