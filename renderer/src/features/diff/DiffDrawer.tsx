import { Alert, Button, Drawer, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RecordsDiff } from '../../../../preload/contract';
import { call } from '../../api/reconClient';
import { useReconQuery } from '../../api/useRecon';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BreakDiffBody } from './BreakDiffBody';
import { MatchDiffBody } from './MatchDiffBody';
import { MatchPreviewTable } from './MatchPreviewTable';
import type { PendingChange } from './pendingChange';
import { ReasonPrompt } from './ReasonPrompt';

export type DiffTarget = { kind: 'break'; id: number } | { kind: 'match'; id: number };

function keyOf(target: DiffTarget | null): string {
  return target ? `${target.kind}:${target.id}` : '';
}

/** What the last change said, kept with the item it was about so it never shows on another. */
interface Outcome {
  about: string;
  ok: boolean;
  text: string;
  /** The item shown was itself removed (an unmatch of the open match). */
  removed?: boolean;
}

/** The side-by-side diff of a break or a match, with manual match and unmatch. */
export function DiffDrawer({ target, onTarget, onClose }: { target: DiffTarget | null; onTarget: (target: DiffTarget) => void; onClose: () => void }) {
  const [pending, setPending] = useState<PendingChange | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const breakDiff = useReconQuery('breaks:get-diff', { breakId: target?.kind === 'break' ? target.id : 0 }, { skip: target?.kind !== 'break' });
  const matchDiff = useReconQuery('matches:get-diff', { matchId: target?.kind === 'match' ? target.id : 0 }, { skip: target?.kind !== 'match' });
  const query = target?.kind === 'match' ? matchDiff : breakDiff;
  const about = keyOf(target);
  const shown = outcome?.about === about ? outcome : null;

  const confirm = async (reason: string) => {
    const p = pending;
    setPending(null);
    if (!p) return;
    try {
      if (p.kind === 'match') {
        const runId = (query.data as RecordsDiff).runId;
        const result = await call('matches:create-manual', { runId, leftIds: p.left.map((r) => r.id), rightIds: p.right.map((r) => r.id), reason, breakIds: p.breakIds });
        const displaced = result.createdBreakIds.length ? `; the records it displaced are new break(s) #${result.createdBreakIds.join(', #')}` : '';
        setOutcome({ about, ok: true, text: `Manual match #${result.match.id} created; ${result.resolvedBreakIds.length} break(s) resolved (#${result.resolvedBreakIds.join(', #')})${displaced}.` });
      } else {
        const result = await call('matches:remove-match', { matchId: p.matchId, reason });
        const freed = result.createdBreakIds.length ? `; the freed records are new break(s) #${result.createdBreakIds.join(', #')}` : '';
        setOutcome({
          about,
          ok: true,
          text: `Match #${result.removedMatchId} removed; ${result.reopenedBreakIds.length} break(s) reopened${freed}.`,
          removed: target?.kind === 'match' && target.id === result.removedMatchId,
        });
      }
    } catch (error) {
      setOutcome({ about, ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Drawer opened={target !== null} onClose={onClose} position="right" size="70%" title={<Title order={3}>{target ? `${target.kind === 'break' ? 'Break' : 'Match'} #${target.id}` : ''}</Title>}>
      {shown && (
        <Alert color={shown.ok ? 'green' : 'red'} role={shown.ok ? 'status' : 'alert'} withCloseButton={!shown.removed} onClose={() => setOutcome(null)} mb="sm">
          {shown.text}
        </Alert>
      )}
      {shown?.removed ? (
        <Stack gap="sm" align="flex-start">
          <Text size="sm">This match no longer exists. Its records are back among the breaks of the run.</Text>
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Stack>
      ) : (
        <>
          {target && query.loading && !query.data && <Loader aria-label="Loading diff" />}
          {target && query.error && <ErrorNotice title="Could not load the diff" message={`${query.error} It may have been removed; close this panel and refresh the list.`} />}
          {target?.kind === 'break' && breakDiff.data && <BreakDiffBody diff={breakDiff.data} onPending={setPending} onOpenMatch={(id) => onTarget({ kind: 'match', id })} />}
          {target?.kind === 'match' && matchDiff.data && <MatchDiffBody diff={matchDiff.data} onPending={setPending} />}
        </>
      )}
      <ReasonPrompt
        key={pending ? JSON.stringify(pending) : 'none'}
        opened={pending !== null}
        title={pending?.kind === 'unmatch' ? `Unmatch #${pending.matchId}` : 'Manual match'}
        description={
          pending?.kind === 'unmatch'
            ? 'The match is removed; breaks it resolved go back to open and records no break cites become missing_left / missing_right breaks. The audit log keeps the whole match.'
            : 'Check both sides and the differences: these records become one manual match, and every open break citing them is resolved.'
        }
        confirmLabel={pending?.kind === 'unmatch' ? 'Unmatch' : 'Match'}
        onCancel={() => setPending(null)}
        onConfirm={(reason) => void confirm(reason)}
      >
        {pending?.kind === 'match' && <MatchPreviewTable left={pending.left} right={pending.right} leftLabel={pending.leftLabel} rightLabel={pending.rightLabel} />}
      </ReasonPrompt>
    </Drawer>
  );
}
