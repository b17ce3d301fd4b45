import type { CitedRecord, DiffField, DiffFieldName } from '../../../preload/contract';
import type { DiffRules } from './diffRules';

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

/** Two spellings of one outcome (posted, paid) are the same to matching when their class is known and equal. */
function sameStatusClass(left: Side, right: Side, rules: DiffRules): string | undefined {
  if (typeof left !== 'string' || typeof right !== 'string' || left === MIXED || right === MIXED) return undefined;
  const cls = rules.statusClass(left);
  return cls !== 'other' && cls === rules.statusClass(right) ? `same class: ${cls}` : undefined;
}

function hoursText(ms: number): string {
  const hours = Math.round((ms / 3_600_000) * 100) / 100;
  return `${hours < 0 ? '−' : hours > 0 ? '+' : ''}${Math.abs(hours)} h`;
}

function windowText(window: { minDeltaMs: number; maxDeltaMs: number }): string {
  return `${hoursText(window.minDeltaMs)}..${hoursText(window.maxDeltaMs)}`;
}

function differs(left: Side, right: Side): boolean {
  return left !== null && right !== null && left !== right;
}

/**
 * Aligns left and right field by field. Groups (1:N, N:1) compare by their sum for money and their
 * earliest time, which is how aggregate matches are formed; deltas are always right − left.
 */
export function alignFields(left: readonly CitedRecord[], right: readonly CitedRecord[], rules?: DiffRules): DiffField[] {
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
    const tolerated = field === 'status' && rules && differs(l, r) ? sameStatusClass(l, r, rules) : undefined;
    fields.push({ field, left: l, right: r, differs: differs(l, r), ...(tolerated ? { tolerated } : {}) });
  }
  const lt = earliest(left);
  const rt = earliest(right);
  const deltaMs = lt !== null && rt !== null ? rt - lt : undefined;
  const window = rules?.window;
  const inWindow = deltaMs !== undefined && deltaMs !== 0 && window && deltaMs >= window.minDeltaMs && deltaMs <= window.maxDeltaMs;
  fields.push({
    field: 'tsMs',
    left: lt,
    right: rt,
    differs: deltaMs !== undefined && deltaMs !== 0,
    ...(deltaMs !== undefined ? { deltaMs } : {}),
    ...(inWindow ? { tolerated: `within the ${windowText(window)} window` } : {}),
  });
  const ls = shared(left, 'sequence');
  const rs = shared(right, 'sequence');
  fields.push({ field: 'sequence', left: ls, right: rs, differs: false });
  const ld = shared(left, 'description');
  const rd = shared(right, 'description');
  // Descriptions are free text written differently by every system; never flagged as a difference.
  fields.push({ field: 'description', left: ld, right: rd, differs: false });
  return fields.filter((f) => TEXT_FIELDS.includes(f.field) || f.left !== null || f.right !== null);
}
