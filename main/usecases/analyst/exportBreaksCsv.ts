import { createHash } from 'node:crypto';
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import type { BreakRow, RequestOf, ResultOf } from '../../../preload/contract';
import { appendAudit } from '../../audit/auditLog';
import { ensureRunSearchIndex } from './searchIndex';
import { iterateBreaks, toBreakRow } from '../../db/queries/breaksQueries';
import type { UseCaseContext } from '../context';
import { checkExportPath } from '../exportPath';
import { UseCaseError } from '../errors';
import { requireRun } from './requireRun';

type Column = keyof BreakRow;
export const EXPORT_COLUMNS: readonly Column[] = [
  'id',
  'breakClass',
  'engineClass',
  'triageState',
  'assignee',
  'amountMinor',
  'currency',
  'account',
  'customer',
  'tsMs',
  'blastRadius',
  'leftCount',
  'rightCount',
  'summary',
];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs a cell as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Streams the filtered breaks to a temporary file beside the target and renames it into place, so
 * a failed export never leaves half a file under the chosen name; the audit entry names the hash.
 */
export async function exportBreaksCsv(ctx: UseCaseContext, request: RequestOf<'breaks:export-csv'>): Promise<ResultOf<'breaks:export-csv'>> {
  requireRun(ctx.db, request.filter.runId);
  checkExportPath(request.outputPath, request.overwrite);
  const columns = (request.columns ?? EXPORT_COLUMNS) as Column[];
  const unknown = columns.filter((c) => !EXPORT_COLUMNS.includes(c));
  if (unknown.length) throw new UseCaseError('INVALID_INPUT', `Unknown export column(s): ${unknown.join(', ')}`);
  if (request.filter.text) await ensureRunSearchIndex(ctx, request.filter.runId);

  const temp = `${request.outputPath}.partial`;
  const hash = createHash('sha256');
  const fd = openSync(temp, 'w');
  let rows = 0;
  const write = (text: string) => {
    hash.update(text);
    writeSync(fd, text);
  };
  try {
    write(`${columns.join(',')}\n`);
    let buffer = '';
    for (const row of iterateBreaks(ctx.db, request.filter, request.sort)) {
      const view = toBreakRow(row);
      buffer += `${columns.map((c) => cell(view[c])).join(',')}\n`;
      rows += 1;
      if (buffer.length > 1 << 20) {
        write(buffer);
        buffer = '';
      }
    }
    write(buffer);
  } finally {
    closeSync(fd);
  }
  const sha256 = hash.digest('hex');
  ctx.db
    .transaction(() => {
      renameSync(temp, request.outputPath);
      appendAudit(ctx.db, {
        actor: ctx.actor,
        kind: 'breaks.exported',
        data: { runId: request.filter.runId, filter: { ...request.filter }, sort: { ...request.sort }, columns, rows, sha256, path: request.outputPath },
      });
    })
    .immediate();
  return { path: request.outputPath, rows, sha256 };
}
