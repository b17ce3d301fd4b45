import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TaskProgress } from '../../components/TaskProgress';
import { ImportFileForm } from './ImportFileForm';
import { ImportResultCard } from './ImportResultCard';
import { ImportRefusalNotice } from './ImportRefusalNotice';
import { MappingEditor } from './MappingEditor';
import { PreviewTable } from './PreviewTable';
import { choiceLabel } from './choiceLabel';
import { useImportWizard } from './useImportWizard';
import { WholeFileCheck } from './WholeFileCheck';

/** File → preview as parsed with the mapping pre-filled by the guess → validation summary → import. */
export function ImportWizard(props: {
  onShowRejected?: (sourceId: number) => void;
  dropped: { filePath: string; at: number } | null;
  /** Called once a file is imported (e.g. to pick the new source for a run). */
  onImported?: (sourceId: number) => void;
  /** Opens a source's page (e.g. the one a re-import duplicates). */
  onOpenSource?: (sourceId: number) => void;
}) {
  const { onShowRejected, dropped, onImported, onOpenSource } = props;
  const w = useImportWizard(onImported);
  const { startWith } = w;
  useEffect(() => {
    if (dropped) startWith(dropped.filePath);
  }, [dropped, startWith]);
  const busy = w.previewing || w.task.running;
  // The outcome appears below a long preview: bring it into view.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (w.result) resultRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [w.result]);
  const okRows = w.preview?.normalized.filter((n) => n.ok).length ?? 0;
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={3}>Import a file</Title>
        <Text size="sm" c="dimmed">Drop a file anywhere on the window, browse for it, or type its path.</Text>
        <ImportFileForm values={w.form} onChange={w.setForm} disabled={busy} />
        <Group justify="flex-end">
          <Button variant="default" onClick={w.reset} disabled={busy}>Start over</Button>
          <Button onClick={w.runPreview} loading={w.previewing} disabled={!w.form.filePath.trim() || w.task.running}>
            {w.preview ? 'Preview again' : 'Preview'}
          </Button>
        </Group>
        {w.error && <ErrorNotice title="The file cannot be imported as it is" message={w.error} />}
        {w.preview && (
          <>
            <Text size="sm" c="dimmed">
              {w.preview.format} · {w.preview.encoding}
              {w.preview.delimiter ? ` · delimiter ${JSON.stringify(w.preview.delimiter)}` : ''}
            </Text>
            {w.preview.questions.map((q) => (
              <Alert key={q.key} color="yellow" title="A question before importing" role="alert">
                <Stack gap="xs">
                  <Text size="sm">{q.prompt} Recon Desk will not guess this for you.</Text>
                  <Select aria-label={q.prompt} placeholder="Choose" data={q.choices.map((c) => ({ value: c, label: choiceLabel(q.key, c) }))}
                    onChange={(choice) => choice && w.answer(q.key, choice)} w={220} />
                </Stack>
              </Alert>
            ))}
            {w.preview.warnings.length > 0 && (
              <Alert color="gray" title="Notes">
                {w.preview.warnings.map((m) => <Text key={m} size="sm">{m}</Text>)}
              </Alert>
            )}
            <PreviewTable preview={w.preview} />
            <WholeFileCheck sample={{ rows: w.preview.normalized.length, ok: okRows }} request={w.checkRequest}
              blockedBy={w.preview.questions.length ? 'Answer the question above first.' : w.mappingError ? 'Fix the mapping first.' : null} />
            <MappingEditor text={w.mappingText} onChange={w.setMappingText} error={w.mappingError} edited={w.mappingEdited}
              onUseGuess={w.useGuessedMapping} />
            {w.task.running && <TaskProgress event={w.task.progress} onCancel={w.task.cancel} />}
            <Group justify="flex-end">
              {w.alreadyImported && <Text size="sm" c="dimmed">Imported. Change the file or its settings to import again.</Text>}
              <Button onClick={() => w.runImport()} disabled={!w.canImport} loading={w.task.running}>Import</Button>
            </Group>
            {w.refusal && (
              <ImportRefusalNotice refusal={w.refusal} onImportAnyway={() => w.runImport(true)} {...(onOpenSource ? { onOpenSource } : {})} />
            )}
          </>
        )}
        {w.result && (
          <div ref={resultRef}>
            <ImportResultCard result={w.result} {...(onShowRejected ? { onShowRejected: () => onShowRejected(w.result!.sourceId) } : {})}
              {...(onOpenSource ? { onOpenSource: () => onOpenSource(w.result!.sourceId) } : {})} />
          </div>
        )}
      </Stack>
    </Card>
  );
}
