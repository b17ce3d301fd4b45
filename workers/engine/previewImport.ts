import Papa from 'papaparse';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportPreview, ImportQuestion, MappingFile } from '../../preload/contract';
import { suggestKind } from './suggestKind';
import { detectFormat } from '../import/detectFormat';
import { ImportError, invalidInput } from '../import/errors';
import { validateMapping, type Mapping } from '../import/mapping/mappingFile';
import { MemorySink } from '../import/rowSink';
import { planReader } from '../import/planReader';
import { readFileRange } from '../import/scanFile';
import { formatMinor } from '../shared/currency';
import { readFailure } from './readFailure';

const HEAD_BYTES = 256 * 1024;

export interface PreviewOptions {
  filePath: string;
  format?: string;
  mapping?: MappingFile;
  timezone?: string;
  rows?: number;
}

class PreviewFull extends Error {}

/** Only the head of the file, so a preview of a gigabyte export still answers at once. */
async function* headOnly(text: string): AsyncGenerator<string> {
  yield text;
}

function splitCells(raw: string, delimiter: string | null): string[] {
  if (!delimiter) return [raw];
  const parsed = Papa.parse<string[]>(raw, { delimiter, header: false });
  return parsed.data[0] ?? [raw];
}

/**
 * The effective settings as a mapping file the user can edit and send back: empty values dropped
 * (they are not valid mapping values) and unanswered questions left out, so a guess made only to
 * show rows never slips into the import.
 */
function editableMapping(settings: Record<string, unknown>, questions: ImportQuestion[]): MappingFile {
  const open = new Set(questions.map((q) => q.key));
  return Object.fromEntries(Object.entries(settings).filter(([key, value]) => value !== null && value !== undefined && !open.has(key)));
}

/**
 * What the import would make of the file's first rows, without writing anything: format, encoding,
 * the effective mapping (given, or guessed from the header), rows as parsed and as normalized, and
 * the questions the user must answer first (e.g. day/month order).
 */
export async function previewImport(options: PreviewOptions): Promise<ImportPreview> {
  const fileName = basename(options.filePath);
  const limit = options.rows ?? 20;
  let head: Buffer;
  try {
    head = await readFileRange(options.filePath, 0, HEAD_BYTES);
  } catch (error) {
    throw readFailure(options.filePath, error);
  }
  if (head.length === 0) throw invalidInput(fileName, { line: 1 }, 'the file is empty (expected a header row or statement data)');
  const mapping = options.mapping === undefined ? null : validateMapping(options.mapping);
  const detected = detectFormat(head, fileName);
  const timezone = options.timezone ?? 'UTC';
  const { size } = await stat(options.filePath);
  const plan = (m: Mapping | null) =>
    planReader({ file: fileName, filePath: options.filePath, fileSize: size, head, detected, format: options.format, mapping: m, timezone });
  // Each open question (day/month order, decimal separator…) is set aside with a provisional answer,
  // so the rows can still be shown; the import itself waits for the user's answers.
  const questions: ImportQuestion[] = [];
  const provisional: Record<string, unknown> = {};
  let planned;
  for (;;) {
    try {
      planned = await plan(questions.length ? validateMapping({ ...(options.mapping ?? {}), ...provisional }) : mapping);
      break;
    } catch (error) {
      if (!(error instanceof ImportError && error.question) || error.question.key in provisional) throw error;
      questions.push(error.question);
      provisional[error.question.key] = error.question.choices[0];
    }
  }
  const { reader, headText, encoding } = planned;
  const sink = new MemorySink();
  const full = () => sink.records.length + sink.rejected.length >= limit;
  try {
    await reader.run(headOnly(headText), sink, () => {
      if (full()) throw new PreviewFull();
    });
  } catch (error) {
    // The head may end mid-row: whatever the parser reports past the rows we show is not a finding.
    if (!(error instanceof PreviewFull) && sink.records.length + sink.rejected.length === 0) throw error;
  }
  const delimiter = typeof reader.settings['delimiter'] === 'string' ? (reader.settings['delimiter'] as string) : null;
  const headerLine = typeof reader.settings['headerLine'] === 'number' ? (reader.settings['headerLine'] as number) : 0;
  const headerText = headerLine > 0 ? (headText.split(/\r?\n/)[headerLine - 1] ?? '') : '';
  const rows = [
    ...sink.records.map((r) => ({ line: r.line, raw: r.raw, ok: true, summary: `${formatMinor(r.amountMinor, r.currency, mapping?.currencyExponents)} ${r.currency}${r.tsMs === null ? '' : ` · ${new Date(r.tsMs).toISOString()}`}${r.externalId ? ` · ${r.externalId}` : ''}` })),
    ...sink.rejected.map((r) => ({ line: r.line, raw: r.raw, ok: false, summary: `${r.column ? `${r.column}: ` : ''}${r.reason}` })),
  ]
    .sort((a, b) => a.line - b.line)
    .slice(0, limit);
  return {
    format: reader.format,
    encoding,
    delimiter,
    header: delimiter && headerText ? splitCells(headerText, delimiter) : delimiter ? [] : ['record'],
    mapping: editableMapping(reader.settings, questions),
    rows: rows.map((r) => ({ line: r.line, cells: splitCells(r.raw, delimiter) })),
    normalized: rows.map((r) => ({ line: r.line, ok: r.ok, summary: r.summary })),
    questions,
    warnings: [...planned.warnings, ...reader.warnings, ...sink.warnings],
    suggestedKind: suggestKind(reader.format, reader.settings),
  };
}
