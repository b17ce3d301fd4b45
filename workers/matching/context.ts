import type { EngineInput } from './engineInput';
import type { AmountTolerance, KeyField, RuleSet, TimeWindow } from './ruleSet';
import { KeyTable } from './keyTable';
import { statusClassifier, STATUS_CLASS_NAMES } from './statusClass';

export const FREE = 0;
export const MATCHED = 1;
/** Consumed by a break (duplicate, or a key pair that failed a criterion). */
export const BROKEN = 2;
export const EXCLUDED = 3;

export type BreakClass =
  | 'missing_left' | 'missing_right' | 'duplicate' | 'delay' | 'out_of_order'
  | 'amount_mismatch' | 'currency_mismatch' | 'status_mismatch';
export const BREAK_CLASSES: readonly BreakClass[] = [
  'missing_left', 'missing_right', 'duplicate', 'delay', 'out_of_order',
  'amount_mismatch', 'currency_mismatch', 'status_mismatch',
];
export type Strategy = 'exact_key' | 'tolerance' | 'aggregate';
export const STRATEGIES: readonly Strategy[] = ['exact_key', 'tolerance', 'aggregate'];

/** One side after interning: small integer codes instead of repeated strings, plus a claim state. */
export interface Side {
  name: 'left' | 'right';
  input: EngineInput;
  n: number;
  /** Account code, 0 = no account; codes index Ctx.accounts (shared by both sides). */
  acct: Int32Array;
  cur: Int32Array;
  stat: Uint8Array;
  state: Uint8Array;
  /** 1 when the record repeats an earlier record's key (a duplicate break). */
  dup: Uint8Array;
  /** 1 when a pending record is followed by its key's settled record (excluded as an earlier state). */
  superseded: Uint8Array;
  frontier: number;
  keyCache: Map<KeyField, (string | null)[]>;
  chainCache: Map<KeyField, KeyChains>;
}

/**
 * Records of one side by normalized key (and account, when the rules match within accounts, since
 * keys may be reused across accounts): `first(key, account)` gives the first record in canonical
 * order, `next` links it to the next record with the same key and account (-1 ends). Excluded
 * records are left out. Built once per field, shared by duplicate detection and exact-key passes.
 */
export interface KeyChains {
  first(key: string, account: number): number;
  /** The first record with the key in any account (to name a record the account constraint kept apart). */
  firstInAnyAccount(key: string): number;
  next: Int32Array;
}

/** A break before explanation and blast radius are attached; members are indices into the sides. */
export interface BreakDraft {
  cls: BreakClass;
  left: number[];
  right: number[];
  amountMinor: number;
  currency: string | null;
  /** Structured facts gathered where the break was found (failed criteria, hints, ambiguity). */
  facts: Record<string, unknown>;
}

export interface Ctx {
  rules: RuleSet;
  left: Side;
  right: Side;
  accounts: (string | null)[];
  currencies: string[];
  matches: MatchList;
  breaks: BreakDraft[];
  ambiguous: number;
  /** Records left unmatched because equally good candidates tied (side index sets). */
  ambiguousLeft: Set<number>;
  ambiguousRight: Set<number>;
  normalizeKey: (raw: string | null) => string | null;
  /** Exponents both sources' mappings declared for non-ISO currency codes (see EngineInput). */
  currencyExponents: Record<string, number>;
}

/** A typed array that grows by doubling; `view()` is the filled part (no copy). */
class Grow<T extends Float64Array | Int32Array | Uint8Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T, capacity = 1024) {
    this.data = make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data as never);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);
const u8 = (n: number) => new Uint8Array(n);

/**
 * Matches, column by column in growable typed arrays (a million matches are a few flat buffers, not
 * nine million boxed array slots); group members are side indices, delimited by offsets.
 */
export class MatchList {
  readonly strategy = new Grow(u8);
  readonly pass = new Grow(u8);
  readonly score = new Grow(f64);
  readonly amountDelta = new Grow(f64);
  readonly timeDelta = new Grow(f64);
  readonly leftOff = new Grow(i32);
  readonly rightOff = new Grow(i32);
  readonly leftIdx = new Grow(i32);
  readonly rightIdx = new Grow(i32);

  constructor() {
    this.leftOff.push(0);
    this.rightOff.push(0);
  }

  get count(): number {
    return this.strategy.length;
  }

  add1(strategy: number, pass: number, score: number, l: number, r: number, amountDelta: number, timeDelta: number): void {
    this.strategy.push(strategy);
    this.pass.push(pass);
    this.score.push(score);
    this.amountDelta.push(amountDelta);
    this.timeDelta.push(timeDelta);
    this.leftIdx.push(l);
    this.rightIdx.push(r);
    this.leftOff.push(this.leftIdx.length);
    this.rightOff.push(this.rightIdx.length);
  }

  addGroup(strategy: number, pass: number, score: number, ls: number[], rs: number[], amountDelta: number, timeDelta: number): void {
    this.strategy.push(strategy);
    this.pass.push(pass);
    this.score.push(score);
    this.amountDelta.push(amountDelta);
    this.timeDelta.push(timeDelta);
    for (const l of ls) this.leftIdx.push(l);
    for (const r of rs) this.rightIdx.push(r);
    this.leftOff.push(this.leftIdx.length);
    this.rightOff.push(this.rightIdx.length);
  }
}

export function makeKeyNormalizer(rules: RuleSet): (raw: string | null) => string | null {
  const { trim, stripPrefixes } = rules.keyNormalization;
  const mode = rules.keyNormalization.case;
  const prefixes = mode === 'lower' ? stripPrefixes.map((p) => p.toLowerCase()) : mode === 'upper' ? stripPrefixes.map((p) => p.toUpperCase()) : stripPrefixes;
  const identity = mode === 'preserve' && prefixes.length === 0;
  return (raw) => {
    if (raw === null || raw === '') return null;
    // Fast path: most keys need nothing, and returning the same string avoids an allocation.
    if (identity && (!trim || (raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32))) return raw;
    let key = trim ? raw.trim() : raw;
    if (mode === 'lower') key = key.toLowerCase();
    else if (mode === 'upper') key = key.toUpperCase();
    for (const prefix of prefixes) {
      if (key.startsWith(prefix)) {
        key = key.slice(prefix.length);
        break;
      }
    }
    return key === '' ? null : key;
  };
}

/** Normalized key column of one side, computed once per field. */
export function keysOf(ctx: Ctx, side: Side, field: KeyField): (string | null)[] {
  let keys = side.keyCache.get(field);
  if (!keys) {
    const raw = field === 'externalId' ? side.input.externalId : side.input.reference;
    keys = new Array<string | null>(side.n);
    for (let i = 0; i < side.n; i += 1) keys[i] = ctx.normalizeKey(raw[i]!);
    side.keyCache.set(field, keys);
  }
  return keys;
}

export function prepare(left: EngineInput, right: EngineInput, rules: RuleSet): Ctx {
  const accountCodes = new Map<string, number>();
  const accounts: (string | null)[] = [null];
  const currencyCodes = new Map<string, number>();
  const currencies: string[] = [];
  const classify = statusClassifier(rules.statusClasses);
  const excluded = {
    left: new Set(rules.exclude.left.map((c) => STATUS_CLASS_NAMES.indexOf(c))),
    right: new Set(rules.exclude.right.map((c) => STATUS_CLASS_NAMES.indexOf(c))),
  };
  const build = (input: EngineInput, name: 'left' | 'right'): Side => {
    const n = input.ids.length;
    const acct = new Int32Array(n);
    const cur = new Int32Array(n);
    const stat = new Uint8Array(n);
    const state = new Uint8Array(n);
    let maxTs = -Infinity;
    const dicts = input.dictionaries;
    if (dicts?.account && dicts.currency && dicts.status) {
      // Snapshot input: intern each distinct value once, then translate codes.
      const accountOf = Int32Array.from(dicts.account.values, (a) => {
        if (a === null || a === '') return 0;
        let code = accountCodes.get(a);
        if (code === undefined) {
          code = accounts.length;
          accounts.push(a);
          accountCodes.set(a, code);
        }
        return code;
      });
      const currencyOf = Int32Array.from(dicts.currency.values, (c) => {
        let cc = currencyCodes.get(c!);
        if (cc === undefined) {
          cc = currencies.length;
          currencies.push(c!);
          currencyCodes.set(c!, cc);
        }
        return cc;
      });
      const statusOf = Uint8Array.from(dicts.status.values, (v) => classify(v));
      const ac = dicts.account.codes;
      const cc = dicts.currency.codes;
      const sc = dicts.status.codes;
      const ex = excluded[name];
      for (let i = 0; i < n; i += 1) {
        acct[i] = accountOf[ac[i]!]!;
        cur[i] = currencyOf[cc[i]!]!;
        const s = statusOf[sc[i]!]!;
        stat[i] = s;
        if (ex.has(s)) state[i] = EXCLUDED;
        const ts = input.tsMs[i]!;
        if (ts > maxTs) maxTs = ts;
      }
      const frontier = input.frontierMs ?? (maxTs === -Infinity ? NaN : maxTs);
      return { name, input, n, acct, cur, stat, state, dup: new Uint8Array(n), superseded: new Uint8Array(n), frontier, keyCache: new Map(), chainCache: new Map() };
    }
    for (let i = 0; i < n; i += 1) {
      const a = input.account[i]!;
      if (a !== null && a !== '') {
        let code = accountCodes.get(a);
        if (code === undefined) {
          code = accounts.length;
          accounts.push(a);
          accountCodes.set(a, code);
        }
        acct[i] = code;
      }
      const c = input.currency[i]!;
      let cc = currencyCodes.get(c);
      if (cc === undefined) {
        cc = currencies.length;
        currencies.push(c);
        currencyCodes.set(c, cc);
      }
      cur[i] = cc;
      const s = classify(input.status[i]!);
      stat[i] = s;
      if (excluded[name].has(s)) state[i] = EXCLUDED;
      const ts = input.tsMs[i]!;
      if (ts > maxTs) maxTs = ts;
    }
    const frontier = input.frontierMs ?? (maxTs === -Infinity ? NaN : maxTs);
    return { name, input, n, acct, cur, stat, state, dup: new Uint8Array(n), superseded: new Uint8Array(n), frontier, keyCache: new Map(), chainCache: new Map() };
  };
  return {
    rules,
    left: build(left, 'left'),
    right: build(right, 'right'),
    accounts,
    currencies,
    matches: new MatchList(),
    breaks: [],
    ambiguous: 0,
    ambiguousLeft: new Set(),
    ambiguousRight: new Set(),
    normalizeKey: makeKeyNormalizer(rules),
    currencyExponents: { ...left.currencyExponents, ...right.currencyExponents },
  };
}

/** The amount a side contributes under a basis: gross, or net of its own fee. */
export function basisAmount(side: Side, i: number, basis: 'gross' | 'net'): number {
  const amount = side.input.amountMinor[i]!;
  if (basis === 'gross') return amount;
  const fee = side.input.feeMinor[i]!;
  return fee === fee ? amount - fee : amount;
}

export type AmountToleranceLike = AmountTolerance;

/** Inclusive allowance in minor units for a comparison against `leftAmount`. */
export function allowance(tol: AmountTolerance, leftAmount: number): number {
  const relative = tol.relative > 0 ? Math.floor(tol.relative * Math.abs(leftAmount) + 1e-9) : 0;
  return Math.max(tol.absoluteMinor, relative);
}

/** delta = right − left, inside [min, max] inclusive. A missing timestamp never fails the window. */
export function inWindow(window: TimeWindow, delta: number): boolean {
  return delta !== delta || (delta >= window.minDeltaMs && delta <= window.maxDeltaMs);
}

export function sameAccountOk(ctx: Ctx, l: number, r: number): boolean {
  return !ctx.rules.constraints.sameAccount || ctx.left.acct[l] === ctx.right.acct[r];
}

export function sameCurrencyOk(ctx: Ctx, l: number, r: number): boolean {
  // Currency codes come from one dictionary shared by both sides, so codes compare directly.
  return !ctx.rules.constraints.sameCurrency || ctx.left.cur[l] === ctx.right.cur[r];
}

export function chainsOf(ctx: Ctx, side: Side, field: KeyField): KeyChains {
  let chains = side.chainCache.get(field);
  if (chains) return chains;
  const keys = keysOf(ctx, side, field);
  const perAccount = ctx.rules.constraints.sameAccount;
  const acct = side.acct;
  // Keys become codes; head[code] is the first record of the key, or MULTI when the key occurs in
  // several accounts (rare), in which case `multi` maps the code to a per-account first record.
  const table = new KeyTable(side.n);
  const head = new Int32Array(side.n).fill(-1);
  const multi = new Map<number, Map<number, number>>();
  const MULTI = -2;
  const next = new Int32Array(side.n).fill(-1);
  for (let i = side.n - 1; i >= 0; i -= 1) {
    const key = keys[i]!;
    if (key === null || side.state[i] === EXCLUDED) continue;
    const code = table.intern(key);
    const found = head[code]!;
    if (found === -1) {
      head[code] = i;
    } else if (found !== MULTI) {
      if (!perAccount || acct[found] === acct[i]) {
        next[i] = found;
        head[code] = i;
      } else {
        head[code] = MULTI;
        multi.set(code, new Map([[acct[found]!, found], [acct[i]!, i]]));
      }
    } else {
      const byAccount = multi.get(code)!;
      const j = byAccount.get(acct[i]!);
      if (j !== undefined) next[i] = j;
      byAccount.set(acct[i]!, i);
    }
  }
  chains = {
    next,
    first(key, account) {
      const code = table.get(key);
      if (code === -1) return -1;
      const found = head[code]!;
      if (found === MULTI) return multi.get(code)!.get(account) ?? -1;
      if (found === -1) return -1;
      return !perAccount || acct[found] === account ? found : -1;
    },
    firstInAnyAccount(key) {
      const code = table.get(key);
      if (code === -1) return -1;
      const found = head[code]!;
      if (found !== MULTI) return found;
      let earliest = -1;
      for (const j of multi.get(code)!.values()) if (earliest === -1 || j < earliest) earliest = j;
      return earliest;
    },
  };
  side.chainCache.set(field, chains);
  return chains;
}
