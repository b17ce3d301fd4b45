import { Button, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';

export function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Button variant="subtle" size="xs" onClick={() => setColorScheme(next)} aria-label={`Switch to ${next} theme`}>
      {computed === 'dark' ? 'Light theme' : 'Dark theme'}
    </Button>
  );
}
