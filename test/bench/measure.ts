import { monitorEventLoopDelay } from 'node:perf_hooks';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Peak resident set size of this process so far (worker threads included), in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Times fn while watching how long main's event loop was ever blocked. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; maxLoopBlockMs: number; value: T }> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  loop.disable();
  return { ms: Math.round(ms), maxLoopBlockMs: Math.round(loop.max / 1e6), value };
}
