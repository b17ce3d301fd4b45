import type { BreakFilter } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';

/** The filter in words, for a confirmation that must say exactly which breaks a whole-filter action touches. */
export function describeFilter(filter: BreakFilter): string {
  const parts: string[] = [];
  if (filter.classes?.length) parts.push(`class ${filter.classes.join(' or ')}`);
  if (filter.states?.length) parts.push(`triage ${filter.states.join(' or ')}`);
  if (filter.blastRadius?.length) parts.push(`blast radius ${filter.blastRadius.join(' or ')}`);
  if (filter.account) parts.push(`account ${filter.account}`);
  if (filter.customer) parts.push(`customer ${filter.customer}`);
  if (filter.assignee !== undefined) parts.push(filter.assignee ? `assignee ${filter.assignee}` : 'unassigned');
  if (filter.currency) parts.push(`currency ${filter.currency}`);
  const units = filter.currency ? filter.currency : 'in each break’s currency';
  if (filter.minAmount !== undefined) parts.push(`amount ≥ ${filter.minAmount} ${units}`);
  if (filter.maxAmount !== undefined) parts.push(`amount ≤ ${filter.maxAmount} ${units}`);
  if (filter.minAmountMinor !== undefined) parts.push(`amount ≥ ${filter.minAmountMinor} minor units`);
  if (filter.maxAmountMinor !== undefined) parts.push(`amount ≤ ${filter.maxAmountMinor} minor units`);
  if (filter.fromMs !== undefined) parts.push(`from ${formatTimestamp(filter.fromMs)}`);
  if (filter.toMs !== undefined) parts.push(`before ${formatTimestamp(filter.toMs)}`);
  if (filter.text) parts.push(`search “${filter.text}”`);
  return parts.length ? parts.join(', ') : `every break of run #${filter.runId} (no filter)`;
}
