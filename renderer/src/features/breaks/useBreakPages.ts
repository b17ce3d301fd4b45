import { useCallback, useEffect, useRef, useState } from 'react';
import type { BreakFilter, BreakRow, BreakSort } from '../../../../preload/contract';
import { call, subscribe } from '../../api/reconClient';

export const PAGE_SIZE = 100;
const FIRST_COUNT_CAP = 200_000;

/**
 * Rows of a filtered, sorted break list fetched page by page as they scroll into view; only the
 * pages near the viewport are ever requested. The count is capped and grows on demand, so a
 * million-break run never pays for an exact count it does not need.
 */
export function useBreakPages(filter: BreakFilter, sort: BreakSort) {
  const key = JSON.stringify({ filter, sort });
  const pages = useRef(new Map<number, BreakRow[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const [, setVersion] = useState(0);
  const [count, setCount] = useState<{ count: number; capped: boolean; cap: number; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);

  useEffect(() => subscribe('recon:workspace-changed', () => setRefresh((r) => r + 1)), []);

  const fetchCount = useCallback(
    (cap: number) => {
      const gen = generation.current;
      call('breaks:count-breaks', { filter, cap }).then(
        (result) => gen === generation.current && setCount({ ...result, cap, token: tokenRef.current }),
        (e: unknown) => gen === generation.current && setError(e instanceof Error ? e.message : String(e)),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  // Reset during render, not in an effect: the table's effects (children run first) request the
  // visible pages right after this render and must do so under the new generation.
  const token = `${key}|${refresh}`;
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const resetFor = useRef<string | null>(null);
  if (resetFor.current !== token) {
    resetFor.current = token;
    generation.current += 1;
    pages.current = new Map();
    inflight.current = new Set();
  }

  useEffect(() => {
    setError(null);
    fetchCount(FIRST_COUNT_CAP);
  }, [token, fetchCount]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      const gen = generation.current;
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(Math.max(start, end) / PAGE_SIZE); page += 1) {
        if (pages.current.has(page) || inflight.current.has(page)) continue;
        inflight.current.add(page);
        call('breaks:query-breaks', { filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
          (result) => {
            if (gen !== generation.current) return;
            pages.current.set(page, result.rows);
            inflight.current.delete(page);
            setVersion((v) => v + 1);
          },
          (e: unknown) => {
            if (gen !== generation.current) return;
            inflight.current.delete(page);
            setError(e instanceof Error ? e.message : String(e));
          },
        );
      }
    },
    // A new identity after every refresh makes the table request its visible pages again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, refresh],
  );

  const rowAt = useCallback((index: number): BreakRow | null => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] ?? null, []);

  /** Called when the user nears the end of a capped count: count further. */
  const extendCount = useCallback(() => {
    if (count?.capped) fetchCount(count.cap * 5);
  }, [count, fetchCount]);

  // The previous count stays on screen while the new one is computed (no flicker after triage).
  const counting = count?.token !== token;
  return { count, counting, error, rowAt, ensureRange, extendCount, generation: generation.current };
}
