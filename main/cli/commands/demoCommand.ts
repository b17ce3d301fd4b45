import { loadDemoWorkspace } from '../../usecases/loadDemo';
import type { CliCommand } from './types';

export const demoCommand: CliCommand = {
  createsStore: true,
  options: {},
  async run(ctx, _args, io) {
    const result = await loadDemoWorkspace(ctx, { taskId: 'cli-demo' });
    io.out({ ok: true, store: ctx.storeDir, ...result });
    return 0;
  },
};
