import { Button, List, Stack, Table, Text } from '@mantine/core';
import type { BreakExplanation, DiffCandidate } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';
import { formatMoney } from '../../components/money';

/** The engine's explanation: its words, its facts, and the nearest candidates it rejected. */
export function ExplanationPanel(props: {
  explanation: BreakExplanation;
  /** Whether a candidate can be matched with the break (it must sit on the other side). */
  canMatch?: (candidate: DiffCandidate) => boolean;
  onMatchCandidate?: (candidate: DiffCandidate) => void;
  /** Opens the match that already holds a candidate (it cannot be matched again before that one is removed). */
  onOpenMatch?: (matchId: number) => void;
}) {
  const { explanation } = props;
  return (
    <Stack gap="xs" aria-label="Explanation">
      <Text>{explanation.text ?? 'The engine gave no explanation text for this break.'}</Text>
      {explanation.facts.length > 0 && (
        <List size="sm" spacing={2} aria-label="Facts">
          {explanation.facts.map((fact) => (
            <List.Item key={fact.key} title={`${fact.key}: ${fact.value}`}>
              {fact.text}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm" fw={600}>
        Nearest candidates
      </Text>
      {explanation.candidates.length === 0 ? (
        <Text size="sm" c="dimmed">
          None: nothing on the other side came close enough to report.
        </Text>
      ) : (
        <Table aria-label="Nearest candidates">
          <Table.Tbody>
            {explanation.candidates.map((candidate, i) => (
              <Table.Tr key={candidate.recordId ?? `c${i}`}>
                <Table.Td>
                  {candidate.record ? (
                    <Text size="sm" ff="monospace">
                      {candidate.record.externalId ?? candidate.record.reference ?? `#${candidate.record.id}`} · {formatMoney(candidate.record.amountMinor, candidate.record.currency)} ·{' '}
                      {formatTimestamp(candidate.record.tsMs)} · {candidate.record.fileName}:{candidate.record.line}
                    </Text>
                  ) : (
                    <Text size="sm">{candidate.recordId !== null ? `record #${candidate.recordId} (not found)` : 'unnamed candidate'}</Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {candidate.score !== null ? `score ${candidate.score} · ` : ''}
                    {candidate.detail}
                  </Text>
                </Table.Td>
                <Table.Td w={150}>
                  {candidate.claimedByMatchId !== null && (
                    <Button size="xs" variant="default" disabled={!props.onOpenMatch} onClick={() => props.onOpenMatch?.(candidate.claimedByMatchId!)}>
                      Open match #{candidate.claimedByMatchId}
                    </Button>
                  )}
                  {candidate.claimedByMatchId === null && props.onMatchCandidate && candidate.record && (props.canMatch?.(candidate) ?? true) && (
                    <Button size="xs" variant="light" onClick={() => props.onMatchCandidate!(candidate)}>
                      Match with this
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
