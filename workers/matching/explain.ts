import { nearestClause } from '../../main/db/queries/explanationJson';
import { formatMinor } from '../shared/currency';
import { allowance, basisAmount, BROKEN, chainsOf, keysOf, MATCHED, type BreakDraft, type Ctx, type Side } from './context';
import { amountHint } from './amountHint';
import { stringAt } from './engineInput';
import { AccountIndex } from './accountIndex';
import { referencePass, type Reference } from './leftovers';
import type { RuleSet } from './ruleSet';
import { statusCompatible } from './statusClass';

export interface Criterion {
  name: 'key' | 'account' | 'currency' | 'amount' | 'time' | 'status' | 'claimed' | 'sequence';
  ok: boolean;
  /** Signed difference (right − left) in minor units or ms, where one applies. */
  delta?: number;
  /** What failed and by how much, for failed criteria only (passed ones need no words). */
  text?: string;
}

export interface Candidate {
  side: 'left' | 'right';
  id: number;
  line: number;
  externalId: string | null;
  criteria: Criterion[];
  text: string;
}

export interface Explanation {
  summary: string;
  /**
   * Where the summary's closing " Nearest: <candidate 0>. Next: …" clause (nearestClause) starts, when it
   * has one: that clause only repeats the candidates (candidateLine), so the stored form leaves it out
   * and readers rebuild it.
   */
  nearestAt?: number;
  candidates: Candidate[];
  facts: Record<string, unknown>;
}

const HOUR = 3_600_000;

function money(ctx: Ctx, amount: number, currency: string): string {
  try {
    return formatMinor(amount, currency, ctx.currencyExponents);
  } catch {
    return String(amount);
  }
}

function signed(text: string): string {
  return text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`;
}

/** A signed duration as exact as it is: "+24 h", "+24 h 0 min 1 s", "−1 h 30 min", "+350 ms". */
export function duration(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  let rest = Math.abs(ms);
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const min = Math.floor(rest / 60_000);
  rest -= min * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = Math.round(rest - s * 1000);
  const parts = [h ? `${h} h` : ''];
  if (min || s || milli) parts.push(`${min} min`);
  if (s || milli) parts.push(`${s} s`);
  if (milli) parts.push(`${milli} ms`);
  // Below an hour, lead with the first non-zero unit ("+30 min", not "+0 h 30 min").
  const text = parts.filter(Boolean).join(' ');
  return `${sign}${(h ? text : text.replace(/^(0 min )?(0 s )?/, '')) || '0 ms'}`;
}

function sideLabel(side: Side): string {
  return side.input.kind ?? side.name;
}

function describe(ctx: Ctx, side: Side, i: number): string {
  const id = stringAt(side.input, 'externalId', i) ?? 'no id';
  const currency = ctx.currencies[side.cur[i]!]!;
  const account = ctx.accounts[side.acct[i]!] ?? 'no account';
  return `${sideLabel(side)} line ${side.input.lines[i]} (${id}, ${money(ctx, side.input.amountMinor[i]!, currency)} ${currency}, ${account})`;
}

/** A record of the other side with this record's key (reference pass) in another account, else -1. */
function sameKeyInOtherAccount(ctx: Ctx, side: Side, other: Side, i: number): number {
  if (!ctx.rules.constraints.sameAccount) return -1;
  const ref = referencePass(ctx);
  if (ref.keyless) return -1;
  const isLeft = side === ctx.left;
  const key = keysOf(ctx, side, isLeft ? ref.leftKey : ref.rightKey)[i];
  if (key === null || key === undefined) return -1;
  const j = chainsOf(ctx, other, isLeft ? ref.rightKey : ref.leftKey).firstInAnyAccount(key);
  return j !== -1 && other.acct[j] !== side.acct[i] ? j : -1;
}

/** The key pass of that name (the one that paired a break's records), if there is one. */
function passNamed(ctx: Ctx, name: unknown): Reference | undefined {
  const pass = ctx.rules.passes.find((p) => p.name === name);
  return pass && pass.strategy !== 'aggregate' ? pass : undefined;
}

/**
 * Every criterion of a pass (the one that paired them, else the reference pass) for the pair (l, r),
 * each with what failed and by how much.
 */
export function pairCriteria(ctx: Ctx, l: number, r: number, ref: Reference = referencePass(ctx)): Criterion[] {
  const { left, right } = ctx;
  const out: Criterion[] = [];
  const lk = ref.keyless ? null : keysOf(ctx, left, ref.leftKey)[l]!;
  const rk = ref.keyless ? null : keysOf(ctx, right, ref.rightKey)[r]!;
  if (!ref.keyless) out.push(lk !== null && rk !== null
    ? { name: 'key', ok: lk === rk, text: lk === rk ? `key ${lk} equal` : `key ${lk} ≠ ${rk}` }
    : { name: 'key', ok: true, text: 'key absent on one side' });
  const sameAccount = left.acct[l] === right.acct[r];
  out.push({ name: 'account', ok: sameAccount || !ctx.rules.constraints.sameAccount,
    text: sameAccount ? 'same account' : `account ${ctx.accounts[left.acct[l]!] ?? '∅'} ≠ ${ctx.accounts[right.acct[r]!] ?? '∅'}` });
  const lc = ctx.currencies[left.cur[l]!]!;
  const rc = ctx.currencies[right.cur[r]!]!;
  if (lc !== rc) {
    out.push({ name: 'currency', ok: false, text: `currency ${lc} ≠ ${rc}` });
  } else {
    const la = basisAmount(left, l, ref.amount.leftBasis);
    const delta = basisAmount(right, r, ref.amount.rightBasis) - la;
    const allow = allowance(ref.amount, la);
    const ok = Math.abs(delta) <= allow;
    const why = delta === 0 ? null : amountHint(ctx, l, r, delta, la, la + delta);
    const hint = why === null ? '' : ` (${why === 'fee' ? '= fee' : why})`;
    out.push({ name: 'amount', ok, delta, text: `amount ${signed(money(ctx, delta, lc))}${hint}${ok ? '' : ` > ${money(ctx, allow, lc)} tolerance`}` });
  }
  const td = right.input.tsMs[r]! - left.input.tsMs[l]!;
  if (td === td) {
    const ok = td >= ref.time.minDeltaMs && td <= ref.time.maxDeltaMs;
    const bound = td > ref.time.maxDeltaMs
      ? `> ${duration(ref.time.maxDeltaMs)} window by ${duration(td - ref.time.maxDeltaMs).slice(1)}`
      : td < ref.time.minDeltaMs ? `< ${duration(ref.time.minDeltaMs)} window by ${duration(ref.time.minDeltaMs - td).slice(1)}` : 'within window';
    out.push({ name: 'time', ok, delta: td, text: `time ${duration(td)} ${bound}` });
  }
  const statusOk = statusCompatible(left.stat[l]!, right.stat[r]!);
  if (!statusOk) out.push({ name: 'status', ok: false, text: `status ${stringAt(left.input, 'status', l)} vs ${stringAt(right.input, 'status', r)}` });
  // Passed criteria need no words, and those without a delta say nothing beyond "ok": leave them out.
  let kept = 0;
  for (const c of out) {
    if (c.ok) {
      if (c.delta === undefined) continue;
      delete c.text;
    }
    out[kept++] = c;
  }
  out.length = kept;
  return out;
}

/**
 * A candidate names the record (`text`) and carries each failed criterion's own words once, in
 * `criteria` (readers show `text · failed…`); candidateLine joins the two for one-line uses (summaries).
 */
function candidate(ctx: Ctx, side: Side, i: number, criteria: Criterion[]): Candidate {
  return { side: side.name, id: side.input.ids[i]!, line: side.input.lines[i]!, externalId: stringAt(side.input, 'externalId', i), criteria, text: describe(ctx, side, i) };
}

/** The candidate in one line: its record and what failed (the pre-split `text`). */
export function candidateLine(c: Candidate): string {
  let failed = '';
  for (const k of c.criteria) if (!k.ok) failed += failed ? `; ${k.text}` : k.text;
  return `${c.text}: ${failed || 'all criteria met'}`;
}


/** What a record no longer free to pair is already taken by, for a candidate that would otherwise read "all criteria met". */
type TakenBy = (side: Side, j: number) => Criterion | undefined;

function takenBy(ctx: Ctx, drafts: readonly BreakDraft[]): TakenBy {
  // Named by content (the key a duplicate repeats, the class of the break pairing a record), not by line: criteria
  // enter the fingerprint, which must not depend on row order.
  let held: Map<Side, Map<number, string>> | undefined;
  const heldBy = (side: Side, j: number): string | undefined => {
    if (!held) {
      held = new Map([[ctx.left, new Map()], [ctx.right, new Map()]]);
      for (const d of drafts) {
        let what: string;
        if (d.cls === 'duplicate') what = `set aside as a duplicate (repeats ${String(d.facts.field)} ${String(d.facts.key)})`;
        else if (d.left.length && d.right.length) what = `already paired with another record (${d.cls} break)`;
        else continue;
        for (const i of d.left) if (!held.get(ctx.left)!.has(i)) held.get(ctx.left)!.set(i, what);
        for (const i of d.right) if (!held.get(ctx.right)!.has(i)) held.get(ctx.right)!.set(i, what);
      }
    }
    return held.get(side)!.get(j);
  };
  return (side, j) => {
    if (side.state[j] === MATCHED) return { name: 'claimed', ok: false, text: 'already matched to another record' };
    if (side.state[j] !== BROKEN) return undefined;
    const what = heldBy(side, j);
    return what === undefined ? undefined : { name: 'claimed', ok: false, text: what };
  };
}

export function explainAll(ctx: Ctx, drafts: readonly BreakDraft[]): Explanation[] {
  const indexes = new Map<Float64Array, AccountIndex>();
  const indexOf = (side: Side, by: 'time' | 'amount') => {
    const values = by === 'time' ? side.input.tsMs : side.input.amountMinor;
    let index = indexes.get(values);
    // By amount, only the records left unmatched (few): the matched are named through the time index when near.
    if (!index) indexes.set(values, (index = by === 'time' ? new AccountIndex(side, ctx.accounts.length, values) : new AccountIndex(side, ctx.accounts.length, values, (i) => side.state[i] !== MATCHED)));
    return index;
  };
  const taken = takenBy(ctx, drafts);
  return drafts.map((draft) => explainOne(ctx, draft, indexOf, taken));
}

function explainOne(ctx: Ctx, draft: BreakDraft, indexOf: (side: Side, by: 'time' | 'amount') => AccountIndex, taken: TakenBy): Explanation {
  const { left, right } = ctx;
  const facts = { ...draft.facts };
  if (draft.cls === 'duplicate') {
    const side = draft.left.length ? left : right;
    const original = draft.facts.originalIndex as number;
    delete facts.originalIndex;
    const dupLines = (draft.left.length ? draft.left : draft.right).map((i) => side.input.lines[i]).join(', ');
    const key = String(draft.facts.key);
    return {
      summary: `${sideLabel(side)} line(s) ${dupLines} repeat ${String(draft.facts.field)} ${key} of line ${side.input.lines[original]}: the same event booked more than once.`,
      candidates: [candidate(ctx, side, original, [{ name: 'key', ok: true, text: `same ${String(draft.facts.field)} ${key}` }])],
      facts: { ...facts, originalLine: side.input.lines[original] },
    };
  }
  if (draft.cls === 'out_of_order') {
    const side = draft.left.length ? left : right;
    const members = draft.left.length ? draft.left : draft.right;
    const account = ctx.accounts[side.acct[members[0]!]!] ?? 'no account';
    if (draft.facts.gap) {
      const { lastBefore, firstAfter, missing } = draft.facts as { lastBefore: number; firstAfter: number; missing: number };
      const range = missing === 1 ? `${lastBefore + 1} is` : `${lastBefore + 1}–${firstAfter - 1} (${missing}) are`;
      return {
        summary: `In account ${account} of the ${sideLabel(side)}, sequence jumps from ${lastBefore} to ${firstAfter} at line ${side.input.lines[members[0]!]}: ${range} missing.`,
        candidates: [candidate(ctx, side, members[0]!, [{ name: 'sequence', ok: false, text: `sequence ${firstAfter} follows ${lastBefore}` }])],
        facts,
      };
    }
    const cands = members.slice(0, 3).map((i) => candidate(ctx, side, i, [{
      name: 'sequence', ok: false, text: `sequence ${side.input.sequence[i]} at ${new Date(side.input.tsMs[i]!).toISOString()}`,
    }]));
    return {
      summary: `In account ${account} of the ${sideLabel(side)}, sequence and time disagree for line(s) ${members.map((i) => side.input.lines[i]).join(', ')}.`,
      candidates: cands,
      facts,
    };
  }
  if (draft.facts.group) return explainGroup(ctx, draft);
  if (draft.left.length && draft.right.length) {
    const l = draft.left[0]!;
    const r = draft.right[0]!;
    const criteria = pairCriteria(ctx, l, r, passNamed(ctx, draft.facts.pass));
    const failed = criteria.filter((c) => !c.ok).map((c) => c.text).join('; ');
    return {
      summary: `${describe(ctx, left, l)} and ${describe(ctx, right, r)} are the same event but disagree: ${failed || draft.cls}.`,
      candidates: [candidate(ctx, right, r, criteria)],
      facts,
    };
  }
  // A record alone: look for its nearest counterparts in the same account on the other side.
  const isLeft = draft.left.length > 0;
  const side = isLeft ? left : right;
  const other = isLeft ? right : left;
  const i = isLeft ? draft.left[0]! : draft.right[0]!;
  const scored: { j: number; cost: number }[] = [];
  const ts = side.input.tsMs[i]!;
  const amount = side.input.amountMinor[i]!;
  const span = Math.max(1, referencePass(ctx).time.maxDeltaMs - referencePass(ctx).time.minDeltaMs);
  // The nearest in time, and the unmatched nearest in amount: an equal amount can sit behind many records of a busy hour.
  const near = new Set([...indexOf(other, 'time').around(side.acct[i]!, ts === ts ? ts : 0, 8), ...indexOf(other, 'amount').around(side.acct[i]!, amount, 4)]);
  for (const j of near) {
    const td = Math.abs((other.input.tsMs[j]! || 0) - (ts || 0));
    const ad = Math.abs(other.input.amountMinor[j]! - amount);
    const cost = (other.cur[j] !== side.cur[i] ? 2 : 0) + Math.min(1, ad / Math.max(1, Math.abs(amount))) +
      Math.min(1, td / span) + (other.state[j] === MATCHED ? 0.5 : 0);
    scored.push({ j, cost });
  }
  scored.sort((a, b) => a.cost - b.cost || a.j - b.j);
  // The same key in another account is the likeliest counterpart: name it first.
  const elsewhere = sameKeyInOtherAccount(ctx, side, other, i);
  const nearest = elsewhere === -1 ? scored.map((c) => c.j) : [elsewhere, ...scored.map((c) => c.j).filter((j) => j !== elsewhere)];
  const candidates = nearest.slice(0, 3).map((j) => {
    const criteria = isLeft ? pairCriteria(ctx, i, j) : pairCriteria(ctx, j, i);
    const claim = taken(other, j);
    if (claim) criteria.push(claim);
    return candidate(ctx, other, j, criteria);
  });
  const who = describe(ctx, side, i);
  let summary: string;
  if (draft.cls === 'delay') {
    const frontier = new Date(draft.facts.frontierMs as number).toISOString();
    const latest = draft.facts.latestCounterpartMs as number | undefined;
    summary = ts > (draft.facts.frontierMs as number) || latest === undefined
      ? `${who} is later than the ${sideLabel(other)} file's last record (${frontier}): its counterpart may still arrive.`
      : `${who} may have a counterpart as late as ${new Date(latest).toISOString()}, after the ${sideLabel(other)} file's last record (${frontier}): it may still arrive.`;
  } else {
    summary = `${who} has no ${sideLabel(other)} counterpart.`;
  }
  if (draft.facts.ambiguous) summary += ' Several equally good candidates tied, so none was picked automatically.';
  if (!candidates[0]) return { summary, candidates, facts };
  const nearestAt = summary.length;
  summary += nearestClause(candidates.map(candidateLine));
  return { summary, nearestAt, candidates, facts };
}

/** " net of fees" when the pass compares that side's amounts net. */
function netOf(pass: RuleSet['passes'][number] | undefined, side: 'left' | 'right'): string {
  return pass && (side === 'left' ? pass.amount.leftBasis : pass.amount.rightBasis) === 'net' ? ' net of fees' : '';
}

/** A record of one side and the group of the other in its window whose sum comes close but not within tolerance. */
function explainGroup(ctx: Ctx, draft: BreakDraft): Explanation {
  const { many: manyName, sumMinor, targetMinor, deltaMinor } = draft.facts.group as { many: 'left' | 'right'; sumMinor: number; targetMinor: number; deltaMinor: number };
  const [many, one] = manyName === 'left' ? [ctx.left, ctx.right] : [ctx.right, ctx.left];
  const members = manyName === 'left' ? draft.left : draft.right;
  const o = (manyName === 'left' ? draft.right : draft.left)[0]!;
  const currency = ctx.currencies[one.cur[o]!]!;
  const hint = String(draft.facts.hint);
  const pass = ctx.rules.passes.find((p) => p.name === draft.facts.pass);
  const allow = pass ? allowance(pass.amount, manyName === 'left' ? sumMinor : targetMinor) : 0;
  const lines = members.map((m) => many.input.lines[m]!);
  const shown = lines.length > 10 ? `${lines.slice(0, 10).join(', ')}, … (${lines.length} in all)` : lines.join(', ');
  if (draft.cls === 'delay' && pass && pass.strategy === 'aggregate') {
    // Time deltas as the pass takes them (right − left), the worst member first.
    const t = one.input.tsMs[o]!;
    const deltas = members.map((m) => (manyName === 'left' ? t - many.input.tsMs[m]! : many.input.tsMs[m]! - t));
    const worst = deltas.reduce((a, b) => (Math.max(b - pass.time.maxDeltaMs, pass.time.minDeltaMs - b) > Math.max(a - pass.time.maxDeltaMs, pass.time.minDeltaMs - a) ? b : a));
    const late = worst > pass.time.maxDeltaMs
      ? `> ${duration(pass.time.maxDeltaMs)} window by ${duration(worst - pass.time.maxDeltaMs).slice(1)}`
      : `< ${duration(pass.time.minDeltaMs)} window by ${duration(pass.time.minDeltaMs - worst).slice(1)}`;
    const outside = draft.facts.group as { outside: number };
    const summary = `${describe(ctx, one, o)} is the sum of ${members.length} ${sideLabel(many)} record(s) (line(s) ${shown}, ` +
      `${money(ctx, sumMinor, currency)}${netOf(pass, manyName)}), but ${outside.outside} of them fall outside the window: time ${duration(worst)} ${late}.`;
    const candidates = members.slice(0, 3).map((m, k) => candidate(ctx, many, m, [
      { name: 'time', ok: false, delta: deltas[k]!, text: `one of ${members.length} summing to ${money(ctx, sumMinor, currency)}; time ${duration(deltas[k]!)}` },
    ]));
    return { summary, candidates, facts: draft.facts };
  }
  const off = `amount ${signed(money(ctx, deltaMinor, currency))} (${hint === 'fee' ? '= the group’s fees' : hint}) > ${money(ctx, allow, currency)} tolerance`;
  const summary = `${describe(ctx, one, o)} and the ${members.length} ${sideLabel(many)} record(s) in its window (line(s) ${shown}) ` +
    `are one settlement that does not add up: they sum to ${money(ctx, sumMinor, currency)}${netOf(pass, manyName)} against ${money(ctx, targetMinor, currency)}, ${off}.`;
  const candidates = members.slice(0, 3).map((m) => candidate(ctx, many, m, [
    { name: 'amount', ok: false, delta: deltaMinor, text: `one of ${members.length} summing to ${money(ctx, sumMinor, currency)}: ${off}` },
  ]));
  return { summary, candidates, facts: draft.facts };
}

/**
 * The stored form of an explanation (breaks.explanation_json): the summary, the facts, and each
 * candidate as its record id (the analyst resolves it to the cited record: file, line, external id),
 * its description and only its failed criteria, each with its words and signed delta. Passed
 * criteria and fields the record id already gives are left out, so no text is stored twice (the
 * summary's "Nearest: …" clause included: it is rebuilt from the candidates on read).
 */
export function explanationJson(e: Explanation): string {
  // A summary ending in "Nearest: <candidate 0>. Next: …" is stored without that clause and flagged
  // (summaryNearest: 0); expandStoredSummary (main/db/queries/explanationJson) puts it back on read.
  let out = e.nearestAt === undefined
    ? `{"summary":${JSON.stringify(e.summary)},"candidates":[`
    : `{"summary":${JSON.stringify(e.summary.slice(0, e.nearestAt))},"summaryNearest":0,"candidates":[`;
  for (let c = 0; c < e.candidates.length; c += 1) {
    const cand = e.candidates[c]!;
    out += `${c ? ',' : ''}{"id":${cand.id},"text":${JSON.stringify(cand.text)},"criteria":[`;
    let first = true;
    for (const k of cand.criteria) {
      if (k.ok) continue;
      out += `${first ? '' : ','}{"name":"${k.name}","ok":false${k.delta === undefined ? '' : `,"delta":${k.delta}`}${k.text === undefined ? '' : `,"text":${JSON.stringify(k.text)}`}}`;
      first = false;
    }
    out += ']}';
  }
  return `${out}],"facts":${JSON.stringify(e.facts)}}`;
}
