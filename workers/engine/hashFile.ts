import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { TaskHooks } from '../shared/taskHooks';
import { CancelledError } from './cancellation';

export type { TaskHooks };

const CHUNK_BYTES = 4 * 1024 * 1024;

/** SHA-256 of a file's bytes, streamed in fixed chunks so memory does not grow with the file. */
export async function sha256File(path: string, hooks: TaskHooks = {}): Promise<{ sha256: string; bytes: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let done = 0;
    for (;;) {
      if (hooks.isCancelled?.()) throw new CancelledError('hashing');
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, done);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      done += bytesRead;
      hooks.onProgress?.(done, size, 'hash');
    }
    return { sha256: hash.digest('hex'), bytes: done };
  } finally {
    await handle.close();
  }
}
