import type { ProgressEvent } from '../../preload/contract';

/** The CLI's contract with scripts: JSON on stdout, people-facing progress on stderr. */
export interface CliIo {
  out(value: unknown): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export class CliUsageError extends Error {
  readonly exitCode = 2;
}

/** Progress lines at most every 250 ms so big tasks do not flood the terminal. */
export function progressPrinter(io: CliIo): (event: ProgressEvent) => void {
  let last = 0;
  return (event) => {
    const now = Date.now();
    if (now - last < 250 && event.total !== event.done) return;
    last = now;
    const share = event.total ? ` ${Math.floor((event.done / event.total) * 100)}%` : '';
    io.err(`${event.phase}: ${event.done}${event.total ? `/${event.total}` : ''}${share}${event.message ? ` ${event.message}` : ''}`);
  };
}
