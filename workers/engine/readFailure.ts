import { basename } from 'node:path';
import { ImportError } from '../import/errors';

/** A file that cannot be read, said in the user's words rather than the system call's ("ENOENT: …"). */
export function readFailure(filePath: string, error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new ImportError('INVALID_INPUT', `No file at ${filePath}`);
  if (code === 'EISDIR') return new ImportError('INVALID_INPUT', `${filePath} is a folder, not a file`);
  if (code === 'EACCES' || code === 'EPERM') return new ImportError('INVALID_INPUT', `${basename(filePath)}: this app may not read the file (permission denied)`);
  return new ImportError('INVALID_INPUT', `${basename(filePath)}: cannot read the file (${(error as Error).message})`);
}
