import { Button, Group, JsonInput, Stack } from '@mantine/core';

/**
 * The effective mapping as editable JSON. A mapping the importer refuses keeps the editor open with the
 * reason under it, so the field can be fixed where it is instead of starting over.
 */
export function MappingEditor(props: { text: string; onChange: (text: string) => void; error: string | null; edited: boolean; onUseGuess: () => void }) {
  return (
    <Stack gap={4}>
      <JsonInput label="Column mapping (edit, then preview again)" value={props.text} onChange={props.onChange}
        autosize minRows={6} maxRows={18} error={props.error} spellCheck={false} aria-label="Column mapping"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }} />
      {props.edited && (
        <Group justify="flex-start">
          <Button size="xs" variant="subtle" onClick={props.onUseGuess}>Use the guessed mapping</Button>
        </Group>
      )}
    </Stack>
  );
}
