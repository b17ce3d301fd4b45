import { Alert } from '@mantine/core';

export function ErrorNotice({ title, message }: { title: string; message: string }) {
  return (
    <Alert color="red" title={title} role="alert">
      {message}
    </Alert>
  );
}
