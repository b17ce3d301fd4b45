#!/usr/bin/env node
// `npm run bench`: performance figures on generated data (never timed tests). See test/bench/.
import { tsImport } from 'tsx/esm/api';

const { runBenchmarks } = await tsImport('../test/bench/runBenchmarks.ts', import.meta.url);
process.exitCode = await runBenchmarks(process.argv.slice(2));
