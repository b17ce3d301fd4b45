import type { BreakFilter, BreakSort, BreakSortKey } from '../../../preload/contract';
import { amountSql } from './amountFilterSql';

/** A WHERE clause over `breaks` (aliased b) with its positional parameters. */
export interface SqlFragment {
  sql: string;
  params: (string | number)[];
}

const SORT_COLUMN: Record<BreakSortKey, string> = {
  ts: 'b.ts_ms',
  amount: 'b.amount_minor',
  id: 'b.id',
  account: 'b.account',
  customer: 'b.customer',
};

function inList(column: string, values: readonly string[], params: (string | number)[]): string {
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}

/**
 * Turns free text into an FTS5 query: each word becomes a quoted prefix term and all must match.
 * Quoting makes every character literal, so user input can never change the query's structure.
 */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' AND ');
}

/** The words of a search, normalized as the index text is. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_.@-]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

function likePrefix(word: string): string {
  return `% ${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * How free text joins the other filters. 'match' materializes the ids the FTS index matches:
 * right for selective words (an id, a reference). 'scan' checks each row's indexed text while the
 * sort index is walked: right for common words, where a page fills after a few hundred rows.
 */
export type TextMode = 'match' | 'scan';

/** Every filter field as SQL; only parameters carry user values. */
export function breakWhere(filter: BreakFilter, textMode: TextMode = 'match', textIds?: readonly number[]): SqlFragment {
  const params: (string | number)[] = [filter.runId];
  // With the text hits in hand, the unary + stops SQLite from walking the run's whole index and
  // checking each row against the hits; it looks the few hits up by id instead.
  const clauses = [textIds ? '+b.run_id = ?' : 'b.run_id = ?'];
  if (filter.classes?.length) clauses.push(inList('b.effective_class', filter.classes, params));
  if (filter.states?.length) clauses.push(inList('b.triage_state', filter.states, params));
  if (filter.blastRadius?.length) clauses.push(inList('b.blast_radius', filter.blastRadius, params));
  if (filter.account) {
    clauses.push('b.account = ?');
    params.push(filter.account);
  }
  if (filter.customer) {
    clauses.push('b.customer = ?');
    params.push(filter.customer);
  }
  if (filter.assignee !== undefined) {
    if (filter.assignee === '') clauses.push('b.assignee IS NULL');
    else {
      clauses.push('b.assignee = ?');
      params.push(filter.assignee);
    }
  }
  if (filter.currency) {
    clauses.push('b.currency = ?');
    params.push(filter.currency);
  }
  const amount = amountSql(filter);
  clauses.push(...amount.clauses);
  params.push(...amount.params);
  if (filter.fromMs !== undefined) {
    clauses.push('b.ts_ms >= ?');
    params.push(filter.fromMs);
  }
  if (filter.toMs !== undefined) {
    clauses.push('b.ts_ms < ?');
    params.push(filter.toMs);
  }
  const match = filter.text ? ftsQuery(filter.text) : null;
  if (match && textIds) {
    // The planner already ran the text query and kept its few hits: reuse them, do not match twice.
    clauses.push('b.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(textIds));
  } else if (match && textMode === 'match') {
    clauses.push('b.id IN (SELECT rowid FROM breaks_fts WHERE breaks_fts MATCH ?)');
    params.push(match);
  } else if (match) {
    const words = searchWords(filter.text!);
    clauses.push(
      `EXISTS (SELECT 1 FROM breaks_fts f WHERE f.rowid = b.id AND ${words.map(() => "' ' || f.search_text LIKE ? ESCAPE '\\'").join(' AND ')})`,
    );
    params.push(...words.map(likePrefix));
  }
  return { sql: clauses.join(' AND '), params };
}

/**
 * ORDER BY with id as the tie-breaker, so OFFSET pages are stable and disjoint. With
 * `walkSortIndex` false the columns get a unary +, which stops SQLite from walking the sort index
 * and makes it drive the query from the filter's index and sort the few matching rows instead.
 */
export function breakOrderBy(sort: BreakSort, walkSortIndex = true): string {
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const plus = walkSortIndex ? '' : '+';
  const column = SORT_COLUMN[sort.key];
  return column === 'b.id' ? `${plus}b.id ${direction}` : `${plus}${column} ${direction}, ${plus}b.id ${direction}`;
}
