import { z } from 'zod';
import { BLAST_RADII, BREAK_CLASSES, BREAK_SORT_KEYS, TRIAGE_STATES } from '../../../preload/contract';

/** Request pieces shared by the breaks, triage and matches domains. */
export const idSchema = z.number().int().min(1);
export const breakClassSchema = z.enum(BREAK_CLASSES as [string, ...string[]]);
const minor = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const shortText = z.string().max(200);
// Major units as typed: up to 11 whole digits and 6 decimals, so the minor value stays a safe integer.
const majorAmount = z.string().trim().regex(/^-?\d{1,11}(\.\d{1,6})?$/, 'an amount such as 12.50');

export const breakFilterSchema = z.strictObject({
  runId: idSchema,
  classes: z.array(breakClassSchema).max(BREAK_CLASSES.length).optional(),
  states: z.array(z.enum(TRIAGE_STATES as [string, ...string[]])).max(TRIAGE_STATES.length).optional(),
  blastRadius: z.array(z.enum(BLAST_RADII as [string, ...string[]])).max(BLAST_RADII.length).optional(),
  account: shortText.optional(),
  customer: shortText.optional(),
  assignee: shortText.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a 3-letter currency code such as USD').optional(),
  minAmountMinor: minor.optional(),
  maxAmountMinor: minor.optional(),
  minAmount: majorAmount.optional(),
  maxAmount: majorAmount.optional(),
  fromMs: z.number().int().optional(),
  toMs: z.number().int().optional(),
  text: shortText.optional(),
});

export const breakSortSchema = z.strictObject({
  key: z.enum(BREAK_SORT_KEYS as [string, ...string[]]),
  direction: z.enum(['asc', 'desc']),
});

export const reasonSchema = z.string().trim().min(1, 'a reason is required').max(2000);
export const idListSchema = z.array(idSchema).min(1).max(5000);
