import { Badge, Button, Divider, Group, Stack, Text } from '@mantine/core';
import type { BreakDiff } from '../../../../preload/contract';
import { formatMoney } from '../../components/money';
import { STATE_COLOR } from '../breaks/breakColumns';
import { TriageHistoryList } from '../triage/TriageHistoryList';
import { ExplanationPanel } from './ExplanationPanel';
import { manualMatchSides } from './manualMatchSides';
import type { PendingChange } from './pendingChange';
import { SideBySide } from './SideBySide';

/** One break: class, state and money at risk, both sides, the explanation with its candidates, the history. */
export function BreakDiffBody({ diff, onPending, onOpenMatch }: { diff: BreakDiff; onPending: (p: PendingChange) => void; onOpenMatch: (matchId: number) => void }) {
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
      <SideBySide diff={diff} original={diff.original} />
      <Divider label="Explanation" />
      <ExplanationPanel
        explanation={diff.explanation}
        canMatch={(candidate) => candidate.record !== null && manualMatchSides(diff, candidate.record) !== null}
        onMatchCandidate={(candidate) => {
          const sides = candidate.record ? manualMatchSides(diff, candidate.record) : null;
          if (sides) onPending({ kind: 'match', ...sides, breakIds: [row.id], leftLabel: diff.leftSourceName, rightLabel: diff.rightSourceName });
        }}
        onOpenMatch={onOpenMatch}
      />
      {diff.relatedMatchIds.length > 0 && (
        <Group gap="xs">
          <Text size="sm">Already matched in:</Text>
          {diff.relatedMatchIds.map((id) => (
            <Group key={id} gap={4}>
              <Button size="xs" variant="default" onClick={() => onOpenMatch(id)}>
                Open match #{id}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => onPending({ kind: 'unmatch', matchId: id })}>
                Unmatch #{id}
              </Button>
            </Group>
          ))}
        </Group>
      )}
      <Divider label="History" />
      <TriageHistoryList events={diff.history} />
    </Stack>
  );
}
