import type { SourceSummary } from '../../../preload/contract';
import { findSource } from '../../db/queries/sourcesQueries';
import type { UseCaseContext } from '../../usecases/context';
import { UseCaseError } from '../../usecases/errors';
import { CliUsageError } from '../cliIo';

/** A SOURCE argument (a source id, or a name as `recon sources` shows it) to its source. */
export function sourceArg(ctx: UseCaseContext, value: unknown, flag: string, command: string): SourceSummary {
  if (typeof value !== 'string' || value === '') throw new CliUsageError(`${command}: ${flag} SOURCE is required (a source id or name)`);
  const source = findSource(ctx.db, value);
  if (!source) throw new UseCaseError('NOT_FOUND', `${flag} ${value}: no source with that id or name (see "recon sources")`);
  return source;
}
