import type { Db } from '../../main/db/openWorkspace';
import { inputFromRecords } from '../matching/engineInput';
import { getSourceRow } from '../matching/loadInput';
import { reconcile } from '../matching/reconcile';
import { parseRuleSet, ruleSetForKinds } from '../matching/ruleSet';
import type { StoredRecord } from '../shared/record';

const DAY_MS = 86_400_000;
const COLUMNS = `id, source_id AS sourceId, line, external_id AS externalId, reference, account, customer,
  amount_minor AS amountMinor, currency, ts_ms AS tsMs, status, sequence, fee_minor AS feeMinor`;

/**
 * A quick match rate before the full run: the first `sampleSize` left records and the right records
 * around their time span (two days either side, so window matches are not cut off), matched in memory
 * and never saved.
 */
export function previewRun(db: Db, leftSourceId: number, rightSourceId: number, rules: unknown, sampleSize: number) {
  const left = getSourceRow(db, leftSourceId);
  const right = getSourceRow(db, rightSourceId);
  if (!left || !right) throw Object.assign(new Error('both sources must exist'), { code: 'NOT_FOUND' });
  const ruleSet = rules === undefined ? ruleSetForKinds(left.kind, right.kind) : parseRuleSet(rules);
  if (left.id === right.id) throw Object.assign(new Error(`left and right are the same source (#${left.id} "${left.name}"); a run reconciles two different sources`), { code: 'BAD_REQUEST' });
  const leftRows = db
    .prepare(`SELECT ${COLUMNS} FROM records WHERE source_id = ? ORDER BY line LIMIT ?`)
    .all(leftSourceId, sampleSize) as StoredRecord[];
  const times = leftRows.map((r) => r.tsMs).filter((t): t is number => t !== null);
  const from = times.length ? Math.min(...times) - 2 * DAY_MS : -Infinity;
  const to = times.length ? Math.max(...times) + 2 * DAY_MS : Infinity;
  const rightRows = db
    .prepare(
      `SELECT ${COLUMNS} FROM records WHERE source_id = ? AND (ts_ms IS NULL OR ts_ms BETWEEN ? AND ?) ORDER BY line LIMIT ?`,
    )
    .all(rightSourceId, Number.isFinite(from) ? from : -8.64e15, Number.isFinite(to) ? to : 8.64e15, sampleSize * 4) as StoredRecord[];
  const result = reconcile(
    inputFromRecords(leftRows, { kind: left.kind, frontierMs: left.frontier_ms }),
    inputFromRecords(rightRows, { kind: right.kind, frontierMs: right.frontier_ms }),
    ruleSet,
  );
  const matchedLeft = result.counts['matched_left'] ?? 0;
  return {
    sampled: { left: leftRows.length, right: rightRows.length },
    matchRate: leftRows.length ? matchedLeft / leftRows.length : 0,
    counts: result.counts,
  };
}
