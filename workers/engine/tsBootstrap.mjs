// Node 20 cannot start a .ts worker directly; outside the bundled app (CLI, tests) the engine
// worker starts here and loads its TypeScript entry through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./engineWorker.ts', import.meta.url);
