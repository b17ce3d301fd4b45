import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import type { ImportRefusal } from './useImportWizard';

/** Why the Import click did nothing, said beside the button, with the way forward when there is one. */
export function ImportRefusalNotice(props: {
  refusal: ImportRefusal;
  onOpenSource?: (sourceId: number) => void;
  onImportAnyway: () => void;
}) {
  const { refusal, onOpenSource, onImportAnyway } = props;
  if (refusal.kind === 'cancelled') {
    return <Alert color="gray" title="Import cancelled; nothing was kept" role="status">No source was added and no row was written.</Alert>;
  }
  if (refusal.kind === 'failed') {
    return <Alert color="red" title="The import did not complete" role="alert">{refusal.message}</Alert>;
  }
  const { sourceId, sourceName } = refusal.duplicate;
  const source = `source #${sourceId} "${sourceName}"`;
  return (
    <Alert color="yellow" title="This file is already in the workspace" role="alert">
      <Text size="sm">
        The same bytes were imported as{' '}
        {onOpenSource ? <Anchor component="button" size="sm" onClick={() => onOpenSource(sourceId)}>{source}</Anchor> : source}.
        Importing it again would count every row twice in a run, so Recon Desk asks first.
      </Text>
      <Group mt="xs">
        <Button size="xs" variant="light" color="yellow" onClick={onImportAnyway}>Import as a new source anyway</Button>
      </Group>
    </Alert>
  );
}
