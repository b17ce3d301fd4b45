import { z } from 'zod';
import type { MethodName, RequestOf, ResultOf } from '../../../preload/contract';
import type { UseCaseContext } from '../../usecases/context';

export type Handler<M extends MethodName> = (
  ctx: UseCaseContext,
  request: RequestOf<M>,
) => ResultOf<M> | Promise<ResultOf<M>>;

/** One contract method's implementation: the schema its request must pass, and its use case. */
export interface MethodImpl<M extends MethodName> {
  schema: z.ZodType;
  handler: Handler<M>;
}

export type DomainImpl<K extends MethodName> = { [M in K]: MethodImpl<M> };

/** Identity with a type check, so each domain file declares exactly contract methods. */
export function defineDomain<K extends MethodName>(impl: DomainImpl<K>): DomainImpl<K> {
  return impl;
}

export const taskIdSchema = z.string().min(1).max(100).regex(/^[\w.:-]+$/, 'letters, digits, _ . : - only');
