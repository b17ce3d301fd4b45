import type { CitedRecord, DiffField, DiffFieldName } from '../../../preload/contract';

const MIXED = '(mixed)';
const TEXT_FIELDS: DiffFieldName[] = ['externalId', 'reference', 'account', 'customer', 'currency', 'status', 'description'];

type Side = string | number | null;

/** The value one side shows for a field: one record's value, a group's shared value, or "(mixed)". */
function shared(records: readonly CitedRecord[], field: DiffFieldName): Side {
  if (records.length === 0) return null;
  const values = new Set(records.map((r) => r[field]));
  return values.size === 1 ? (records[0]![field] ?? null) : MIXED;
}

function sum(records: readonly CitedRecord[], field: 'amountMinor' | 'feeMinor'): number | null {
  const values = records.map((r) => r[field]).filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}

function earliest(records: readonly CitedRecord[]): number | null {
  const values = records.map((r) => r.tsMs).filter((v): v is number => v !== null);
  return values.length ? Math.min(...values) : null;
}

function differs(left: Side, right: Side): boolean {
  return left !== null && right !== null && left !== right;
}

/**
 * Aligns left and right field by field. Groups (1:N, N:1) compare by their sum for money and their
 * earliest time, which is how aggregate matches are formed; deltas are always right − left.
 */
export function alignFields(left: readonly CitedRecord[], right: readonly CitedRecord[]): DiffField[] {
  const fields: DiffField[] = [];
  for (const field of ['externalId', 'reference', 'account', 'customer'] as const) {
    const l = shared(left, field);
    const r = shared(right, field);
    fields.push({ field, left: l, right: r, differs: differs(l, r) });
  }
  for (const field of ['amountMinor', 'feeMinor'] as const) {
    const l = sum(left, field);
    const r = sum(right, field);
    const both = l !== null && r !== null;
    fields.push({ field, left: l, right: r, differs: both && l !== r, ...(both ? { deltaMinor: r - l } : {}) });
  }
  for (const field of ['currency', 'status'] as const) {
    const l = shared(left, field);
    const r = shared(right, field);
    fields.push({ field, left: l, right: r, differs: differs(l, r) });
  }
  const lt = earliest(left);
  const rt = earliest(right);
  fields.push({ field: 'tsMs', left: lt, right: rt, differs: lt !== null && rt !== null && lt !== rt, ...(lt !== null && rt !== null ? { deltaMs: rt - lt } : {}) });
  const ls = shared(left, 'sequence');
  const rs = shared(right, 'sequence');
  fields.push({ field: 'sequence', left: ls, right: rs, differs: false });
  const ld = shared(left, 'description');
  const rd = shared(right, 'description');
  // Descriptions are free text written differently by every system; never flagged as a difference.
  fields.push({ field: 'description', left: ld, right: rd, differs: false });
  return fields.filter((f) => TEXT_FIELDS.includes(f.field) || f.left !== null || f.right !== null);
}
