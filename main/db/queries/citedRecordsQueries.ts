import type { CitedRecord } from '../../../preload/contract';
import { resolveRawTexts } from '../../../workers/import/store/rawTextFile';
import type { Db } from '../openWorkspace';

interface CitedRow {
  id: number;
  source_id: number;
  source_name: string;
  file_name: string;
  line: number;
  external_id: string | null;
  reference: string | null;
  account: string | null;
  customer: string | null;
  amount_minor: number;
  currency: string;
  ts_ms: number | null;
  status: string | null;
  sequence: number | null;
  fee_minor: number | null;
  description: string | null;
  raw: string;
  raw_offset: number | null;
  raw_length: number | null;
}

/** Records with their citation (source name, file, line), in the order of `ids`; unknown ids are skipped. */
export function getCitedRecords(db: Db, ids: readonly number[]): CitedRecord[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT r.*, s.name AS source_name, s.file_name AS file_name FROM records r
       JOIN sources s ON s.id = r.source_id
       WHERE r.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as CitedRow[];
  const raws = resolveRawTexts(db, rows);
  const byId = new Map(rows.map((row, i) => [row.id, toCited(row, raws[i]!)]));
  return ids.flatMap((id) => {
    const cited = byId.get(id);
    return cited ? [cited] : [];
  });
}

function toCited(row: CitedRow, raw: string): CitedRecord {
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    fileName: row.file_name,
    line: row.line,
    externalId: row.external_id,
    reference: row.reference,
    account: row.account,
    customer: row.customer,
    amountMinor: row.amount_minor,
    currency: row.currency,
    tsMs: row.ts_ms,
    status: row.status,
    sequence: row.sequence,
    feeMinor: row.fee_minor,
    description: row.description,
    raw,
  };
}
