import type Database from 'better-sqlite3';
import { canonicalOrder, emptyInput, type EngineInput } from './engineInput';

type Db = Database.Database;

export interface SourceRow {
  id: number;
  name: string;
  kind: 'ledger' | 'processor' | 'bank';
  status: string;
  frontier_ms: number | null;
  rows_imported: number;
  sha256: string;
  mapping_json: string;
}

export function getSourceRow(db: Db, id: number): SourceRow | null {
  return (db.prepare('SELECT id, name, kind, status, frontier_ms, rows_imported, sha256, mapping_json FROM sources WHERE id = ?').get(id) as SourceRow | undefined) ?? null;
}

/**
 * One source's records as engine columns, in canonical order (see compareRecords; files are mostly in
 * time order, so this is usually a check, not a sort). Reads raw rows (arrays, not objects) and keeps
 * only the matching columns.
 */
export function loadInputFromRecords(db: Db, source: SourceRow): EngineInput {
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM records WHERE source_id = ?').get(source.id) as { n: number };
  const input = emptyInput(n);
  const rows = db
    .prepare(
      `SELECT id, line, external_id, reference, account, customer, amount_minor, currency, ts_ms, status, sequence, fee_minor
       FROM records WHERE source_id = ? ORDER BY line, id`,
    )
    .raw(true);
  // Few distinct values, millions of rows: one shared string each instead of one per row (memory at 5M rows).
  const accounts = new Interner();
  const currencies = new Interner();
  const statuses = new Interner();
  let i = 0;
  for (const row of rows.iterate(source.id) as IterableIterator<unknown[]>) {
    if (i >= n) break;
    input.ids[i] = row[0] as number;
    input.lines[i] = row[1] as number;
    input.externalId[i] = row[2] as string | null;
    input.reference[i] = row[3] as string | null;
    input.account[i] = accounts.get(row[4] as string | null);
    input.customer[i] = row[5] as string | null;
    input.amountMinor[i] = row[6] as number;
    input.currency[i] = currencies.get(row[7] as string)!;
    const ts = row[8] as number | null;
    if (ts !== null) input.tsMs[i] = ts;
    input.status[i] = statuses.get(row[9] as string | null);
    const seq = row[10] as number | null;
    if (seq !== null) input.sequence[i] = seq;
    const fee = row[11] as number | null;
    if (fee !== null) input.feeMinor[i] = fee;
    i += 1;
  }
  input.kind = source.kind;
  input.frontierMs = source.frontier_ms;
  const declared = declaredExponents(source);
  if (declared) input.currencyExponents = declared;
  return canonicalOrder(input);
}

/** The exponents the source's import settings declared (mapping "currencyExponents"), if any. */
export function declaredExponents(source: SourceRow): Record<string, number> | undefined {
  try {
    const settings = JSON.parse(source.mapping_json) as { currencyExponents?: unknown };
    const declared = settings.currencyExponents;
    if (!declared || typeof declared !== 'object') return undefined;
    const out: Record<string, number> = {};
    for (const [code, exponent] of Object.entries(declared)) if (Number.isInteger(exponent)) out[code] = exponent as number;
    return Object.keys(out).length ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Canonical instances of repeated strings; gives up (passes values through) past `limit` distinct ones. */
class Interner {
  private readonly seen = new Map<string, string>();
  constructor(private readonly limit = 100_000) {}

  get(value: string | null): string | null {
    if (value === null) return null;
    const known = this.seen.get(value);
    if (known !== undefined) return known;
    if (this.seen.size < this.limit) this.seen.set(value, value);
    return value;
  }
}
