import type Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { expandStoredSummary, type JsonObject } from '../../main/db/queries/explanationJson';

type Db = Database.Database;

export const MATCHES_CSV_HEADER = 'left_ids,right_ids,strategy,amount_delta_minor,time_delta_ms';
export const BREAKS_CSV_HEADER = 'class,left_ids,right_ids,amount_minor,currency,blast_radius,explanation';

/** RFC 4180 quoting: quote when the field holds a comma, quote, CR/LF or edge spaces; double quotes inside. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Record id → its citation: its external id, or `#LINE` when it has none. */
function citations(db: Db, sourceIds: number[]): Map<number, string> {
  const out = new Map<number, string>();
  const query = db.prepare('SELECT id, external_id, line FROM records WHERE source_id = ?').raw(true);
  for (const sourceId of sourceIds) {
    for (const [id, externalId, line] of query.iterate(sourceId) as IterableIterator<[number, string | null, number]>) {
      out.set(id, externalId !== null && externalId !== '' ? externalId : `#${line}`);
    }
  }
  return out;
}

/**
 * Writes a run's matches or breaks as CSV (columns above). Ids are the records' own external ids,
 * several joined by ';'. Returns the number of data rows written.
 */
export function exportRunCsv(db: Db, runId: number, what: 'matches' | 'breaks', outPath: string): { rows: number } {
  const run = db.prepare('SELECT left_source_id, right_source_id FROM runs WHERE id = ?').get(runId) as
    | { left_source_id: number; right_source_id: number }
    | undefined;
  if (!run) throw new Error(`run ${runId} does not exist`);
  const names = citations(db, [run.left_source_id, run.right_source_id]);
  const cite = (ids: string) => (ids === '' ? '' : ids.split(';').map((id) => names.get(Number(id)) ?? `?${id}`).join(';'));
  const fd = openSync(outPath, 'w');
  let buffer: string[] = [];
  let rows = 0;
  const flush = () => {
    if (buffer.length) writeSync(fd, buffer.join(''));
    buffer = [];
  };
  try {
    if (what === 'matches') {
      buffer.push(`${MATCHES_CSV_HEADER}\n`);
      const query = db.prepare('SELECT left_ids, right_ids, strategy, amount_delta_minor, time_delta_ms FROM matches WHERE run_id = ? ORDER BY id').raw(true);
      for (const [l, r, strategy, amount, time] of query.iterate(runId) as IterableIterator<[string, string, string, number, number | null]>) {
        buffer.push(`${[csvField(cite(l)), csvField(cite(r)), csvField(strategy), amount, time ?? ''].join(',')}\n`);
        rows += 1;
        if (buffer.length >= 10_000) flush();
      }
    } else {
      buffer.push(`${BREAKS_CSV_HEADER}\n`);
      const query = db
        .prepare('SELECT class, left_ids, right_ids, amount_minor, currency, blast_radius, explanation_json FROM breaks WHERE run_id = ? ORDER BY id')
        .raw(true);
      for (const [cls, l, r, amount, currency, radius, json] of query.iterate(runId) as IterableIterator<
        [string, string, string, number, string | null, string, string]
      >) {
        const summary = (expandStoredSummary(JSON.parse(json) as JsonObject) as { summary?: string }).summary ?? '';
        buffer.push(`${[csvField(cls), csvField(cite(l)), csvField(cite(r)), amount, csvField(currency), csvField(radius), csvField(summary)].join(',')}\n`);
        rows += 1;
        if (buffer.length >= 10_000) flush();
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { rows };
}
