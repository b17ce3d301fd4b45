import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBreaksQuery } from '../../main/usecases/bench/breaksQueryBench';
import { duckdbScenario, importScenario, pipelineScenario } from './scenarios';

const SCENARIOS = {
  import: importScenario,
  pipeline: pipelineScenario,
  duckdb: duckdbScenario,
  breaks: async (rows: number) => ({ scenario: 'breaks page query', ...(await benchBreaksQuery(rows)) }),
} as const;
type ScenarioName = keyof typeof SCENARIOS;

interface Step {
  name: ScenarioName;
  rows: number;
  runs: number;
}

/** Each step runs in its own process so its peak RSS is its own. */
function runInChild(step: Step): Record<string, unknown> {
  const child = spawnSync(
    process.execPath,
    [resolve(import.meta.dirname, '../../bin/bench.js'), '--child', step.name, '--rows', String(step.rows), '--runs', String(step.runs)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) return { scenario: step.name, rows: step.rows, error: `exit ${child.status}` };
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

export async function runBenchmarks(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      child: { type: 'string' },
      rows: { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean' },
      big: { type: 'boolean' },
      only: { type: 'string' },
    },
  });
  if (values.child) {
    const scenario = SCENARIOS[values.child as ScenarioName];
    if (!scenario) throw new Error(`unknown scenario ${values.child}`);
    const result = await scenario(Number(values.rows), Number(values.runs ?? 1));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const size = values.quick ? 100_000 : 1_000_000;
  const runs = values.quick ? 1 : 3;
  const steps: Step[] = [
    { name: 'import' as const, rows: size, runs },
    { name: 'pipeline' as const, rows: size, runs },
    { name: 'duckdb' as const, rows: size, runs },
    { name: 'breaks' as const, rows: size, runs: 1 },
    ...(values.quick ? [] : [{ name: 'import' as const, rows: 5_000_000, runs: 1 }]),
    ...(values.big ? [{ name: 'pipeline' as const, rows: 5_000_000, runs: 1 }] : []),
  ];
  const plan = steps.filter((step) => !values.only || values.only.split(',').includes(step.name));
  const results: Record<string, unknown>[] = [];
  for (const step of plan) {
    process.stderr.write(`bench: ${step.name} at ${step.rows.toLocaleString('en-US')} rows, ${step.runs} run(s)…\n`);
    const result = runInChild(step);
    results.push(result);
    process.stderr.write(`${JSON.stringify(result)}\n`);
  }
  const ours = results.find((r) => r['scenario'] === 'import both + run' && r['rows'] === size);
  const duck = results.find((r) => r['scenario'] === 'duckdb (2 threads)' && r['rows'] === size);
  const ratio = ours && duck ? Number(ours['medianMs']) / Number(duck['medianMs']) : null;
  process.stdout.write(`${JSON.stringify({ results, oursOverDuckdb: ratio === null ? null : Math.round(ratio * 100) / 100 }, null, 2)}\n`);
  return 0;
}
