import { Box, Checkbox, Group, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { BreakRow, BreakSort } from '../../../../preload/contract';
import { SORT_BY_COLUMN, type BreakColumn } from './breakColumns';

const ROW_HEIGHT = 34;
const VIEW_HEIGHT = 540;
const OVERSCAN = 10;

export interface VirtualBreaksTableProps {
  columns: readonly BreakColumn[];
  total: number;
  rowAt: (index: number) => BreakRow | null;
  ensureRange: (start: number, end: number) => void;
  onNearEnd: () => void;
  cursor: number;
  onCursor: (index: number) => void;
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
  onOpen: (row: BreakRow) => void;
  sort: BreakSort;
  onSort: (sort: BreakSort) => void;
}

/**
 * A grid that renders only the rows in view (plus a few either side) inside a spacer as tall as
 * the whole list, so a million rows cost the same DOM as forty.
 */
export function VirtualBreaksTable(props: VirtualBreaksTableProps) {
  const { columns, total, rowAt, ensureRange, cursor } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + VIEW_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const width = 40 + columns.reduce((a, c) => a + c.width, 0);

  useEffect(() => {
    if (total > 0) ensureRange(first, last);
    if (last >= total - 50) props.onNearEnd();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first, last, total, ensureRange]);

  // Keep the cursor row in view when the keyboard moves it.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const top = cursor * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + VIEW_HEIGHT) el.scrollTop = top + ROW_HEIGHT - VIEW_HEIGHT;
  }, [cursor]);

  const rows = [];
  for (let index = first; index <= last; index += 1) {
    const row = rowAt(index);
    const isCursor = index === cursor;
    const isSelected = row !== null && props.selected.has(row.id);
    rows.push(
      <Box
        key={index}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={isSelected}
        data-cursor={isCursor || undefined}
        onClick={() => props.onCursor(index)}
        onDoubleClick={() => row && props.onOpen(row)}
        style={{
          position: 'absolute',
          top: index * ROW_HEIGHT,
          height: ROW_HEIGHT,
          width,
          display: 'flex',
          alignItems: 'center',
          cursor: 'pointer',
          borderBottom: '1px solid var(--mantine-color-default-border)',
          background: isCursor ? 'var(--mantine-primary-color-light)' : isSelected ? 'var(--mantine-color-default-hover)' : undefined,
          outline: isCursor ? '1px solid var(--mantine-primary-color-filled)' : undefined,
        }}
      >
        <Box role="gridcell" w={40} pl={10}>
          {row && <Checkbox size="xs" aria-label={`Select break ${row.id}`} checked={isSelected} onChange={() => props.onToggle(row.id)} onClick={(e) => e.stopPropagation()} />}
        </Box>
        {columns.map((column) => (
          <Box key={column.id} role="gridcell" w={column.width} px={6} ta={column.align} style={{ overflow: 'hidden', whiteSpace: 'nowrap', fontSize: 14 }}>
            {row ? column.render(row) : <Text size="xs" c="dimmed">…</Text>}
          </Box>
        ))}
      </Box>,
    );
  }

  const header = (
    <Group role="row" gap={0} wrap="nowrap" w={width} style={{ position: 'sticky', top: 0, zIndex: 1, height: ROW_HEIGHT, background: 'var(--mantine-color-body)', borderBottom: '2px solid var(--mantine-color-default-border)' }}>
      <Box w={40} />
      {columns.map((column) => {
        const key = SORT_BY_COLUMN[column.id];
        const active = key && props.sort.key === key;
        return (
          <Box key={column.id} role="columnheader" w={column.width} px={6} ta={column.align} aria-sort={active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
            {key ? (
              <UnstyledButton fw={600} fz="sm" onClick={() => props.onSort({ key, direction: active && props.sort.direction === 'asc' ? 'desc' : 'asc' })}>
                {column.label} {active ? (props.sort.direction === 'asc' ? '▲' : '▼') : ''}
              </UnstyledButton>
            ) : (
              <Text fw={600} fz="sm">
                {column.label}
              </Text>
            )}
          </Box>
        );
      })}
    </Group>
  );

  return (
    <div
      ref={scroller}
      role="grid"
      aria-label="Breaks"
      aria-rowcount={total + 1}
      tabIndex={0}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      style={{ height: VIEW_HEIGHT, overflow: 'auto', position: 'relative', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
    >
      {header}
      <div style={{ position: 'relative', height: total * ROW_HEIGHT, width }}>{rows}</div>
    </div>
  );
}
