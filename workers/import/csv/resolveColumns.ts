import { invalidInput } from '../errors';
import type { ColumnRef, Columns } from '../mapping/mappingFile';
import { normalizeHeader } from '../mapping/profiles';

export type ResolvedColumns = { [K in keyof Columns]-?: K extends 'timestamp' ? number[] : number };

/** Header names or 1-based numbers to 0-based indexes (-1 = not mapped); an unknown or repeated name is an error naming the header. */
export function resolveColumns(columns: Columns, headers: readonly string[], file: string, headerLine: number): ResolvedColumns {
  const find = (ref: ColumnRef | undefined, field: string): number => {
    if (ref === undefined) return -1;
    if (typeof ref === 'number') {
      if (ref > headers.length) throw invalidInput(file, { line: headerLine }, `mapping "${field}" refers to column ${ref}, but rows have ${headers.length} columns`);
      return ref - 1;
    }
    const matching = (same: (header: string) => boolean): number[] => headers.flatMap((h, i) => (same(h) ? [i] : []));
    let found = matching((h) => h === ref);
    if (found.length === 0) found = matching((h) => h.trim().toLowerCase() === ref.trim().toLowerCase());
    if (found.length === 0) found = matching((h) => normalizeHeader(h) === normalizeHeader(ref));
    if (found.length === 0) {
      throw invalidInput(file, { line: headerLine }, `mapping "${field}" names column ${JSON.stringify(ref)}, which is not in the header (found: ${headers.map((h) => JSON.stringify(h)).join(', ')})`);
    }
    // Two columns answer to the name and nothing says which holds this field: refuse rather than pick one.
    if (found.length > 1) {
      throw invalidInput(file, { line: headerLine }, `"${field}" is mapped to column ${JSON.stringify(ref)}, but the header has ${found.length} columns by that name (${found.map((i) => i + 1).join(' and ')}); map it by number in a mapping file, e.g. "columns": {"${field}": ${found[0]! + 1}}`);
    }
    return found[0]!;
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

/** Header names that appear more than once (blank ones aside), each with its 1-based column numbers. */
export function repeatedHeaders(headers: readonly string[]): { name: string; columns: number[] }[] {
  const byName = new Map<string, number[]>();
  headers.forEach((h, i) => {
    if (h !== '') byName.set(h, [...(byName.get(h) ?? []), i + 1]);
  });
  return [...byName].filter(([, columns]) => columns.length > 1).map(([name, columns]) => ({ name, columns }));
}
