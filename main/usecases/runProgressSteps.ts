import type { ProgressEvent } from '../../preload/contract';

/** A run's progress as people read it: a named step of a known count, and that step's own bar. */
export type RunStepProgress = Omit<ProgressEvent, 'taskId'>;

const humanName = (passName: string) => passName.replace(/[-_]+/g, ' ').trim();

/**
 * Maps the engine's raw progress (workers/matching/reconcile.ts phase names, plus the worker's
 * loading / persist) to steps that only move forward: the engine reports "done" before saving starts
 * over at 0, which read as progress going backwards. (The search index is built after the run returns.)
 * Engine phases report their own index as `done`, which is also their step index here.
 */
export function runProgressSteps(passNames: readonly string[]): (done: number, total: number | null, phase: string) => RunStepProgress {
  const labels = [
    'Reading sources',
    'Finding duplicates',
    ...passNames.map((name) => `Matching: ${humanName(name)}`),
    'Checking sequence order',
    'Classifying leftovers',
    'Explaining breaks',
    'Fingerprinting results',
    'Saving results',
  ];
  const saving = labels.length - 1;
  const lastEngineStep = saving - 1;
  let reached = 0;
  return (done, total, phase) => {
    let index = reached;
    if (phase === 'loading' || phase === 'load' || phase === 'prepare') index = 0;
    else if (phase === 'persist') index = saving;
    else if (total !== null && Number.isInteger(done)) index = Math.min(done, lastEngineStep);
    const current = index >= reached;
    reached = Math.max(reached, index);
    let label = labels[reached]!;
    if (current && phase.startsWith('pass:')) label = `Matching: ${humanName(phase.slice(5))}`;
    // Only saving counts something (matches written); elsewhere a count would be the engine's phase index.
    const own = current && phase === 'persist' && total ? { done, total } : { done: 0, total: null };
    return { phase: label, ...own, step: { index: reached + 1, count: labels.length } };
  };
}
