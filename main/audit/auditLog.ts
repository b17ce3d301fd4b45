import { createHash } from 'node:crypto';
import type { AuditEntryView, ChainVerification } from '../../preload/contract';
import type { Db } from '../db/openWorkspace';
import { canonicalJson } from './canonicalJson';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  kind: string;
  data: Record<string, unknown>;
  tsMs?: number;
}

interface AuditRow {
  seq: number;
  ts: number;
  actor: string;
  kind: string;
  body: string;
  prev_hash: string;
  entry_hash: string;
}

/** entry_hash = SHA-256(0x02 ‖ prev_hash ‖ body), DESIGN.md §5. */
export function entryHash(prevHashHex: string, body: string): string {
  return createHash('sha256')
    .update(Buffer.from([0x02]))
    .update(Buffer.from(prevHashHex, 'hex'))
    .update(body, 'utf8')
    .digest('hex');
}

/** leaf_hash = SHA-256(0x00 ‖ body), the RFC 9162 Merkle leaf. */
export function leafHash(body: string): Buffer {
  return createHash('sha256').update(Buffer.from([0x00])).update(body, 'utf8').digest();
}

export function auditBody(seq: number, input: Required<AuditInput>): string {
  return canonicalJson({ seq, ts: input.tsMs, actor: input.actor, kind: input.kind, data: input.data });
}

/**
 * Appends one entry. Call it inside the same db.transaction as the change it records so the
 * change and its audit entry commit or vanish together.
 */
export function appendAudit(db: Db, input: AuditInput): AuditEntryView {
  const last = db.prepare('SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | Pick<AuditRow, 'seq' | 'entry_hash'>
    | undefined;
  const seq = last ? last.seq + 1 : 0;
  const prevHash = last ? last.entry_hash : GENESIS_HASH;
  const full = { actor: input.actor, kind: input.kind, data: input.data, tsMs: input.tsMs ?? Date.now() };
  const body = auditBody(seq, full);
  const hash = entryHash(prevHash, body);
  db.prepare(
    'INSERT INTO audit_log (seq, ts, actor, kind, body, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, full.tsMs, full.actor, full.kind, body, prevHash, hash);
  return { seq, tsMs: full.tsMs, actor: full.actor, kind: full.kind, body, entryHash: hash };
}

/** Runs fn and its audit entry in one IMMEDIATE transaction (writers from main and the engine serialize here). */
export function auditedTransaction<T>(db: Db, fn: () => T, audit: (result: T) => AuditInput): T {
  return db
    .transaction(() => {
      const result = fn();
      appendAudit(db, audit(result));
      return result;
    })
    .immediate();
}

function toView(row: AuditRow): AuditEntryView {
  return { seq: row.seq, tsMs: row.ts, actor: row.actor, kind: row.kind, body: row.body, entryHash: row.entry_hash };
}

export function countAudit(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}

/** Newest first. */
export function listAudit(db: Db, offset: number, limit: number): AuditEntryView[] {
  const rows = db
    .prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?')
    .all(limit, offset) as AuditRow[];
  return rows.map(toView);
}

/**
 * Walks the whole chain from seq 0: dense seq, each prev_hash equal to the previous entry_hash,
 * each entry_hash recomputed from the stored body, each body canonical and agreeing with its columns.
 */
export function verifyChain(db: Db): ChainVerification {
  let expectedSeq = 0;
  let prev = GENESIS_HASH;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq ASC').iterate() as IterableIterator<AuditRow>;
  for (const row of rows) {
    const fail = (reason: string): ChainVerification => ({ ok: false, entries: expectedSeq, firstBadSeq: row.seq, reason });
    if (row.seq !== expectedSeq) return { ...fail(`expected seq ${expectedSeq}, found ${row.seq}`), firstBadSeq: expectedSeq };
    if (row.prev_hash !== prev) return fail(`prev_hash does not link to entry ${expectedSeq - 1}`);
    if (entryHash(prev, row.body) !== row.entry_hash) return fail('entry_hash does not match the body');
    const bodyProblem = checkBody(row);
    if (bodyProblem) return fail(bodyProblem);
    prev = row.entry_hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: expectedSeq };
}

function checkBody(row: AuditRow): string | null {
  let parsed: { seq?: unknown; ts?: unknown; actor?: unknown; kind?: unknown };
  try {
    parsed = JSON.parse(row.body) as typeof parsed;
  } catch {
    return 'body is not valid JSON';
  }
  if (canonicalJson(parsed) !== row.body) return 'body is not canonical JSON';
  if (parsed.seq !== row.seq || parsed.ts !== row.ts || parsed.actor !== row.actor || parsed.kind !== row.kind) {
    return 'body disagrees with the entry columns';
  }
  return null;
}
