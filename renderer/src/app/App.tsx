import { createTheme, MantineProvider } from '@mantine/core';
import { Shell } from './Shell';

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", ui-monospace, SFMono-Regular, Menlo, monospace',
  defaultRadius: 'sm',
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Shell />
    </MantineProvider>
  );
}
