import { createHash, type Hash } from 'node:crypto';
import type { EngineInput } from './engineInput';
import { encodeInput } from './inputCodec';

/**
 * Run fingerprints hash record content and line numbers (the citations), never database ids,
 * so the same files give the same fingerprint whatever order or chunks they were imported in.
 */

function updateNumbers(hash: Hash, values: Float64Array): void {
  hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

/** SHA-256 over one side's columns in canonical order (the snapshot codec's bytes; see inputCodec). */
export function digestInput(input: EngineInput): string {
  return input.digest ?? encodeInput(input).digest;
}

/** JSON with object keys sorted, so equal values always serialize equally. */
export function stableJson(value: unknown, skipKeys: ReadonlySet<string> = new Set()): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v, skipKeys)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([k, v]) => v !== undefined && !skipKeys.has(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v, skipKeys)}`).join(',')}}`;
}

export { updateNumbers };
