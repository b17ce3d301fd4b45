import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { UseCaseError } from './errors';

/**
 * Export paths come from the renderer (or a command line): only ever write a .csv at an absolute
 * path in an existing folder, and never replace a file unless the caller says so.
 */
export function checkExportPath(path: string, overwrite = false): void {
  if (!isAbsolute(path)) throw new UseCaseError('INVALID_INPUT', 'The export path must be absolute.');
  if (!path.toLowerCase().endsWith('.csv')) throw new UseCaseError('INVALID_INPUT', 'The export file name must end in .csv.');
  if (existsSync(path) && !overwrite) {
    throw new UseCaseError('CONFLICT', `${path} already exists; choose another name or confirm replacing it.`);
  }
  if (!existsSync(dirname(path)) || !statSync(dirname(path)).isDirectory()) {
    throw new UseCaseError('INVALID_INPUT', `The folder ${dirname(path)} does not exist.`);
  }
}
