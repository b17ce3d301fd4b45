import { Stack } from '@mantine/core';
import { useState } from 'react';
import { ImportWizard } from './ImportWizard';
import { RejectedRowsPanel } from './RejectedRowsPanel';

export function ImportPage({ dropped }: { dropped: { filePath: string; at: number } | null }) {
  const [rejectedSource, setRejectedSource] = useState<number | null>(null);
  return (
    <Stack gap="lg">
      <ImportWizard onShowRejected={setRejectedSource} dropped={dropped} />
      <RejectedRowsPanel sourceId={rejectedSource} onSourceChange={setRejectedSource} />
    </Stack>
  );
}
