import type { ProgressEvent } from '../../preload/contract';

type StepProgress = Omit<ProgressEvent, 'taskId'>;

/** The import's raw phases (workers/import/importFile.ts) as people read them, each a numbered step. */
const IMPORT_STEPS: Record<string, string> = { hashing: 'Reading the file', importing: 'Importing rows', complete: 'Importing rows' };
/** The whole-file check's (workers/engine/checkImport.ts): one step. */
const CHECK_STEPS: Record<string, string> = { checking: 'Checking every row', complete: 'Checking every row' };

function stepsOf(labels: Record<string, string>): (done: number, total: number | null, phase: string) => StepProgress {
  const order = [...new Set(Object.values(labels))];
  return (done, total, phase) => {
    const label = labels[phase] ?? phase;
    const index = order.indexOf(label);
    return { phase: label, done, total, ...(index === -1 ? {} : { step: { index: index + 1, count: order.length } }) };
  };
}

export const importProgressSteps = () => stepsOf(IMPORT_STEPS);
export const checkProgressSteps = () => stepsOf(CHECK_STEPS);
