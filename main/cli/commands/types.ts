import type { UseCaseContext } from '../../usecases/context';
import type { CliIo } from '../cliIo';

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  /** False for commands that must find an existing workspace rather than create one. */
  createsStore: boolean;
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(ctx: UseCaseContext, args: ParsedArgs, io: CliIo): Promise<number>;
}
