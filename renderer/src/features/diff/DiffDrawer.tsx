import { Alert, Badge, Button, Divider, Drawer, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { BreakDiff, MatchDiff, RecordsDiff } from '../../../../preload/contract';
import { call } from '../../api/reconClient';
import { useReconQuery } from '../../api/useRecon';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatMoney } from '../../components/money';
import { STATE_COLOR } from '../breaks/breakColumns';
import { TriageHistoryList } from '../triage/TriageHistoryList';
import { CitedRecordsList } from './CitedRecordsList';
import { ExplanationPanel } from './ExplanationPanel';
import { FieldDiffTable } from './FieldDiffTable';
import { manualMatchSides } from './manualMatchSides';
import { ReasonPrompt } from './ReasonPrompt';

export type DiffTarget = { kind: 'break'; id: number } | { kind: 'match'; id: number };

type Pending = { kind: 'match'; leftIds: number[]; rightIds: number[]; breakIds: number[] } | { kind: 'unmatch'; matchId: number };

function SideBySide({ diff }: { diff: RecordsDiff }) {
  return (
    <>
      <FieldDiffTable
        fields={diff.fields}
        leftLabel={`Left: ${diff.leftSourceName}${diff.left.length > 1 ? ` (${diff.left.length} records)` : ''}`}
        rightLabel={`Right: ${diff.rightSourceName}${diff.right.length > 1 ? ` (${diff.right.length} records)` : ''}`}
        leftCurrency={diff.left[0]?.currency ?? null}
        rightCurrency={diff.right[0]?.currency ?? null}
      />
      <SimpleGrid cols={2}>
        <CitedRecordsList side={`Left: ${diff.leftSourceName}`} records={diff.left} />
        <CitedRecordsList side={`Right: ${diff.rightSourceName}`} records={diff.right} />
      </SimpleGrid>
    </>
  );
}

function BreakBody({ diff, onPending }: { diff: BreakDiff; onPending: (p: Pending) => void }) {
  const row = diff.breakRow;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge>{row.breakClass}</Badge>
        {row.classOverridden && <Badge variant="outline">engine: {row.engineClass}</Badge>}
        <Badge variant="dot" color={STATE_COLOR[row.triageState]}>
          {row.triageState}
        </Badge>
        <Text fw={600}>{formatMoney(row.amountMinor, row.currency)} at risk</Text>
        <Text c="dimmed">blast radius {row.blastRadius}</Text>
        {row.assignee && <Text c="dimmed">· {row.assignee}</Text>}
      </Group>
      <SideBySide diff={diff} />
      <Divider label="Explanation" />
      <ExplanationPanel
        explanation={diff.explanation}
        canMatch={(candidate) => candidate.record !== null && manualMatchSides(diff, candidate.record) !== null}
        onMatchCandidate={(candidate) => {
          const sides = candidate.record ? manualMatchSides(diff, candidate.record) : null;
          if (sides) onPending({ kind: 'match', ...sides, breakIds: [row.id] });
        }}
      />
      {diff.relatedMatchIds.length > 0 && (
        <Group gap="xs">
          <Text size="sm">Already matched in:</Text>
          {diff.relatedMatchIds.map((id) => (
            <Button key={id} size="xs" variant="default" onClick={() => onPending({ kind: 'unmatch', matchId: id })}>
              Unmatch #{id}
            </Button>
          ))}
        </Group>
      )}
      <Divider label="History" />
      <TriageHistoryList events={diff.history} />
    </Stack>
  );
}

function MatchBody({ diff, onPending }: { diff: MatchDiff; onPending: (p: Pending) => void }) {
  const m = diff.match;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge>{m.strategy}</Badge>
        {m.manual && <Badge color="grape">manual</Badge>}
        <Text>score {m.score}</Text>
        {m.note && <Text c="dimmed">“{m.note}”</Text>}
        <Button size="xs" variant="light" color="red" ml="auto" onClick={() => onPending({ kind: 'unmatch', matchId: m.id })}>
          Unmatch…
        </Button>
      </Group>
      <SideBySide diff={diff} />
    </Stack>
  );
}

/** The side-by-side diff of a break or a match, with manual match and unmatch. */
export function DiffDrawer({ target, onClose }: { target: DiffTarget | null; onClose: () => void }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const breakDiff = useReconQuery('breaks:get-diff', { breakId: target?.kind === 'break' ? target.id : 0 });
  const matchDiff = useReconQuery('matches:get-diff', { matchId: target?.kind === 'match' ? target.id : 0 });
  const query = target?.kind === 'match' ? matchDiff : breakDiff;

  const confirm = async (reason: string) => {
    const p = pending;
    setPending(null);
    if (!p) return;
    try {
      if (p.kind === 'match') {
        const result = await call('matches:create-manual', { runId: (query.data as RecordsDiff).runId, leftIds: p.leftIds, rightIds: p.rightIds, reason, breakIds: p.breakIds });
        setOutcome({ ok: true, text: `Manual match #${result.match.id} created; ${result.resolvedBreakIds.length} break(s) resolved.` });
      } else {
        const result = await call('matches:remove-match', { matchId: p.matchId, reason });
        setOutcome({ ok: true, text: `Match #${result.removedMatchId} removed; ${result.reopenedBreakIds.length} break(s) reopened, ${result.createdBreakIds.length} new break(s) for the freed records.` });
      }
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Drawer opened={target !== null} onClose={onClose} position="right" size="70%" title={<Title order={3}>{target ? `${target.kind === 'break' ? 'Break' : 'Match'} #${target.id}` : ''}</Title>}>
      {outcome && (
        <Alert color={outcome.ok ? 'green' : 'red'} role={outcome.ok ? 'status' : 'alert'} withCloseButton onClose={() => setOutcome(null)} mb="sm">
          {outcome.text}
        </Alert>
      )}
      {target && query.loading && !query.data && <Loader aria-label="Loading diff" />}
      {target && query.error && <ErrorNotice title="Could not load the diff" message={`${query.error} It may have been removed; close this panel and refresh the list.`} />}
      {target?.kind === 'break' && breakDiff.data && <BreakBody diff={breakDiff.data} onPending={setPending} />}
      {target?.kind === 'match' && matchDiff.data && <MatchBody diff={matchDiff.data} onPending={setPending} />}
      <ReasonPrompt
        key={pending ? JSON.stringify(pending) : 'none'}
        opened={pending !== null}
        title={pending?.kind === 'unmatch' ? `Unmatch #${pending.matchId}` : 'Manual match'}
        description={pending?.kind === 'unmatch' ? 'The match is removed; breaks it resolved go back to open and records no break cites become missing_left / missing_right breaks. The audit log keeps the whole match.' : 'These records become a manual match and the break is resolved.'}
        confirmLabel={pending?.kind === 'unmatch' ? 'Unmatch' : 'Match'}
        onCancel={() => setPending(null)}
        onConfirm={(reason) => void confirm(reason)}
      />
    </Drawer>
  );
}
