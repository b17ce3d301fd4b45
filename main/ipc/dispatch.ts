import type { MethodName, Outcome } from '../../preload/contract';
import { METHOD_NAMES } from '../../preload/contract';
import type { UseCaseContext } from '../usecases/context';
import { toReconError } from '../usecases/errors';
import { METHODS, type Handler } from './handlers';

function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

/**
 * The single entry for untrusted calls: checks the method exists, validates the request, runs the
 * use case, and turns every failure into `{code, message}` data.
 */
export async function dispatch(ctx: UseCaseContext, method: unknown, request: unknown): Promise<Outcome<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method ${JSON.stringify(method)}` } };
  }
  const parsed = METHODS[method].schema.safeParse(request ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, error: { code: 'BAD_REQUEST', message: `${method}: ${detail}` } };
  }
  try {
    const handler = METHODS[method].handler as Handler<MethodName>;
    const value = await handler(ctx, parsed.data as never);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toReconError(error) };
  }
}
