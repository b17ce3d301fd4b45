/**
 * Shapes of the analyst workspace (issue 5): run dashboards, breaks, diffs, triage and matches.
 * Money is always integer minor units with its currency; times are UTC ms.
 */

export type BreakClass =
  | 'missing_left'
  | 'missing_right'
  | 'duplicate'
  | 'delay'
  | 'out_of_order'
  | 'amount_mismatch'
  | 'currency_mismatch'
  | 'status_mismatch';

export const BREAK_CLASSES: readonly BreakClass[] = [
  'missing_left',
  'missing_right',
  'duplicate',
  'delay',
  'out_of_order',
  'amount_mismatch',
  'currency_mismatch',
  'status_mismatch',
];

export type TriageState = 'open' | 'investigating' | 'resolved' | 'accepted';
export const TRIAGE_STATES: readonly TriageState[] = ['open', 'investigating', 'resolved', 'accepted'];

export type BlastRadius = 'low' | 'medium' | 'high';
export const BLAST_RADII: readonly BlastRadius[] = ['low', 'medium', 'high'];

/** Which breaks of one run; every field narrows, absent fields do not. */
export interface BreakFilter {
  runId: number;
  /** Effective class (the override when one is set). */
  classes?: BreakClass[];
  states?: TriageState[];
  blastRadius?: BlastRadius[];
  account?: string;
  customer?: string;
  /** "" selects unassigned breaks. */
  assignee?: string;
  /** The break's currency (ISO 4217 code as stored). */
  currency?: string;
  /** Inclusive bounds on the break's amount at risk, in minor units as stored (whatever the currency). */
  minAmountMinor?: number;
  maxAmountMinor?: number;
  /**
   * Inclusive bounds in major units as decimal text ("12.50"): in `currency` when it is set,
   * otherwise in each break's own currency (1000 = 1,000 JPY and 1,000.000 KWD alike).
   */
  minAmount?: string;
  maxAmount?: string;
  /** Inclusive lower, exclusive upper bound on the break time. */
  fromMs?: number;
  toMs?: number;
  /** Words matched as prefixes against ids, references, descriptions (memos), account, customer and the explanation. */
  text?: string;
}

export type BreakSortKey = 'ts' | 'amount' | 'id' | 'account' | 'customer';
export const BREAK_SORT_KEYS: readonly BreakSortKey[] = ['ts', 'amount', 'id', 'account', 'customer'];

export interface BreakSort {
  key: BreakSortKey;
  direction: 'asc' | 'desc';
}

/** One row of the breaks table. */
export interface BreakRow {
  id: number;
  runId: number;
  /** Effective class: the override when one is set. */
  breakClass: BreakClass;
  engineClass: BreakClass;
  classOverridden: boolean;
  amountMinor: number;
  currency: string | null;
  account: string | null;
  customer: string | null;
  tsMs: number | null;
  blastRadius: BlastRadius;
  triageState: TriageState;
  assignee: string | null;
  /** The explanation's human text, or a short fallback built from the class. */
  summary: string;
  leftCount: number;
  rightCount: number;
  updatedAtMs: number | null;
}

/** Money split by currency: minor units of different currencies never add up. */
export interface MoneyByCurrency {
  currency: string;
  amountMinor: number;
}

export interface BreakdownRow<K extends string = string> {
  key: K;
  count: number;
  money: MoneyByCurrency[];
}

export interface TimeBucket {
  startMs: number;
  count: number;
}

export interface SourceFrontier {
  sourceId: number;
  name: string;
  kind: string;
  fileName: string;
  side: 'left' | 'right';
  frontierMs: number | null;
  /** How far this source's frontier trails the newest frontier of the run; null without a frontier. */
  lagMs: number | null;
  recordCount: number;
}

export interface RunComparison {
  previousRunId: number;
  /** Break counts per class in this run minus the previous run. */
  classDelta: { key: BreakClass; current: number; previous: number }[];
  breaksCurrent: number;
  breaksPrevious: number;
  /**
   * Match groups this run has that the previous one did not (gained), the previous run's groups that are
   * gone (lost), and gained groups that regroup a record the previous run had matched (changed); null
   * when the engine recorded no impact for this run.
   */
  matches: { gained: number; lost: number; changed: number } | null;
}

export interface RunDashboard {
  runId: number;
  status: string;
  ruleSetId: number;
  ruleSetName: string;
  ruleSetVersion: number;
  leftSourceId: number;
  rightSourceId: number;
  startedAtMs: number;
  finishedAtMs: number | null;
  fingerprint: string | null;
  leftRecords: number;
  rightRecords: number;
  leftMatched: number;
  rightMatched: number;
  /** Share of left and right records in a match, 0..100; null when there are no records. */
  matchedPercent: number | null;
  /** Records left out of matching: excluded by their status class, or superseded (a pending record followed by its settled one). */
  setAside: { excludedLeft: number; excludedRight: number; supersededLeft: number; supersededRight: number };
  matchCount: number;
  manualMatchCount: number;
  breakCount: number;
  byClass: BreakdownRow<BreakClass>[];
  byBlastRadius: BreakdownRow<BlastRadius>[];
  byState: BreakdownRow<TriageState>[];
  bucket: 'hour' | 'day';
  overTime: TimeBucket[];
  breaksWithoutTime: number;
  topAccounts: BreakdownRow[];
  topCustomers: BreakdownRow[];
  sources: SourceFrontier[];
  comparison: RunComparison | null;
  /** Who cancelled the run, or why it failed, from its audit entry; null for a complete or running run. */
  ending: { actor: string; reason: string } | null;
}

/** One input record with its citation. */
export interface CitedRecord {
  id: number;
  sourceId: number;
  sourceName: string;
  fileName: string;
  /** 1-based line in the source file. */
  line: number;
  externalId: string | null;
  reference: string | null;
  account: string | null;
  customer: string | null;
  amountMinor: number;
  currency: string;
  tsMs: number | null;
  status: string | null;
  sequence: number | null;
  feeMinor: number | null;
  description: string | null;
  /** The original row text. */
  raw: string;
}

export type DiffFieldName =
  | 'externalId'
  | 'reference'
  | 'account'
  | 'customer'
  | 'amountMinor'
  | 'currency'
  | 'tsMs'
  | 'status'
  | 'sequence'
  | 'feeMinor'
  | 'description';

/** One aligned field; a group side shows its sum (amount, fee), earliest time, or the shared value. */
export interface DiffField {
  field: DiffFieldName;
  left: string | number | null;
  right: string | number | null;
  /** True when both sides carry a value and the values differ ("mixed" inside a group counts). */
  differs: boolean;
  /** right − left, for amount and fee fields (minor units). */
  deltaMinor?: number;
  /** right − left, for the time field. */
  deltaMs?: number;
  /** Why a difference does not count under the run's rules ("same class: ok", "within the −24 h..+24 h window"). */
  tolerated?: string;
}

export interface DiffCandidate {
  recordId: number | null;
  record: CitedRecord | null;
  score: number | null;
  /** The engine's words for why this candidate was not taken (criterion and by how much). */
  detail: string;
  /** The match of this run that already holds the candidate, if any: it cannot be matched again until that one is removed. */
  claimedByMatchId: number | null;
}

export interface BreakExplanation {
  text: string | null;
  /** Other facts from the explanation: key as stored, value as text, and the whole fact as a readable line. */
  facts: { key: string; value: string; text: string }[];
  candidates: DiffCandidate[];
  /** The explanation JSON exactly as stored, for anyone who needs the rest. */
  rawJson: string;
}

export interface TriageEventView {
  id: number;
  actionId: number | null;
  actor: string;
  tsMs: number;
  action: string;
  fromState: TriageState | null;
  toState: TriageState | null;
  note: string | null;
  /** What changed besides the state, e.g. assignee or class override. */
  detail: string;
}

export interface MatchRow {
  id: number;
  runId: number;
  strategy: string;
  score: number;
  manual: boolean;
  leftIds: number[];
  rightIds: number[];
  amountDeltaMinor: number;
  timeDeltaMs: number | null;
  note: string | null;
  /** The first left record's key fields, for the list. */
  account: string | null;
  amountMinor: number | null;
  currency: string | null;
  tsMs: number | null;
}

/** The side-by-side view of one break or one match. */
export interface RecordsDiff {
  runId: number;
  leftSourceName: string;
  rightSourceName: string;
  left: CitedRecord[];
  right: CitedRecord[];
  fields: DiffField[];
}

export interface BreakDiff extends RecordsDiff {
  breakRow: BreakRow;
  explanation: BreakExplanation;
  history: TriageEventView[];
  /** Matches in this run that already use one of the break's records. */
  relatedMatchIds: number[];
  /**
   * For a duplicate: the record its records repeat (the engine's first candidate). `fields` then
   * compare it (left column) with the duplicates (right column) instead of with an empty side.
   */
  original: CitedRecord | null;
}

export interface MatchDiff extends RecordsDiff {
  match: MatchRow;
}

/** What a triage action changes; absent fields stay as they are. */
export interface TriageChange {
  state?: TriageState;
  /** null clears the assignee. */
  assignee?: string | null;
  /** null clears the override; a reason is required either way. */
  classOverride?: { breakClass: BreakClass | null; reason: string };
  note?: string;
}

/** The breaks an action applies to: an explicit selection or everything a filter matches. */
export type TriageTarget = { breakIds: number[] } | { filter: BreakFilter };

export interface TriageActionView {
  id: number;
  runId: number;
  actor: string;
  tsMs: number;
  kind: 'update' | 'undo';
  affected: number;
  summary: string;
  undoneByActionId: number | null;
  undoesActionId: number | null;
}
