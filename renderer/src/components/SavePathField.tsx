import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call } from '../api/reconClient';

/**
 * A CSV file path: typed, or picked with the native save dialog ("Browse…"). `onPicked` tells the
 * caller the dialog already asked about replacing an existing file.
 */
export function SavePathField(props: {
  label: string;
  title: string;
  value: string;
  placeholder?: string;
  onChange: (path: string) => void;
  onPicked?: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const browse = async () => {
    setError(null);
    try {
      const { filePath } = await call('workspace:choose-save-path', { title: props.title, defaultPath: props.value });
      if (filePath) {
        props.onChange(filePath);
        props.onPicked?.();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap" style={{ flex: 1 }}>
      <TextInput label={props.label} placeholder={props.placeholder} value={props.value} error={error} style={{ flex: 1 }}
        onChange={(e) => { setError(null); props.onChange(e.currentTarget.value); }} />
      <Button variant="default" mt={25} aria-label="Choose where to save" onClick={() => void browse()}>Browse…</Button>
    </Group>
  );
}
