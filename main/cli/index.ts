import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { workspacePath } from '../db/openWorkspace';
import { createContext, sourceEngineWorkerPath } from '../createContext';
import { toReconError, UseCaseError } from '../usecases/errors';
import { auditVerifyCommand } from './commands/auditVerifyCommand';
import { demoCommand } from './commands/demoCommand';
import { exportCommand } from './commands/exportCommand';
import { importCommand } from './commands/importCommand';
import { rejectedCommand } from './commands/rejectedCommand';
import { runCommand } from './commands/runCommand';
import { sourcesCommand } from './commands/sourcesCommand';
import type { CliCommand } from './commands/types';
import { CliUsageError, processIo, progressPrinter, type CliIo } from './cliIo';
import { HELP_TEXT } from './helpText';

const COMMANDS: Record<string, CliCommand> = {
  demo: demoCommand,
  'audit verify': auditVerifyCommand,
  import: importCommand,
  sources: sourcesCommand,
  rejected: rejectedCommand,
  run: runCommand,
  export: exportCommand,
};

const SHARED_OPTIONS = {
  store: { type: 'string' },
  actor: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function findCommand(positionals: string[]): { name: string; command: CliCommand; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = positionals.slice(0, words).join(' ');
    const command = COMMANDS[name];
    if (command) return { name, command, rest: positionals.slice(words) };
  }
  return null;
}

function strictArgs(argv: string[], command: CliCommand) {
  try {
    return parseArgs({ args: argv, options: { ...SHARED_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Runs one CLI invocation and returns the process exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const loose = parseArgs({ args: argv, options: SHARED_OPTIONS, allowPositionals: true, strict: false });
    const found = findCommand(loose.positionals);
    if (argv.length === 0) {
      io.err(HELP_TEXT);
      return 2;
    }
    if (loose.values.help) {
      process.stdout.write(HELP_TEXT);
      return 0;
    }
    if (!found) throw new CliUsageError(`Unknown command "${loose.positionals.join(' ')}". Run "recon --help".`);
    const { values, positionals } = strictArgs(argv, found.command);
    const store = values.store;
    if (typeof store !== 'string' || store === '') throw new CliUsageError(`${found.name}: --store DIR is required`);
    if (!found.command.createsStore && !existsSync(workspacePath(store))) {
      throw new UseCaseError('NOT_FOUND', `No workspace at ${workspacePath(store)}. Create one with "recon demo --store ${store}" or "recon import".`);
    }
    const printProgress = progressPrinter(io);
    const ctx = createContext({
      storeDir: store,
      engineWorkerPath: sourceEngineWorkerPath(),
      ...(typeof values.actor === 'string' ? { actor: values.actor } : {}),
      emit: (event, payload) => {
        if (event === 'recon:progress') printProgress(payload as never);
      },
    });
    try {
      return await found.command.run(ctx, { values, positionals: positionals.slice(found.name.split(' ').length) }, io);
    } finally {
      await ctx.close();
    }
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(`recon: ${error.message}`);
      return 2;
    }
    const reconError = toReconError(error);
    io.err(`recon: ${reconError.message}`);
    io.out({ ok: false, error: reconError });
    return 1;
  }
}
