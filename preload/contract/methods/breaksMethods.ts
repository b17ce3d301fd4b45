import type { BreakDiff, BreakFilter, BreakRow, BreakSort } from '../analystTypes';

export interface BreaksMethods {
  /**
   * One page of breaks for a filter and sort, sorted and filtered in SQL. Ties break on id, so
   * pages never overlap. The first free-text search of a run builds its search index once.
   */
  'breaks:query-breaks': {
    request: { filter: BreakFilter; sort: BreakSort; offset: number; limit: number };
    result: { rows: BreakRow[]; offset: number };
  };
  /**
   * How many breaks a filter matches, counting at most `cap` (default 100,000) so that a count
   * never costs more than a page; `capped` says the true count is larger.
   */
  'breaks:count-breaks': {
    request: { filter: BreakFilter; cap?: number };
    result: { count: number; capped: boolean };
  };
  /** The side-by-side diff of one break: records, raw rows with file and line, explanation, candidates, history. */
  'breaks:get-diff': {
    request: { breakId: number };
    result: BreakDiff;
  };
  /**
   * Writes every break matching the filter, in the sort order, as CSV to `outputPath` (the app
   * asks for it with a save dialog). Only .csv names; an existing file is replaced only with
   * `overwrite: true`. Audited with the filter and the file's SHA-256.
   */
  'breaks:export-csv': {
    request: { filter: BreakFilter; sort: BreakSort; outputPath: string; columns?: string[]; overwrite?: boolean };
    result: { path: string; rows: number; sha256: string };
  };
}

export const BREAKS_METHODS = ['breaks:query-breaks', 'breaks:count-breaks', 'breaks:get-diff', 'breaks:export-csv'] as const;
