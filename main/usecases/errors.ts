import type { ErrorCode, ReconError } from '../../preload/contract';
import { ERROR_CODES } from '../../preload/contract';

/** A failure a use case reports to its caller as data. */
export class UseCaseError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Codes that engine modules use for a kind of failure the contract already names. */
const CODE_ALIASES: Readonly<Record<string, ErrorCode>> = { INVALID_RULES: 'INVALID_INPUT' };

/** Maps anything thrown to `{code, message}`; unknown failures become INTERNAL without leaking stacks. */
export function toReconError(error: unknown): ReconError {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const code = (error as { code: unknown }).code;
    const known = typeof code === 'string' ? (CODE_ALIASES[code] ?? code) : null;
    if (known && (ERROR_CODES as readonly string[]).includes(known)) {
      return { code: known as ErrorCode, message: String((error as { message: unknown }).message) };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
