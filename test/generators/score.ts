import type { EngineResult } from '../../workers/matching/reconcile';
import type { Dataset, PrimaryLabel } from './reconData';

export interface ClassScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

const CLASSES = ['matched', 'missing_left', 'missing_right', 'duplicate', 'delay', 'amount_mismatch',
  'currency_mismatch', 'status_mismatch', 'out_of_order'] as const;
export type ScoredClass = (typeof CLASSES)[number];

/**
 * Record-level precision and recall per class: a record's predicted classes are 'matched' when it is
 * in a match plus the class of every break naming it; truth is its primary label plus out_of_order.
 */
export function scoreResult(data: Dataset, result: EngineResult): Record<ScoredClass, ClassScore> {
  const predicted = new Map<number, Set<string>>();
  const add = (id: number, cls: string) => {
    let set = predicted.get(id);
    if (!set) predicted.set(id, (set = new Set()));
    set.add(cls);
  };
  const m = result.matches;
  for (let k = 0; k < m.leftIds.length; k += 1) add(m.leftIds[k]!, 'matched');
  for (let k = 0; k < m.rightIds.length; k += 1) add(m.rightIds[k]!, 'matched');
  for (const b of result.breaks) {
    for (const id of b.leftIds) add(id, b.class);
    for (const id of b.rightIds) add(id, b.class);
  }
  const scores = Object.fromEntries(CLASSES.map((c) => [c, { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 }])) as Record<ScoredClass, ClassScore>;
  const visit = (id: number, primary: PrimaryLabel, ooo: boolean) => {
    const truth = new Set<string>([primary]);
    if (ooo) truth.add('out_of_order');
    const got = predicted.get(id) ?? new Set<string>();
    for (const c of CLASSES) {
      const t = truth.has(c);
      const p = got.has(c);
      if (t && p) scores[c].tp += 1;
      else if (p) scores[c].fp += 1;
      else if (t) scores[c].fn += 1;
    }
  };
  data.left.forEach((r, i) => visit(r.id, data.leftLabels[i]!.primary, data.leftLabels[i]!.outOfOrder));
  data.right.forEach((r, i) => visit(r.id, data.rightLabels[i]!.primary, data.rightLabels[i]!.outOfOrder));
  for (const s of Object.values(scores)) {
    s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  }
  return scores;
}
