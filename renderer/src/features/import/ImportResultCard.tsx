import { Alert, Button, Group, List, Text } from '@mantine/core';
import type { ImportResult } from '../../../../preload/contract';
import { formatCount, formatTimestamp } from '../../components/formatters';

export function ImportResultCard({ result, onShowRejected, onOpenSource }: { result: ImportResult; onShowRejected?: () => void; onOpenSource?: () => void }) {
  return (
    <Alert color={result.rowsRejected ? 'orange' : 'green'} title={`Imported "${result.name}" as source #${result.sourceId}`} role="status">
      <Text size="sm">
        {formatCount(result.rowsTotal)} rows: {formatCount(result.rowsImported)} imported, {formatCount(result.rowsRejected)} rejected. Data
        frontier {formatTimestamp(result.frontierMs)}.
      </Text>
      {result.warnings.length > 0 && (
        <List size="sm" mt="xs">
          {result.warnings.map((w, i) => <List.Item key={i}>{w}</List.Item>)}
        </List>
      )}
      <Group mt="xs">
        {result.rowsRejected > 0 && onShowRejected && <Button size="xs" variant="light" onClick={onShowRejected}>See the rejected rows</Button>}
        {onOpenSource && <Button size="xs" variant="subtle" onClick={onOpenSource}>Open the source page</Button>}
      </Group>
    </Alert>
  );
}
