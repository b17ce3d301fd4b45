import { createHash } from 'node:crypto';
import { aggregateDelays, aggregateNearMisses, aggregatePass } from './aggregatePass';
import { blastRadii, type BlastRadius } from './blastRadius';
import { BREAK_CLASSES, EXCLUDED, MATCHED, prepare, STRATEGIES, type BreakClass, type BreakDraft, type Ctx, type Strategy } from './context';
import { findDuplicates } from './duplicates';
import { canonicalOrder, stringAt, type EngineInput } from './engineInput';
import { exactKeyPass } from './exactKeyPass';
import { explainAll, type Explanation } from './explain';
import { digestInput, stableJson, updateNumbers } from './fingerprint';
import { classifyLeftovers } from './leftovers';
import { findOutOfOrder } from './outOfOrder';
import type { RuleSet } from './ruleSet';
import { tolerancePass } from './tolerancePass';

export const ENGINE_VERSION = 'recon-desk-matching/3';

export interface EngineHooks {
  onProgress?(done: number, total: number | null, phase: string): void;
  isCancelled?(): boolean;
}

export class ReconcileCancelledError extends Error {
  readonly code = 'CANCELLED';
  constructor() {
    super('reconciliation was cancelled');
  }
}

/** Matches column by column; group i's left ids are leftIds[leftOffsets[i] .. leftOffsets[i+1]). */
export interface MatchTable {
  count: number;
  /** Codes into `strategies` / `passNames`, one per match. */
  strategyCode: Uint8Array;
  passCode: Uint8Array;
  strategies: readonly Strategy[];
  passNames: readonly string[];
  score: Float64Array;
  amountDeltaMinor: Float64Array;
  /** NaN when a timestamp is missing. */
  timeDeltaMs: Float64Array;
  leftOffsets: Int32Array;
  leftIds: Float64Array;
  rightOffsets: Int32Array;
  rightIds: Float64Array;
}

export interface Match {
  leftIds: number[];
  rightIds: number[];
  strategy: Strategy;
  passName: string;
  score: number;
  amountDeltaMinor: number;
  timeDeltaMs: number | null;
}

export interface Break {
  class: BreakClass;
  leftIds: number[];
  rightIds: number[];
  /** Money at risk, minor units of `currency`, never negative. */
  amountMinor: number;
  currency: string | null;
  account: string | null;
  customer: string | null;
  tsMs: number | null;
  blastRadius: BlastRadius;
  explanation: Explanation;
}

export interface EngineResult {
  engineVersion: string;
  ruleSet: { name: string; version: number };
  matches: MatchTable;
  breaks: Break[];
  counts: Record<string, number>;
  amountAtRiskMinor: Record<string, number>;
  ambiguous: number;
  inputDigests: { left: string; right: string };
  fingerprint: string;
}

export function matchAt(table: MatchTable, i: number): Match {
  const t = table.timeDeltaMs[i]!;
  return {
    leftIds: Array.from(table.leftIds.subarray(table.leftOffsets[i]!, table.leftOffsets[i + 1]!)),
    rightIds: Array.from(table.rightIds.subarray(table.rightOffsets[i]!, table.rightOffsets[i + 1]!)),
    strategy: table.strategies[table.strategyCode[i]!]!,
    passName: table.passNames[table.passCode[i]!]!,
    score: table.score[i]!,
    amountDeltaMinor: table.amountDeltaMinor[i]!,
    timeDeltaMs: t === t ? t : null,
  };
}

/** All matches as objects: convenient for small results and tests, wasteful at a million. */
export function listMatches(table: MatchTable): Match[] {
  return Array.from({ length: table.count }, (_, i) => matchAt(table, i));
}

/**
 * The whole reconciliation of two sides under one rule set, in memory and pure: the same records
 * (in any order) and rules always give the same result and fingerprint. Steps, in order:
 * duplicates → passes in priority order → out-of-order → leftovers (delay / missing) →
 * explanations, blast radius, fingerprint.
 */
export function reconcile(leftIn: EngineInput, rightIn: EngineInput, rules: RuleSet, hooks: EngineHooks = {}): EngineResult {
  const phases = ['prepare', 'duplicates', ...rules.passes.map((p) => `pass:${p.name}`), 'out_of_order', 'leftovers', 'explain', 'fingerprint'];
  let phase = 0;
  const step = (name: string) => {
    if (hooks.isCancelled?.()) throw new ReconcileCancelledError();
    hooks.onProgress?.(phase, phases.length, name);
    phase += 1;
  };
  const tick = () => {
    if (hooks.isCancelled?.()) throw new ReconcileCancelledError();
  };
  step('prepare');
  const left = canonicalOrder(leftIn);
  const right = canonicalOrder(rightIn);
  const ctx = prepare(left, right, rules);
  step('duplicates');
  findDuplicates(ctx);
  rules.passes.forEach((pass, index) => {
    step(`pass:${pass.name}`);
    if (pass.strategy === 'exact_key') exactKeyPass(ctx, pass, index, tick);
    else if (pass.strategy === 'tolerance') tolerancePass(ctx, pass, index, tick);
    else aggregatePass(ctx, pass, index, tick);
  });
  step('out_of_order');
  findOutOfOrder(ctx);
  step('leftovers');
  for (const pass of rules.passes) if (pass.strategy === 'aggregate') aggregateNearMisses(ctx, pass);
  for (const pass of rules.passes) if (pass.strategy === 'aggregate') aggregateDelays(ctx, pass);
  classifyLeftovers(ctx);
  step('explain');
  const tsOf = (d: BreakDraft) => earliestTs(ctx, d);
  const explanations = explainAll(ctx, ctx.breaks);
  const radii = blastRadii(ctx, ctx.breaks, tsOf);
  const breaks = ctx.breaks.map((d, i) => toBreak(ctx, d, explanations[i]!, radii[i]!, tsOf(d)));
  step('fingerprint');
  const matches = toMatchTable(ctx);
  const inputDigests = { left: digestInput(left), right: digestInput(right) };
  const counts = countAll(ctx, breaks);
  const amountAtRiskMinor: Record<string, number> = {};
  for (const b of breaks) {
    if (b.amountMinor === 0 || b.currency === null) continue;
    amountAtRiskMinor[b.currency] = (amountAtRiskMinor[b.currency] ?? 0) + b.amountMinor;
  }
  const fingerprint = fingerprintOf(ctx, inputDigests, breaks);
  hooks.onProgress?.(phases.length, phases.length, 'done');
  return {
    engineVersion: ENGINE_VERSION,
    ruleSet: { name: rules.name, version: rules.version },
    matches,
    breaks,
    counts,
    amountAtRiskMinor,
    ambiguous: ctx.ambiguous,
    inputDigests,
    fingerprint,
  };
}

function earliestTs(ctx: Ctx, d: BreakDraft): number {
  let t = Infinity;
  for (const i of d.left) t = Math.min(t, ctx.left.input.tsMs[i]! || Infinity);
  for (const i of d.right) t = Math.min(t, ctx.right.input.tsMs[i]! || Infinity);
  return t === Infinity ? NaN : t;
}

function toBreak(ctx: Ctx, d: BreakDraft, explanation: Explanation, blastRadius: BlastRadius, ts: number): Break {
  const first = d.left.length ? { side: ctx.left, i: d.left[0]! } : { side: ctx.right, i: d.right[0]! };
  return {
    class: d.cls,
    leftIds: d.left.map((i) => ctx.left.input.ids[i]!),
    rightIds: d.right.map((i) => ctx.right.input.ids[i]!),
    amountMinor: d.amountMinor,
    currency: d.currency,
    account: ctx.accounts[first.side.acct[first.i]!] ?? null,
    customer: stringAt(first.side.input, 'customer', first.i),
    tsMs: ts === ts ? ts : null,
    blastRadius,
    explanation,
  };
}

function toMatchTable(ctx: Ctx): MatchTable {
  const m = ctx.matches;
  const leftIdx = m.leftIdx.view();
  const rightIdx = m.rightIdx.view();
  const leftIds = new Float64Array(leftIdx.length);
  for (let k = 0; k < leftIds.length; k += 1) leftIds[k] = ctx.left.input.ids[leftIdx[k]!]!;
  const rightIds = new Float64Array(rightIdx.length);
  for (let k = 0; k < rightIds.length; k += 1) rightIds[k] = ctx.right.input.ids[rightIdx[k]!]!;
  return {
    count: m.count,
    strategyCode: m.strategy.view(),
    passCode: m.pass.view(),
    strategies: STRATEGIES,
    passNames: ctx.rules.passes.map((p) => p.name),
    score: m.score.view(),
    amountDeltaMinor: m.amountDelta.view(),
    timeDeltaMs: m.timeDelta.view(),
    leftOffsets: m.leftOff.view(),
    leftIds,
    rightOffsets: m.rightOff.view(),
    rightIds,
  };
}

function countAll(ctx: Ctx, breaks: readonly Break[]): Record<string, number> {
  const counts: Record<string, number> = {
    left_records: ctx.left.n,
    right_records: ctx.right.n,
    matches: ctx.matches.count,
    matched_left: 0,
    matched_right: 0,
    excluded_left: 0,
    excluded_right: 0,
    superseded_left: 0,
    superseded_right: 0,
    ambiguous: ctx.ambiguous,
    breaks: breaks.length,
  };
  for (const cls of BREAK_CLASSES) counts[cls] = 0;
  for (const b of breaks) counts[b.class]! += 1;
  for (let i = 0; i < ctx.left.n; i += 1) {
    if (ctx.left.state[i] === MATCHED) counts.matched_left! += 1;
    else if (ctx.left.state[i] === EXCLUDED) counts[ctx.left.superseded[i] ? 'superseded_left' : 'excluded_left']! += 1;
  }
  for (let i = 0; i < ctx.right.n; i += 1) {
    if (ctx.right.state[i] === MATCHED) counts.matched_right! += 1;
    else if (ctx.right.state[i] === EXCLUDED) counts[ctx.right.superseded[i] ? 'superseded_right' : 'excluded_right']! += 1;
  }
  return counts;
}

function fingerprintOf(ctx: Ctx, digests: { left: string; right: string }, breaks: readonly Break[]): string {
  const hash = createHash('sha256');
  hash.update(`${ENGINE_VERSION}\n${stableJson(ctx.rules)}\n${digests.left}\n${digests.right}\n`);
  const m = ctx.matches;
  // Matches as numbers only, members named by canonical position (content order), not by database id or
  // line, so the same rows in another order hash alike; hashed through a small reused buffer (the bytes
  // are those of one buffer over all matches).
  const strategy = m.strategy.view();
  const pass = m.pass.view();
  const score = m.score.view();
  const amountDelta = m.amountDelta.view();
  const timeDelta = m.timeDelta.view();
  const leftOff = m.leftOff.view();
  const rightOff = m.rightOff.view();
  const leftIdx = m.leftIdx.view();
  const rightIdx = m.rightIdx.view();
  const CHUNK = 1 << 16;
  const buffer = new Float64Array(CHUNK);
  let k = 0;
  const put = (v: number) => {
    buffer[k++] = v;
    if (k === CHUNK) {
      updateNumbers(hash, buffer);
      k = 0;
    }
  };
  for (let i = 0; i < m.count; i += 1) {
    if (k + 9 <= CHUNK && leftOff[i + 1]! - leftOff[i]! === 1 && rightOff[i + 1]! - rightOff[i]! === 1) {
      buffer[k++] = strategy[i]!;
      buffer[k++] = pass[i]!;
      buffer[k++] = score[i]!;
      buffer[k++] = amountDelta[i]!;
      buffer[k++] = timeDelta[i]!;
      buffer[k++] = 1;
      buffer[k++] = leftIdx[leftOff[i]!]!;
      buffer[k++] = 1;
      buffer[k++] = rightIdx[rightOff[i]!]!;
      if (k >= CHUNK - 9) {
        updateNumbers(hash, buffer.subarray(0, k));
        k = 0;
      }
      continue;
    }
    put(strategy[i]!);
    put(pass[i]!);
    put(score[i]!);
    put(amountDelta[i]!);
    put(timeDelta[i]!);
    put(leftOff[i + 1]! - leftOff[i]!);
    for (let x = leftOff[i]!; x < leftOff[i + 1]!; x += 1) put(leftIdx[x]!);
    put(rightOff[i + 1]! - rightOff[i]!);
    for (let x = rightOff[i]!; x < rightOff[i + 1]!; x += 1) put(rightIdx[x]!);
  }
  updateNumbers(hash, buffer.subarray(0, k));
  // Breaks: content, members by canonical position, and each candidate's record and criteria; the
  // explanation's prose, which names lines, and database ids stay out.
  const parts: string[] = [];
  for (let i = 0; i < breaks.length; i += 1) {
    const b = breaks[i]!;
    const d = ctx.breaks[i]!;
    parts.push(b.class, d.left.join(';'), d.right.join(';'), String(b.amountMinor), b.currency ?? '', b.blastRadius);
    for (const c of b.explanation.candidates) {
      parts.push(`${c.side}:${c.externalId ?? ''}`);
      for (const k of c.criteria) parts.push(`${k.name}:${k.ok}:${k.delta ?? ''}:${k.text ?? ''}`);
    }
    parts.push('\n');
    if (parts.length > 50_000) {
      hash.update(parts.join('\u001f'));
      parts.length = 0;
    }
  }
  hash.update(parts.join('\u001f'));
  return hash.digest('hex');
}
