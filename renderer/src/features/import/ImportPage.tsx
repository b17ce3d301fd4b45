import { Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ImportWizard } from './ImportWizard';
import { RejectedRowsPanel } from './RejectedRowsPanel';
import { SourceDrawer } from './SourceDrawer';

export function ImportPage({ dropped }: { dropped: { filePath: string; at: number } | null }) {
  const [rejectedSource, setRejectedSource] = useState<number | null>(null);
  const [openSource, setOpenSource] = useState<number | null>(null);
  // Bumped by "See the rejected rows": the panel is below the fold of a long preview.
  const [shownAt, setShownAt] = useState(0);
  const rejectedPanel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shownAt) rejectedPanel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [shownAt]);
  const showRejected = (sourceId: number) => {
    setRejectedSource(sourceId);
    setShownAt(Date.now());
  };
  return (
    <Stack gap="lg">
      <ImportWizard onShowRejected={showRejected} onOpenSource={setOpenSource} dropped={dropped} />
      <RejectedRowsPanel ref={rejectedPanel} sourceId={rejectedSource} onSourceChange={setRejectedSource} />
      <SourceDrawer sourceId={openSource} onClose={() => setOpenSource(null)} />
    </Stack>
  );
}
