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

/** Maps anything thrown to `{code, message}`; unknown failures become INTERNAL without leaking stacks. */
export function toReconError(error: unknown): ReconError {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
      return { code: code as ErrorCode, message: String((error as { message: unknown }).message) };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
