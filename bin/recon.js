#!/usr/bin/env node
// The `recon` CLI runs the same use cases as the app, from source through tsx (no build step needed).
import { tsImport } from 'tsx/esm/api';

const { runCli } = await tsImport('../main/cli/index.ts', import.meta.url);
process.exitCode = await runCli(process.argv.slice(2));
