import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { streamCsv } from '../csv/csvStream';
import { readTextChunks } from '../scanFile';
import type { CsvParseTask, FromParser, ToParser } from './protocol';
import { BatchPacker } from './rowBatch';

/**
 * The parse worker: reads, decodes, parses and normalizes one CSV file and posts its rows in batches
 * while the importing thread writes the previous ones. At most MAX_IN_FLIGHT batches wait unwritten,
 * so memory stays flat however long the file is.
 */
const MAX_IN_FLIGHT = 2;

if (!parentPort) throw new Error('csvParseWorker must run in a worker thread');
const port = parentPort;
let inFlight = 0;
let wake: (() => void) | null = null;
let checkpointer: Database.Database | null = null;
let finished = false;
let packer: BatchPacker | null = null;
const closeCheckpointer = (): void => {
  checkpointer?.close();
  checkpointer = null;
};
const send = (message: FromParser): void => port.postMessage(message);

port.on('message', (message: ToParser) => {
  if (message.type === 'ack') {
    inFlight--;
    packer?.recycle(message.buffers);
    // PASSIVE never waits for the writer; whatever it cannot copy now, the next one (or the writer's
    // final checkpoint) does.
    checkpointer?.pragma('wal_checkpoint(PASSIVE)');
    if (finished && inFlight === 0) closeCheckpointer();
    const w = wake;
    wake = null;
    w?.();
  } else {
    run(message.task).catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
  }
});

async function run(task: CsvParseTask): Promise<void> {
  if (task.checkpoint) {
    const { dbFile, nativeBinding } = task.checkpoint;
    checkpointer = new Database(dbFile, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  }
  const packing = new BatchPacker(task.fields, task.skipRows, task.batchRows, (batch, transfer) => {
    inFlight++;
    port.postMessage({ type: 'batch', batch } satisfies FromParser, transfer);
  }, task.firstBatchRows);
  packer = packing;
  const chunks = readTextChunks(task.filePath, task.encoding, task.skipBytes, (done) => (packing.bytesDone = done));
  await streamCsv(task.plan, chunks, packing, async () => {
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  });
  packing.flush();
  finished = true;
  if (inFlight === 0) closeCheckpointer();
  const { rowsTotal, rowsImported, rowsRejected, frontierMs, warnings } = packing;
  send({ type: 'done', totals: { rowsTotal, rowsImported, rowsRejected, frontierMs, warnings } });
}
