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
    // Names differing only in case or padding are the same name to a reader ("Amount" beside "amount"): one of them matching
    // exactly does not say which the file meant.
    const folded = matching((h) => foldHeader(h) === foldHeader(ref));
    let found = folded.length > 1 ? folded : matching((h) => h === ref);
    if (found.length === 0) found = folded;
    if (found.length === 0) found = matching((h) => normalizeHeader(h) === normalizeHeader(ref));
    if (found.length === 0) {
      throw invalidInput(file, { line: headerLine }, `mapping "${field}" names column ${JSON.stringify(ref)}, which is not in the header (found: ${headers.map((h) => JSON.stringify(h)).join(', ')})`);
    }
    // Two columns answer to the name and nothing says which holds this field: refuse rather than pick one.
    if (found.length > 1) {
      const names = [...new Set(found.map((i) => headers[i]!))];
      const byThatName = names.length > 1 ? `named ${names.map((n) => JSON.stringify(n)).join(' and ')}, which differ only in case` : 'by that name';
      throw invalidInput(file, { line: headerLine }, `"${field}" is mapped to column ${JSON.stringify(ref)}, but the header has ${found.length} columns ${byThatName} (${found.map((i) => i + 1).join(' and ')}); map it by number in a mapping file, e.g. "columns": {"${field}": ${found[0]! + 1}}`);
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

function foldHeader(name: string): string {
  return name.trim().toLowerCase();
}

/** Header names that appear more than once, ignoring case and padding (blank ones aside), each with its 1-based column numbers. */
export function repeatedHeaders(headers: readonly string[]): { name: string; columns: number[] }[] {
  const byName = new Map<string, { name: string; columns: number[] }>();
  headers.forEach((h, i) => {
    if (foldHeader(h) === '') return;
    const seen = byName.get(foldHeader(h));
    if (seen) seen.columns.push(i + 1);
    else byName.set(foldHeader(h), { name: h, columns: [i + 1] });
  });
  return [...byName.values()].filter((r) => r.columns.length > 1);
}
