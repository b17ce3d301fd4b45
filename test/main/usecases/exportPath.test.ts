import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExportPath } from '../../../main/usecases/exportPath';
import { useTempStores } from '../../helpers/tempStore';

const tempDir = useTempStores();

describe('export paths', () => {
  it('accepts a new absolute .csv in an existing folder', () => {
    expect(() => checkExportPath(join(tempDir(), 'out.csv'))).not.toThrow();
  });

  it('refuses relative paths, other extensions, missing folders, and replacing a file unasked', () => {
    const dir = tempDir();
    expect(() => checkExportPath('out.csv')).toThrow(/absolute/);
    expect(() => checkExportPath(join(dir, 'out.sh'))).toThrow(/\.csv/);
    expect(() => checkExportPath(join(dir, 'nope', 'out.csv'))).toThrow(/does not exist/);
    const existing = join(dir, 'existing.csv');
    writeFileSync(existing, 'x');
    expect(() => checkExportPath(existing)).toThrow(/already exists/);
    expect(() => checkExportPath(existing, true)).not.toThrow();
  });
});
