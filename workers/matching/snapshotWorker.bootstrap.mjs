// Node 20 cannot start a .ts worker directly; outside the bundled app (CLI, tests, bench) the snapshot
// worker starts here and loads its TypeScript entry through tsx (as workers/engine/tsBootstrap.mjs does).
import { tsImport } from 'tsx/esm/api';

await tsImport('./snapshotWorker.ts', import.meta.url);
