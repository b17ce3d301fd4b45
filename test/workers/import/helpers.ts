import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace, type Db } from '../../../main/db/openWorkspace';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** CI clones the repo with shared/ beside it. */
export const samplesDir = resolve(repoRoot, '../shared/samples');

export function tempDir(prefix = 'recon-import-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function tempStore(): { db: Db; dir: string } {
  const dir = tempDir('recon-store-');
  return { db: openWorkspace(dir), dir };
}

export function writeTemp(name: string, content: string | Uint8Array): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

export function countRows(db: Db, sourceId: number): { records: number; rejected: number } {
  const records = (db.prepare('SELECT COUNT(*) AS n FROM records WHERE source_id = ?').get(sourceId) as { n: number }).n;
  const rejected = (db.prepare('SELECT COUNT(*) AS n FROM rejected_rows WHERE source_id = ?').get(sourceId) as { n: number }).n;
  return { records, rejected };
}
