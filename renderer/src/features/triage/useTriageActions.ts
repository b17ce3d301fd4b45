import { useCallback, useState } from 'react';
import type { TriageActionView, TriageChange, TriageTarget } from '../../../../preload/contract';
import { call } from '../../api/reconClient';
import { useReconQuery } from '../../api/useRecon';

/** Triage calls for one run, the outcome of the last one, and what undo would revert. */
export function useTriageActions(runId: number) {
  const actions = useReconQuery('triage:list-actions', { runId, limit: 10 });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const apply = useCallback(
    async (target: TriageTarget, change: TriageChange) => {
      setBusy(true);
      try {
        const result = await call('triage:update-breaks', { runId, target, change });
        const plural = (n: number) => `${n} break${n === 1 ? '' : 's'}`;
        const skipped = result.skipped ? `, ${plural(result.skipped)} skipped (that move is not allowed from their state)` : '';
        setMessage(result.affected === 0
          ? { ok: false, text: `${result.action.summary}: nothing changed${skipped}.` }
          : { ok: true, text: `${result.action.summary}: ${plural(result.affected)} changed${skipped}.` });
        return true;
      } catch (error) {
        setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [runId],
  );

  const undo = useCallback(async () => {
    setBusy(true);
    try {
      const result = await call('triage:undo-action', { runId });
      setMessage({ ok: true, text: `Undid #${result.undone.id} (${result.undone.summary}): ${result.restored} break(s) restored.` });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }, [runId]);

  const undoable: TriageActionView | null = actions.data?.actions.find((a) => a.kind === 'update' && a.undoneByActionId === null) ?? null;
  return { apply, undo, undoable, busy, message, clearMessage: () => setMessage(null) };
}
