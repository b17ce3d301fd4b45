import { Stack } from '@mantine/core';
import { useState } from 'react';
import { ImportWizard } from './ImportWizard';
import { RejectedRowsPanel } from './RejectedRowsPanel';

export function ImportPage() {
  const [rejectedSource, setRejectedSource] = useState<number | null>(null);
  return (
    <Stack gap="lg">
      <ImportWizard onShowRejected={setRejectedSource} />
      <RejectedRowsPanel sourceId={rejectedSource} onSourceChange={setRejectedSource} />
    </Stack>
  );
}
