// Child process for crash.test.ts: imports a file into a store until the parent SIGKILLs it.
import { openWorkspace } from '../../../main/db/openWorkspace';
import { importFile } from '../../../workers/import/importFile';

const [store, file] = process.argv.slice(2);
const db = openWorkspace(store!);
process.stdout.write('ready\n');
try {
  const r = await importFile(db, { filePath: file!, kind: 'ledger', actor: 'crash-child', chunkRows: 2000 });
  process.stdout.write(`done ${r.rowsImported}\n`);
} catch (error) {
  process.stdout.write(`error ${(error as { code?: string }).code}\n`);
}
