import { describe, expect, it } from 'vitest';
import { runProgressSteps } from '../../../main/usecases/runProgressSteps';

describe('runProgressSteps', () => {
  it('progress regression: the engine sequence reads as named steps that never go back, with no meaningless counts', () => {
    const describe = runProgressSteps(['exact-key', 'tolerance_window']);
    const events: [number, number | null, string][] = [
      [0, null, 'loading'], [0, null, 'load'], [0, 8, 'prepare'], [1, 8, 'duplicates'], [2, 8, 'pass:exact-key'],
      [3, 8, 'pass:tolerance_window'], [4, 8, 'out_of_order'], [5, 8, 'leftovers'], [6, 8, 'explain'], [7, 8, 'fingerprint'],
      [8, 8, 'done'], [0, 100, 'persist'], [68, 100, 'persist'],
    ];
    const seen = events.map(([done, total, phase]) => describe(done, total, phase));
    expect(seen.map((e) => `${e.step!.index}/${e.step!.count} ${e.phase}`)).toEqual([
      '1/9 Reading sources', '1/9 Reading sources', '1/9 Reading sources', '2/9 Finding duplicates', '3/9 Matching: exact key',
      '4/9 Matching: tolerance window', '5/9 Checking sequence order', '6/9 Classifying leftovers', '7/9 Explaining breaks',
      '8/9 Fingerprinting results', '8/9 Fingerprinting results', '9/9 Saving results', '9/9 Saving results',
    ]);
    expect(seen.filter((e) => e.total !== null).map((e) => [e.done, e.total])).toEqual([[0, 100], [68, 100]]);
    expect(seen.every((e) => e.total !== null || e.done === 0)).toBe(true);
  });

  it('an event from an earlier step after a later one keeps the later step and shows no count', () => {
    const describe = runProgressSteps(['exact-key']);
    describe(10, 100, 'persist');
    expect(describe(0, null, 'load')).toEqual({ phase: 'Saving results', done: 0, total: null, step: { index: 8, count: 8 } });
  });
});
