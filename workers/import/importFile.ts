import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../../main/db/openWorkspace';
import type { ImportResult as ContractImportResult, SourceKind } from '../../preload/contract';
import { detectFormat } from './detectFormat';
import { ImportError, invalidInput } from './errors';
import { validateMapping, type MappingFile } from './mapping/mappingFile';
import { planReader } from './planReader';
import { scanFile } from './scanFile';
import { csvRecordFields } from './parallel/rowBatch';
import { checkpointTarget, CsvParseClient } from './parallel/csvParseClient';
import type { CsvParseTask } from './parallel/protocol';
import { BatchWriter } from './store/batchWriter';
import { ChunkWriter } from './store/chunkWriter';
import { RawTextAppender } from './store/rawTextFile';
import { abandonSource, completeSource, findSourcesBySha, insertSource, type Completion } from './store/sourcesRepo';
import type { TaskHooks } from '../shared/taskHooks';
import { isValidTimeZone } from './zoneOffset';

export interface ImportOptions {
  filePath: string;
  kind: SourceKind;
  name?: string;
  format?: 'auto' | 'csv' | 'camt053' | 'camt054' | 'mt940' | 'ofx' | 'bai2' | 'xlsx';
  mapping?: MappingFile;
  timezone?: string;
  allowDuplicateFile?: boolean;
  actor: string;
  /** Rows per committed chunk (tests use small values). */
  chunkRows?: number;
  /** Parse CSV in a worker thread while this thread writes; default: for files of PARALLEL_MIN_BYTES or more. */
  parallel?: boolean;
}

export type ImportHooks = TaskHooks;

/** The contract's import result, plus whether this call continued an interrupted import of the same file. */
export type ImportResult = ContractImportResult & { resumed: boolean };

/** Below this a worker's start-up costs more than it saves. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
const DEFAULT_CHUNK_ROWS = 50_000;
const FIRST_BATCH_ROWS = 5_000;
class Cancelled extends Error {}

/**
 * Imports one file into the workspace: scan (SHA-256, encoding) → plan (format, mapping; all input
 * errors surface here, before anything is written) → stream rows in committed chunks → complete.
 *
 * An interrupted import ('importing' source with the same SHA-256) is resumed when the kind, format,
 * settings and time zone are the same: parsing is deterministic, so the first `resume_marker` rows are
 * re-parsed but not re-written. With different settings the old source is rolled back (rows removed,
 * status 'failed', audited) and the import starts over.
 */
export async function importFile(db: Db, options: ImportOptions, hooks: ImportHooks = {}): Promise<ImportResult> {
  // Started first so that the worker boots while this thread hashes the file.
  const parser = wantsParseWorker(options) ? CsvParseClient.start() : null;
  try {
    return await importWith(db, options, hooks, parser);
  } finally {
    await parser?.terminate();
  }
}

function wantsParseWorker(options: ImportOptions): boolean {
  if (options.parallel !== undefined) return options.parallel;
  if (options.format && options.format !== 'auto' && options.format !== 'csv') return false;
  if (/\.xls[xm]$/i.test(options.filePath)) return false;
  try {
    return statSync(options.filePath).size >= PARALLEL_MIN_BYTES;
  } catch {
    return false;
  }
}

async function importWith(db: Db, options: ImportOptions, hooks: ImportHooks, parser: CsvParseClient | null): Promise<ImportResult> {
  const fileName = basename(options.filePath);
  const timezone = options.timezone ?? 'UTC';
  if (!['ledger', 'processor', 'bank'].includes(options.kind)) throw new ImportError('INVALID_INPUT', `kind must be ledger, processor or bank, not ${JSON.stringify(options.kind)}`);
  if (!isValidTimeZone(timezone)) throw new ImportError('INVALID_INPUT', `timezone ${JSON.stringify(timezone)} is not an IANA time zone (e.g. "Europe/Berlin")`);
  const mapping = options.mapping === undefined ? null : validateMapping(options.mapping);
  const progress = hooks.onProgress ?? (() => {});

  progress(0, null, 'hashing');
  let scan;
  try {
    scan = await scanFile(options.filePath, hooks.isCancelled);
  } catch (error) {
    throw new ImportError('INVALID_INPUT', `${fileName}: cannot read the file (${(error as Error).message})`);
  }
  if (hooks.isCancelled?.()) throw new ImportError('CANCELLED', `import of ${fileName} cancelled before anything was written`);
  const duplicate = findSourcesBySha(db, scan.sha256, 'complete')[0];
  if (duplicate && !options.allowDuplicateFile) {
    // The fact only: how to ask for a duplicate anyway is each front end's to say (the CLI names its flag).
    // This is the import's one CONFLICT, which the CLI relies on.
    throw new ImportError('CONFLICT', `${fileName} was already imported as source #${duplicate.id} "${duplicate.name}" (same SHA-256 ${scan.sha256.slice(0, 12)}…)`);
  }

  const detected = detectFormat(scan.head, fileName);
  if (scan.byteSize - detected.bomLength === 0 || (detected.format === 'unknown' && detected.evidence === 'empty')) {
    throw invalidInput(fileName, { line: 1 }, 'the file is empty (expected a header row or statement data)');
  }
  const planned = await planReader({
    file: fileName, filePath: options.filePath, fileSize: scan.byteSize, head: scan.head, detected, utf8Valid: scan.utf8Valid,
    format: options.format, mapping, timezone,
  });
  const { reader, encoding, skipBytes } = planned;
  const warnings = [...planned.warnings, ...reader.warnings];
  const settingsJson = JSON.stringify(reader.settings);
  const name = options.name ?? fileName;

  let sourceId: number;
  let skipRows = 0;
  const crashed = findSourcesBySha(db, scan.sha256, 'importing');
  const resumable = crashed.find((s) => s.kind === options.kind && s.format === reader.format && s.mapping_json === settingsJson && s.timezone === timezone);
  for (const s of crashed) {
    if (s !== resumable) abandonSource(db, s.id, 'failed', 'interrupted import rolled back; the file was imported again with different settings', options.actor);
  }
  if (resumable) {
    sourceId = resumable.id;
    skipRows = resumable.resume_marker;
    warnings.push(`resumed an interrupted import after ${skipRows} committed rows`);
  } else {
    sourceId = insertSource(db, {
      name, kind: options.kind, format: reader.format, fileName, sha256: scan.sha256, byteSize: scan.byteSize,
      encoding, mappingJson: settingsJson, timezone,
    }, options.actor);
  }

  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  let outcome: Omit<Completion, 'warnings'> & { warnings: string[] };
  try {
    if (parser && reader.csvPlan) {
      const fields = csvRecordFields(reader.csvPlan.normalizer.columns);
      const rawFile = RawTextAppender.open(db, sourceId);
      const writer = new BatchWriter(db, sourceId, fields, options.actor, rawFile);
      const task: CsvParseTask = {
        filePath: options.filePath, encoding, skipBytes, plan: reader.csvPlan, fields, skipRows, batchRows: chunkRows,
        firstBatchRows: Math.min(chunkRows, FIRST_BATCH_ROWS), checkpoint: checkpointTarget(db),
      };
      // The worker checkpoints after every batch (see CsvParseTask.checkpoint); this connection must
      // not also do it inside each COMMIT, which is the writer's critical path.
      const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
      if (task.checkpoint) db.pragma('wal_autocheckpoint = 0');
      try {
        outcome = await parser.run(task, (batch) => {
          if (hooks.isCancelled?.()) throw new Cancelled();
          writer.write(batch);
          progress(batch.bytesDone, scan.byteSize, 'importing');
        });
      } finally {
        // Closed before a failed import is abandoned, which deletes the file.
        rawFile?.close();
        if (task.checkpoint) {
          db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
          // What the worker could not copy yet, so that no later commit (maybe on main) pays for it.
          if (db.open) db.pragma('wal_checkpoint(TRUNCATE)');
        }
      }
    } else {
      // Cancellation is honoured after every commit as well as every read, so a cancel never waits long.
      const writer = new ChunkWriter(db, sourceId, skipRows, chunkRows, options.actor, () => {
        if (hooks.isCancelled?.()) throw new Cancelled();
      });
      let bytesDone = 0;
      const afterChunk = (): void => {
        writer.commit();
        progress(bytesDone, scan.byteSize, 'importing');
        if (hooks.isCancelled?.()) throw new Cancelled();
      };
      try {
        await reader.run(planned.text((b) => (bytesDone = b)), writer, afterChunk);
        writer.commit();
      } catch (error) {
        writer.rollback();
        throw error;
      }
      outcome = writer;
    }
  } catch (error) {
    if (error instanceof Cancelled || hooks.isCancelled?.()) {
      abandonSource(db, sourceId, 'cancelled', 'cancelled by the user', options.actor);
      throw new ImportError('CANCELLED', `import of ${fileName} cancelled; its rows were removed`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    abandonSource(db, sourceId, 'failed', reason, options.actor);
    if (error instanceof ImportError) throw error;
    throw new ImportError('INVALID_INPUT', `${fileName}: ${reason}`);
  }
  warnings.push(...outcome.warnings);
  const result = { rowsTotal: outcome.rowsTotal, rowsImported: outcome.rowsImported, rowsRejected: outcome.rowsRejected, frontierMs: outcome.frontierMs, warnings };
  completeSource(db, sourceId, result, options.actor);
  progress(scan.byteSize, scan.byteSize, 'complete');
  return { sourceId, name: resumable?.name ?? name, format: reader.format, sha256: scan.sha256, ...result, resumed: resumable !== undefined };
}
