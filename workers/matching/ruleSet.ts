import { z } from 'zod';

/**
 * Declarative, versioned rule sets (DESIGN.md §2). Validated strictly on load: unknown keys are
 * rejected so a typo ("maxDeltaMS") fails loudly instead of silently falling back to a default.
 * Time deltas are always `right.tsMs − left.tsMs`; bounds are inclusive.
 */

const HOUR_MS = 3_600_000;
const keyField = z.enum(['externalId', 'reference']);
const statusClass = z.enum(['ok', 'failed', 'pending', 'other']);
const amountBasis = z.enum(['gross', 'net']);

const keyNormalization = z.strictObject({
  trim: z.boolean().default(true),
  case: z.enum(['preserve', 'lower', 'upper']).default('preserve'),
  stripPrefixes: z.array(z.string().min(1)).default([]),
});

const amountTolerance = z.strictObject({
  /** Inclusive: |delta| ≤ max(absoluteMinor, floor(relative × |left amount|)). */
  absoluteMinor: z.number().int().min(0).default(0),
  relative: z.number().min(0).max(1).default(0),
  /** net = amount − fee (fee absent counts as 0). */
  leftBasis: amountBasis.default('gross'),
  rightBasis: amountBasis.default('gross'),
});

const timeWindow = z
  .strictObject({
    minDeltaMs: z.number().int(),
    maxDeltaMs: z.number().int(),
  })
  .refine((w) => w.minDeltaMs <= w.maxDeltaMs, { message: 'minDeltaMs must be ≤ maxDeltaMs' });

const passName = z.string().min(1).max(80);

const exactKeyPass = z.strictObject({
  strategy: z.literal('exact_key'),
  name: passName,
  leftKey: keyField,
  rightKey: keyField,
  amount: amountTolerance.default({ absoluteMinor: 0, relative: 0, leftBasis: 'gross', rightBasis: 'gross' }),
  time: timeWindow,
});

const tolerancePass = z.strictObject({
  strategy: z.literal('tolerance'),
  name: passName,
  /** The key fields whose non-empty, different values forbid a pairing. */
  leftKey: keyField,
  rightKey: keyField,
  amount: amountTolerance,
  time: timeWindow,
  /** Candidates examined per record, nearest first. */
  maxCandidates: z.number().int().min(1).max(64).default(8),
  requireSameStatusClass: z.boolean().default(true),
});

const aggregatePass = z.strictObject({
  strategy: z.literal('aggregate'),
  name: passName,
  /** Which side holds the many records whose sum is one record of the other side. */
  many: z.enum(['left', 'right']),
  maxGroupSize: z.number().int().min(2).max(5000),
  amount: amountTolerance,
  time: timeWindow,
});

const pass = z.discriminatedUnion('strategy', [exactKeyPass, tolerancePass, aggregatePass]);

const ruleSetSchema = z.strictObject({
  format: z.literal('recon-desk/rules@1').default('recon-desk/rules@1'),
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a lower-case name of letters, digits, . _ -'),
  version: z.number().int().min(1),
  description: z.string().max(2000).default(''),
  leftKind: z.enum(['ledger', 'processor', 'bank']).optional(),
  rightKind: z.enum(['ledger', 'processor', 'bank']).optional(),
  keyNormalization: keyNormalization.default({ trim: true, case: 'preserve', stripPrefixes: [] }),
  constraints: z
    .strictObject({
      sameAccount: z.boolean().default(true),
      // Amounts of two currencies are never compared, summed or taken as equal (there are no exchange rates), so the
      // constraint cannot be lifted; a key pair in two currencies is a currency_mismatch.
      sameCurrency: z.boolean().default(true).refine((v) => v, 'must be true: amounts in different currencies are never compared (there are no exchange rates), so a key pair in two currencies is a currency_mismatch break'),
    })
    .default({ sameAccount: true, sameCurrency: true }),
  /** Lower-case status spellings per class; unlisted statuses are 'other' (compatible with anything). */
  statusClasses: z
    .strictObject({ ok: z.array(z.string()), failed: z.array(z.string()), pending: z.array(z.string()) })
    .optional(),
  /** Records whose status falls in these classes take no part (counted as `excluded`). */
  exclude: z
    .strictObject({ left: z.array(statusClass).default([]), right: z.array(statusClass).default([]) })
    .default({ left: [], right: [] }),
  /** Fields whose repeated value (per account when sameAccount) marks a duplicate, per side. */
  duplicates: z
    .strictObject({ left: z.array(keyField).default([]), right: z.array(keyField).default([]) })
    .default({ left: [], right: [] }),
  /**
   * Per-account sequence checks. `gaps` also reports a skipped sequence number; off by default, since many
   * ledgers number their records across all accounts, where every account would show gaps.
   */
  outOfOrder: z
    .strictObject({ enabled: z.boolean().default(true), gaps: z.boolean().default(false) })
    .default({ enabled: true, gaps: false }),
  /** How far outside a window an unmatched counterpart is still looked for (a `delay`). */
  delay: z.strictObject({ horizonMs: z.number().int().min(0) }).default({ horizonMs: 14 * 24 * HOUR_MS }),
  blastRadius: z
    .strictObject({
      clusterGapMs: z.number().int().min(0).default(15 * 60_000),
      shortWindowMs: z.number().int().min(0).default(HOUR_MS),
    })
    .default({ clusterGapMs: 15 * 60_000, shortWindowMs: HOUR_MS }),
  passes: z.array(pass).min(1, 'at least one pass is needed'),
});

export type RuleSet = z.infer<typeof ruleSetSchema>;
export type Pass = z.infer<typeof pass>;
export type ExactKeyPass = z.infer<typeof exactKeyPass>;
export type TolerancePass = z.infer<typeof tolerancePass>;
export type AggregatePass = z.infer<typeof aggregatePass>;
export type AmountTolerance = z.infer<typeof amountTolerance>;
export type TimeWindow = z.infer<typeof timeWindow>;
export type KeyField = z.infer<typeof keyField>;
export type SourceKindName = 'ledger' | 'processor' | 'bank';

export class RuleSetError extends Error {
  readonly code = 'INVALID_RULES';
  constructor(readonly problems: string[]) {
    super(`Invalid rule set:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let out = 'rules';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  return out;
}

/** Validates and fills defaults; throws RuleSetError listing every problem as "path: what was expected". */
export function parseRuleSet(json: unknown): RuleSet {
  const value = typeof json === 'string' ? parseJsonText(json) : json;
  const result = ruleSetSchema.safeParse(value);
  if (!result.success) {
    throw new RuleSetError(result.error.issues.map((issue) => `${pathText(issue.path)}: ${issue.message}`));
  }
  const names = new Set<string>();
  for (const [index, p] of result.data.passes.entries()) {
    if (names.has(p.name)) throw new RuleSetError([`rules.passes[${index}].name: duplicate pass name "${p.name}"`]);
    names.add(p.name);
  }
  return result.data;
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RuleSetError([`rules: not valid JSON (${(error as Error).message})`]);
  }
}

const DAY_MS = 24 * HOUR_MS;

export const DEFAULT_RULES: { ledgerProcessor: RuleSet; processorBank: RuleSet; generic: RuleSet } = {
  ledgerProcessor: parseRuleSet({
    name: 'ledger-processor',
    version: 1,
    description: 'Ledger txn_id ↔ processor ref, then key-less account + exact amount within 24 h.',
    leftKind: 'ledger',
    rightKind: 'processor',
    constraints: { sameAccount: true, sameCurrency: true },
    duplicates: { left: ['reference', 'externalId'], right: ['externalId'] },
    passes: [
      {
        strategy: 'exact_key', name: 'exact-key', leftKey: 'externalId', rightKey: 'externalId',
        amount: { absoluteMinor: 0 }, time: { minDeltaMs: -HOUR_MS, maxDeltaMs: DAY_MS },
      },
      {
        strategy: 'tolerance', name: 'account-amount-24h', leftKey: 'externalId', rightKey: 'externalId',
        amount: { absoluteMinor: 0 }, time: { minDeltaMs: -HOUR_MS, maxDeltaMs: DAY_MS },
      },
    ],
  }),
  processorBank: parseRuleSet({
    name: 'processor-bank',
    version: 1,
    description: 'Bank payout lines = the sum of settled processor charges net of fees, per account and currency.',
    leftKind: 'processor',
    rightKind: 'bank',
    constraints: { sameAccount: true, sameCurrency: true },
    exclude: { left: ['failed'], right: [] },
    // A statement's references repeat legitimately (MT940 "NONREF", a batch reference): bank lines are not deduplicated.
    duplicates: { left: ['externalId'], right: [] },
    outOfOrder: { enabled: false },
    passes: [
      {
        strategy: 'aggregate', name: 'payout-sum', many: 'left', maxGroupSize: 2000,
        amount: { absoluteMinor: 0, leftBasis: 'net', rightBasis: 'gross' },
        // A bank line stamped 23:00 on day D pays out charges settled from D−1 23:00 to before D+1 00:00.
        time: { minDeltaMs: -HOUR_MS + 1, maxDeltaMs: DAY_MS },
      },
    ],
  }),
  generic: parseRuleSet({
    name: 'generic',
    version: 1,
    description: 'External id ↔ external id, then account + exact amount within 24 h.',
    duplicates: { left: ['externalId'], right: ['externalId'] },
    passes: [
      {
        strategy: 'exact_key', name: 'exact-key', leftKey: 'externalId', rightKey: 'externalId',
        time: { minDeltaMs: -DAY_MS, maxDeltaMs: DAY_MS },
      },
      {
        strategy: 'tolerance', name: 'account-amount-24h', leftKey: 'externalId', rightKey: 'externalId',
        amount: { absoluteMinor: 0 }, time: { minDeltaMs: -DAY_MS, maxDeltaMs: DAY_MS },
      },
    ],
  }),
};

/** The default rule set for a pair of source kinds (left first). */
export function ruleSetForKinds(leftKind: SourceKindName, rightKind: SourceKindName): RuleSet {
  if (leftKind === 'ledger' && rightKind === 'processor') return DEFAULT_RULES.ledgerProcessor;
  if (leftKind === 'processor' && rightKind === 'bank') return DEFAULT_RULES.processorBank;
  if (leftKind === 'bank' || rightKind === 'bank') {
    // A statement's references repeat legitimately (MT940 "NONREF", a batch reference): not duplicates there.
    const { left, right } = DEFAULT_RULES.generic.duplicates;
    return parseRuleSet({
      ...DEFAULT_RULES.generic, name: 'generic-bank',
      description: `${DEFAULT_RULES.generic.description} Bank lines are not checked for duplicates.`,
      duplicates: { left: leftKind === 'bank' ? [] : left, right: rightKind === 'bank' ? [] : right },
    });
  }
  return DEFAULT_RULES.generic;
}
