import { verifyAuditChain } from '../../usecases/auditUseCases';
import type { CliCommand } from './types';

export const auditVerifyCommand: CliCommand = {
  createsStore: false,
  options: {},
  async run(ctx, _args, io) {
    const result = verifyAuditChain(ctx);
    if (result.ok) {
      io.out({ ok: true, entries: result.entries });
      return 0;
    }
    io.out({ ok: false, first_bad_seq: result.firstBadSeq, reason: result.reason });
    io.err(`recon: audit chain broken at seq ${result.firstBadSeq}: ${result.reason}`);
    return 1;
  },
};
