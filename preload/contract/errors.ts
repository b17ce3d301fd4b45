/** Error codes every method may return as data; never thrown across IPC. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'ENGINE_CRASHED',
  'STORE_TOO_NEW',
  'INVALID_INPUT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error returned as data across the contract. */
export interface ReconError {
  code: ErrorCode;
  message: string;
}

/** Every invoke resolves to exactly one of these; it never rejects for a domain failure. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ReconError };
