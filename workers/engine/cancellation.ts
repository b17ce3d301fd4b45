/**
 * Cancellation crosses the thread boundary as a SharedArrayBuffer flag, so a busy engine loop can
 * check it synchronously without waiting for a message that its own loop would be blocking.
 */
export type CancelFlag = Int32Array;

export function createCancelFlag(): CancelFlag {
  return new Int32Array(new SharedArrayBuffer(4));
}

export function requestCancel(flag: CancelFlag): void {
  Atomics.store(flag, 0, 1);
}

export function isCancelRequested(flag: CancelFlag): boolean {
  return Atomics.load(flag, 0) !== 0;
}

export class CancelledError extends Error {
  readonly code = 'CANCELLED';
  constructor(what = 'task') {
    super(`${what} was cancelled`);
  }
}
