import { AppShell, Group, Kbd, NavLink, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { subscribe } from '../api/reconClient';
import { AuditPage } from '../features/audit/AuditPage';
import { BreaksPage } from '../features/breaks/BreaksPage';
import { ImportPage } from '../features/import/ImportPage';
import { UpcomingPage } from '../features/placeholder/UpcomingPage';
import { RunsPage } from '../features/runs/RunsPage';
import { WorkspacePage } from '../features/workspace/WorkspacePage';
import { ShortcutHelp } from '../components/ShortcutHelp';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { PAGES, type PageId } from './pages';
import { useGoToShortcuts } from './useGoToShortcuts';

export function Shell() {
  const [page, setPage] = useState<PageId>('workspace');
  const [dropped, setDropped] = useState<{ filePath: string; at: number } | null>(null);
  // A file dropped anywhere on the window opens the import wizard on it.
  useEffect(
    () =>
      subscribe('recon:file-dropped', ({ filePath }) => {
        setDropped({ filePath, at: Date.now() });
        setPage('import');
      }),
    [],
  );
  useGoToShortcuts(setPage);
  const current = PAGES.find((p) => p.id === page)!;
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={4}>Recon Desk</Title>
            <Text size="sm" c="dimmed">
              {current.description}
            </Text>
          </Group>
          <ColorSchemeToggle />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {PAGES.map((p) => (
          <NavLink
            key={p.id}
            label={p.label}
            active={p.id === page}
            onClick={() => setPage(p.id)}
            rightSection={
              <Text size="xs" c="dimmed">
                <Kbd size="xs">g</Kbd> <Kbd size="xs">{p.key}</Kbd>
              </Text>
            }
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {page === 'workspace' && <WorkspacePage onNavigate={setPage} />}
        {page === 'audit' && <AuditPage />}
        {page === 'import' && <ImportPage dropped={dropped} />}
        {page === 'runs' && <RunsPage onNavigate={setPage} />}
        {page === 'breaks' && <BreaksPage onNavigate={setPage} />}
        {!['workspace', 'audit', 'runs', 'breaks', 'import'].includes(page) && <UpcomingPage page={current} onNavigate={setPage} />}
      </AppShell.Main>
      <ShortcutHelp />
    </AppShell>
  );
}
