import { Alert, Badge, Card, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BreakFilter, BreakRow, BreakSort } from '../../../../preload/contract';
import { useReconQuery } from '../../api/useRecon';
import type { PageId } from '../../app/pages';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/formatters';
import { DiffDrawer, type DiffTarget } from '../diff/DiffDrawer';
import { MatchesPanel } from '../matches/MatchesPanel';
import { RunNotCompleteNotice } from '../runs/RunNotCompleteNotice';
import { RunSelect } from '../runs/RunSelect';
import { useSelectedRun } from '../runs/selectedRun';
import { TriageBar } from '../triage/TriageBar';
import { BREAK_COLUMNS, DEFAULT_COLUMNS } from './breakColumns';
import { BreaksFilterBar } from './BreaksFilterBar';
import { ColumnChooser } from './ColumnChooser';
import { ExportCsvButton } from './ExportCsvButton';
import { useBreakPages } from './useBreakPages';
import { useBreaksKeyboard } from './useBreaksKeyboard';
import { useDrawerKeyboard } from './useDrawerKeyboard';
import { VirtualBreaksTable } from './VirtualBreaksTable';

type FilterFields = Omit<BreakFilter, 'runId'>;

function currenciesLoaded(rowAt: (index: number) => BreakRow | null, upTo: number): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < upTo; i += 1) {
    const currency = rowAt(i)?.currency;
    if (currency) seen.add(currency);
  }
  return seen;
}

function RunBreaks({ runId, initialClasses, storePath }: { runId: number; initialClasses: string[]; storePath: string }) {
  const [fields, setFields] = useState<FilterFields>(() => (initialClasses.length ? { classes: initialClasses as FilterFields['classes'] } : {}));
  const [sort, setSort] = useState<BreakSort>({ key: 'ts', direction: 'asc' });
  const [columnIds, setColumnIds] = useState<string[]>(DEFAULT_COLUMNS);
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [diff, setDiff] = useState<DiffTarget | null>(null);
  const [tab, setTab] = useState<string | null>('breaks');
  const filter = useMemo<BreakFilter>(() => ({ ...fields, runId }), [fields, runId]);
  const pages = useBreakPages(filter, sort);
  const total = pages.count?.count ?? 0;
  const countLabel = pages.count ? `${formatCount(total)}${pages.count.capped ? '+' : ''}` : '…';
  const columns = BREAK_COLUMNS.filter((c) => columnIds.includes(c.id));
  const quick = useRef({ investigate: () => {}, undo: () => {} });
  // Amounts sort by stored minor units, which do not compare across currencies: say so when it matters.
  const mixedAmountSort = sort.key === 'amount' && !fields.currency && currenciesLoaded(pages.rowAt, Math.min(total, 500)).size > 1;

  const onFilter = useCallback((next: FilterFields) => {
    setFields(next);
    setCursor(0);
    setSelected(new Set());
  }, []);
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const move = (delta: number) => setCursor((c) => Math.max(0, Math.min(total - 1, c + delta)));
  useBreaksKeyboard(tab === 'breaks' && diff === null, {
    move,
    jump: (index) => setCursor(Math.max(0, Math.min(total - 1, index))),
    open: () => {
      const row = pages.rowAt(cursor);
      if (row) setDiff({ kind: 'break', id: row.id });
    },
    toggle: () => {
      const row = pages.rowAt(cursor);
      if (row) toggle(row.id);
    },
    investigate: () => quick.current.investigate(),
    undo: () => quick.current.undo(),
  });

  // j/k in an open break diff step through the table; the drawer follows once the row is loaded.
  const follow = useRef(false);
  useDrawerKeyboard(tab === 'breaks' && diff?.kind === 'break', (delta) => {
    follow.current = true;
    move(delta);
  });
  const cursorRowId = pages.rowAt(cursor)?.id ?? null;
  useEffect(() => {
    if (!follow.current || cursorRowId === null) return;
    follow.current = false;
    setDiff((d) => (d?.kind === 'break' && d.id !== cursorRowId ? { kind: 'break', id: cursorRowId } : d));
  }, [cursor, cursorRowId]);

  const exportDir = storePath.replace(/[\\/][^\\/]*$/, '');
  return (
    <Tabs value={tab} onChange={setTab}>
      <Tabs.List>
        <Tabs.Tab value="breaks">Breaks</Tabs.Tab>
        <Tabs.Tab value="matches">Matches</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="breaks" pt="sm">
        <Stack gap="sm">
          <BreaksFilterBar value={fields} onChange={onFilter} onLeave={() => document.querySelector<HTMLElement>('[role="grid"][aria-label="Breaks"]')?.focus()} />
          <Card withBorder padding="xs">
            <TriageBar
              runId={runId}
              filter={filter}
              selectedIds={[...selected]}
              cursorId={cursorRowId}
              matchingLabel={countLabel}
              onDone={() => setSelected(new Set())}
              bindKeys={(keys) => (quick.current = keys)}
            />
          </Card>
          <Group justify="space-between">
            <Group gap="xs">
              <Badge size="lg" variant="light" aria-label="Matching breaks">
                {countLabel} {total === 1 && !pages.count?.capped ? 'break' : 'breaks'}
              </Badge>
              {pages.counting && <Loader size="xs" aria-label="Counting breaks" />}
              <Text size="xs" c="dimmed">
                {pages.counting && fields.text ? 'Searching (the first search of a run builds its index) · ' : ''}j/k move · Enter diff · x select · ? help
              </Text>
            </Group>
            <Group gap="xs">
              <ColumnChooser visible={columnIds} onChange={setColumnIds} />
              <ExportCsvButton filter={filter} sort={sort} defaultPath={`${exportDir}/breaks-run-${runId}.csv`} />
            </Group>
          </Group>
          {mixedAmountSort && (
            <Alert color="yellow" role="note" aria-label="Mixed currencies" py={6}>
              These breaks are in several currencies; amounts are ranked by their minor units (1 JPY, 1 cent and 0.001 KWD count alike). Filter one currency to rank them by value.
            </Alert>
          )}
          {pages.error && <ErrorNotice title="Could not load breaks" message={`${pages.error} Change the filter or reload the page.`} />}
          {pages.count && total === 0 ? (
            <Alert color="gray" title="No breaks match this filter">
              Clear a filter (or “Clear filters”) to see more; a search matches words from the start, e.g. “txn_00” finds txn_0042.
            </Alert>
          ) : (
            <VirtualBreaksTable
              columns={columns}
              total={total}
              rowAt={pages.rowAt}
              ensureRange={pages.ensureRange}
              onNearEnd={pages.extendCount}
              cursor={cursor}
              onCursor={setCursor}
              selected={selected}
              onToggle={toggle}
              onOpen={(row) => setDiff({ kind: 'break', id: row.id })}
              sort={sort}
              onSort={(next) => {
                setSort(next);
                setCursor(0);
              }}
            />
          )}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="matches" pt="sm">
        <MatchesPanel runId={runId} onOpen={(id) => setDiff({ kind: 'match', id })} />
      </Tabs.Panel>
      <DiffDrawer target={diff} onTarget={setDiff} onClose={() => setDiff(null)} />
    </Tabs>
  );
}

export function BreaksPage({ onNavigate }: { onNavigate: (page: PageId) => void }) {
  const summary = useReconQuery('workspace:get-summary', { auditLimit: 0 });
  const selected = useSelectedRun();
  if (summary.loading && !summary.data) return <Loader aria-label="Loading runs" />;
  if (summary.error) return <ErrorNotice title="Could not read the workspace" message={`${summary.error} Reopen the workspace or check the store folder.`} />;
  const runs = summary.data?.runs ?? [];
  if (runs.length === 0) {
    return (
      <EmptyState
        title="No breaks to triage yet"
        message="Breaks come from runs. Import two sources (or load the demo) and start a run; its breaks will appear here."
        actionLabel="Go to the workspace"
        onAction={() => onNavigate('workspace')}
      />
    );
  }
  const runId = selected.runId !== null && runs.some((r) => r.id === selected.runId) ? selected.runId : runs[0]!.id;
  const run = runs.find((r) => r.id === runId)!;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Breaks</Title>
          <Text size="sm" c="dimmed">
            Filter, open side by side, triage; every change is audited and the last one can be undone.
          </Text>
        </div>
        <RunSelect runs={runs} sources={summary.data?.sources ?? []} runId={runId} />
      </Group>
      {run.status === 'complete' ? (
        <RunBreaks key={`${runId}|${selected.classes.join(',')}`} runId={runId} initialClasses={selected.classes} storePath={summary.data!.storePath} />
      ) : (
        <RunNotCompleteNotice runId={runId} status={run.status} startedAtMs={run.startedAtMs} finishedAtMs={run.finishedAtMs} ending={null} />
      )}
    </Stack>
  );
}
