import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = { complete: 'green', running: 'blue', cancelled: 'gray', failed: 'red' };

/** A run's status wherever a run is listed, so a cancelled or failed run never passes for a result. */
export function RunStatusBadge({ status, size = 'sm' }: { status: string; size?: 'xs' | 'sm' }) {
  return (
    <Badge size={size} variant={status === 'complete' ? 'light' : 'filled'} color={COLORS[status] ?? 'gray'} aria-label={`status ${status}`}>
      {status}
    </Badge>
  );
}
