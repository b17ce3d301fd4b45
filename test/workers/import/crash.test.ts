import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../main/audit/auditLog';
import { openWorkspace, type Db } from '../../../main/db/openWorkspace';
import { generateLedgerCsv, seededRandom } from '../../../workers/import/bench/generateLedgerCsv';
import { importFile } from '../../../workers/import/importFile';
import { resolveRawTexts, type RawTextRef } from '../../../workers/import/store/rawTextFile';
import { repoRoot, tempDir } from './helpers';

const ROWS = 200_000;
const KILLS = 20;

interface SourceState {
  id: number;
  status: string;
  resume_marker: number;
  rows_total: number;
}

/** Every source is either complete, empty (failed/cancelled), or holds exactly the rows its marker says. */
function checkInvariants(db: Db): SourceState[] {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(verifyChain(db)).toMatchObject({ ok: true });
  const sources = db.prepare('SELECT id, status, resume_marker, rows_total FROM sources').all() as SourceState[];
  for (const s of sources) {
    const r = db.prepare('SELECT COUNT(*) AS n, COALESCE(MAX(line), 1) AS maxLine FROM records WHERE source_id = ?').get(s.id) as { n: number; maxLine: number };
    const rejected = (db.prepare('SELECT COUNT(*) AS n FROM rejected_rows WHERE source_id = ?').get(s.id) as { n: number }).n;
    if (s.status === 'failed' || s.status === 'cancelled') expect(r.n + rejected).toBe(0);
    else {
      expect(r.n + rejected).toBe(s.resume_marker);
      expect(s.rows_total).toBe(s.resume_marker);
      expect(r.maxLine).toBe(r.n + 1);
    }
    if (s.status === 'complete') expect(r.n).toBe(ROWS);
  }
  return sources;
}

function runChild(store: string, file: string, killAfterMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx/esm', join(repoRoot, 'test/workers/import/crashChild.ts'), store, file], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n') && !child.killed) setTimeout(() => child.kill('SIGKILL'), killAfterMs).unref();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${err}`));
      else resolve(out);
    });
  });
}

describe('import survives SIGKILL at random points', () => {
  it(`keeps the store consistent across ${KILLS} kills and resumes to the exact count`, async () => {
    const dir = tempDir('recon-crash-');
    const file = join(dir, 'ledger.csv');
    await generateLedgerCsv(file, ROWS, 7);
    const store = join(dir, 'store');
    const random = seededRandom(20240131);
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const out = await runChild(store, file, Math.floor(random() * 160));
      if (!/done|error/.test(out)) killed++;
      const db = openWorkspace(store);
      checkInvariants(db);
      db.close();
    }
    expect(killed).toBeGreaterThan(KILLS / 2);
    const db = openWorkspace(store);
    const complete = checkInvariants(db).filter((s) => s.status === 'complete');
    if (complete.length === 0) {
      const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 'test' });
      expect(r.rowsImported).toBe(ROWS);
    }
    const after = checkInvariants(db);
    expect(after.filter((s) => s.status === 'complete')).toHaveLength(1);
    expect(after.filter((s) => s.status === 'importing')).toHaveLength(0);
    expect((db.prepare("SELECT COUNT(*) AS n FROM records r JOIN sources s ON s.id = r.source_id WHERE s.status = 'complete'").get() as { n: number }).n).toBe(ROWS);
    // Every record's raw text is its line of the file, across all the resumed pieces.
    const rows = db.prepare("SELECT r.line, r.source_id, r.raw, r.raw_offset, r.raw_length FROM records r JOIN sources s ON s.id = r.source_id WHERE s.status = 'complete' ORDER BY r.line").all() as (RawTextRef & { line: number })[];
    const lines = readFileSync(file, 'utf8').split('\n');
    const raws = resolveRawTexts(db, rows);
    expect(rows.filter((r, i) => raws[i] !== lines[r.line - 1]).map((r) => r.line)).toEqual([]);
    db.close();
  });
});
