import { Text } from '@mantine/core';
import type { TimeBucket } from '../../../../preload/contract';
import { formatCount, formatTimestamp } from '../../components/formatters';

const WIDTH = 900;
const HEIGHT = 180;
const PAD = 28;

/** Plain SVG bars, one per bucket; gaps in time stay gaps so a quiet hour is visible as one. */
export function BreaksOverTimeChart({ buckets, bucket }: { buckets: TimeBucket[]; bucket: 'hour' | 'day' }) {
  if (buckets.length === 0) return <Text c="dimmed" size="sm">No timestamped breaks in this run.</Text>;
  const size = bucket === 'day' ? 86_400_000 : 3_600_000;
  const first = buckets[0]!.startMs;
  const slots = Math.min(2000, Math.round((buckets[buckets.length - 1]!.startMs - first) / size) + 1);
  const max = Math.max(...buckets.map((b) => b.count));
  const barWidth = (WIDTH - PAD) / slots;
  return (
    <svg role="img" aria-label={`Breaks per ${bucket}`} viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`} width="100%" style={{ maxHeight: 220 }}>
      <line x1={PAD} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="currentColor" strokeOpacity={0.3} />
      <text x={0} y={12} fontSize={11} fill="currentColor">
        {formatCount(max)}
      </text>
      {buckets.map((b) => {
        const slot = Math.round((b.startMs - first) / size);
        if (slot >= slots) return null;
        const h = Math.max(1, (b.count / max) * (HEIGHT - 16));
        return (
          <rect key={b.startMs} x={PAD + slot * barWidth + 0.5} y={HEIGHT - h} width={Math.max(1, barWidth - 1)} height={h} fill="var(--mantine-color-indigo-5)">
            <title>{`${formatTimestamp(b.startMs)}: ${formatCount(b.count)} breaks`}</title>
          </rect>
        );
      })}
      <text x={PAD} y={HEIGHT + 16} fontSize={11} fill="currentColor">
        {formatTimestamp(first)}
      </text>
      <text x={WIDTH} y={HEIGHT + 16} fontSize={11} fill="currentColor" textAnchor="end">
        {formatTimestamp(buckets[buckets.length - 1]!.startMs)}
      </text>
    </svg>
  );
}
