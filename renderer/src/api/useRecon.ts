import { useCallback, useEffect, useState } from 'react';
import type { MethodName, RequestOf, ResultOf } from '../../../preload/contract';
import { call, subscribe } from './reconClient';

export interface QueryState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Fetches one contract method and refetches whenever main says the workspace changed. With `skip`,
 * nothing is asked (there is nothing to ask about yet, e.g. no break open) and the state is empty.
 */
export function useReconQuery<M extends MethodName>(method: M, request: RequestOf<M>, options: { skip?: boolean } = {}): QueryState<ResultOf<M>> {
  const key = JSON.stringify(request);
  const skip = options.skip === true;
  const [state, setState] = useState<{ data: ResultOf<M> | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => subscribe('recon:workspace-changed', reload), [reload]);
  useEffect(() => {
    if (skip) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    call(method, JSON.parse(key) as RequestOf<M>).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error: error instanceof Error ? error.message : String(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [method, key, generation, skip]);
  return { ...state, reload };
}
