import { invalidInput } from '../errors';
import type { ColumnRef, Columns } from '../mapping/mappingFile';
import { normalizeHeader } from '../mapping/profiles';

export type ResolvedColumns = { [K in keyof Columns]-?: K extends 'timestamp' ? number[] : number };

/** Header names or 1-based numbers to 0-based indexes (-1 = not mapped); unknown names are an error naming the header. */
export function resolveColumns(columns: Columns, headers: readonly string[], file: string, headerLine: number): ResolvedColumns {
  const find = (ref: ColumnRef | undefined, field: string): number => {
    if (ref === undefined) return -1;
    if (typeof ref === 'number') {
      if (ref > headers.length) throw invalidInput(file, { line: headerLine }, `mapping "${field}" refers to column ${ref}, but rows have ${headers.length} columns`);
      return ref - 1;
    }
    let i = headers.indexOf(ref);
    if (i === -1) i = headers.findIndex((h) => h.trim().toLowerCase() === ref.trim().toLowerCase());
    if (i === -1) i = headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(ref));
    if (i === -1) {
      throw invalidInput(file, { line: headerLine }, `mapping "${field}" names column ${JSON.stringify(ref)}, which is not in the header (found: ${headers.map((h) => JSON.stringify(h)).join(', ')})`);
    }
    return i;
  };
  const ts = columns.timestamp;
  return {
    externalId: find(columns.externalId, 'externalId'),
    reference: find(columns.reference, 'reference'),
    account: find(columns.account, 'account'),
    customer: find(columns.customer, 'customer'),
    amount: find(columns.amount, 'amount'),
    debit: find(columns.debit, 'debit'),
    credit: find(columns.credit, 'credit'),
    currency: find(columns.currency, 'currency'),
    timestamp: ts === undefined ? [] : (Array.isArray(ts) ? ts : [ts]).map((r) => find(r, 'timestamp')),
    status: find(columns.status, 'status'),
    sequence: find(columns.sequence, 'sequence'),
    fee: find(columns.fee, 'fee'),
    description: find(columns.description, 'description'),
    direction: find(columns.direction, 'direction'),
    timezone: find(columns.timezone, 'timezone'),
  };
}
