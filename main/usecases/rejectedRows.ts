import { closeSync, openSync, writeSync } from 'node:fs';
import type { RequestOf, ResultOf } from '../../preload/contract';
import { appendAudit } from '../audit/auditLog';
import { csvLine } from '../csv/csvCell';
import { countRejected, iterateRejected, listRejected } from '../db/queries/rejectedQueries';
import { getSource, getSourceDetail } from '../db/queries/sourcesQueries';
import type { UseCaseContext } from './context';
import { UseCaseError } from './errors';
import { checkExportPath } from './exportPath';

function requireSource(ctx: UseCaseContext, sourceId: number) {
  const source = getSource(ctx.db, sourceId);
  if (!source) throw new UseCaseError('NOT_FOUND', `There is no source #${sourceId} in this workspace.`);
  return source;
}

/** The source page's header: counts, frontier, warnings and how the file was read. */
export function getSourcePage(ctx: UseCaseContext, request: RequestOf<'sources:get-source'>): ResultOf<'sources:get-source'> {
  const source = getSourceDetail(ctx.db, request.sourceId);
  if (!source) throw new UseCaseError('NOT_FOUND', `There is no source #${request.sourceId} in this workspace.`);
  return source;
}

export function listRejectedRows(
  ctx: UseCaseContext,
  request: RequestOf<'sources:list-rejected'>,
): ResultOf<'sources:list-rejected'> {
  requireSource(ctx, request.sourceId);
  return {
    rows: listRejected(ctx.db, request.sourceId, request.offset, request.limit),
    total: countRejected(ctx.db, request.sourceId),
  };
}

/** Writes line, column, reason and the raw text of every rejected row, so nothing is lost on the way out either. */
export function exportRejectedRows(
  ctx: UseCaseContext,
  request: RequestOf<'sources:export-rejected'>,
): ResultOf<'sources:export-rejected'> {
  const source = requireSource(ctx, request.sourceId);
  checkExportPath(request.outPath, request.overwrite);
  const fd = openSync(request.outPath, 'w');
  let rows = 0;
  try {
    writeSync(fd, csvLine(['line', 'column', 'reason', 'raw']));
    for (const row of iterateRejected(ctx.db, request.sourceId)) {
      writeSync(fd, csvLine([row.line, row.column, row.reason, row.raw]));
      rows += 1;
    }
  } finally {
    closeSync(fd);
  }
  ctx.db
    .transaction(() =>
      appendAudit(ctx.db, {
        actor: ctx.actor,
        kind: 'source.rejected_exported',
        data: { sourceId: source.id, path: request.outPath, rows },
      }),
    )
    .immediate();
  return { path: request.outPath, rows };
}
