import { readFileSync } from 'node:fs';
import { UseCaseError } from '../../usecases/errors';
import { startRun } from '../../usecases/runUseCases';
import { sourceArg } from './sourceArg';
import type { CliCommand } from './types';

function readRules(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (error as Error).message;
    throw new UseCaseError('INVALID_INPUT', `--rules ${path}: cannot read the rule set (${why})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UseCaseError('INVALID_INPUT', `--rules ${path}: not valid JSON (${(error as Error).message})`);
  }
}

export const runCommand: CliCommand = {
  createsStore: false,
  options: { left: { type: 'string' }, right: { type: 'string' }, rules: { type: 'string' } },
  async run(ctx, { values }, io) {
    const rules = typeof values.rules === 'string' ? readRules(values.rules) : undefined;
    if (rules !== undefined && (typeof rules !== 'object' || rules === null || Array.isArray(rules))) {
      throw new UseCaseError('INVALID_INPUT', `--rules ${String(values.rules)}: expected a JSON object`);
    }
    const result = await startRun(ctx, {
      taskId: 'cli-run',
      leftSourceId: sourceArg(ctx, values.left, '--left', 'run').id,
      rightSourceId: sourceArg(ctx, values.right, '--right', 'run').id,
      ...(rules !== undefined ? { rules } : {}),
    });
    io.out({
      run_id: result.runId,
      fingerprint: result.fingerprint,
      counts: result.counts,
      amount_at_risk_minor: result.amountAtRiskMinor,
      ambiguous: result.ambiguous,
      duration_ms: result.durationMs,
      ...(result.impact ? { impact: result.impact } : {}),
    });
    return 0;
  },
};
