import { seededRandom } from '../../main/demo/seededRandom';
import { formatMinor } from '../../workers/shared/currency';
import type { StoredRecord } from '../../workers/shared/record';

/**
 * Labelled ledger ↔ processor data with planted anomalies of every break class, for precision /
 * recall tests and benchmarks. Seeded (mulberry32), so a seed always gives the same files.
 *
 * Ground truth per record: `primary` is 'matched' or the break class the record must land in (under
 * the default ledger ↔ processor rules: window −1 h … +24 h);
 * `outOfOrder` marks records whose sequence and time were deliberately swapped (they may be matched
 * too). Ledger lines are in sequence order; processor lines in settlement-time order.
 */

export type PrimaryLabel =
  | 'matched' | 'missing_left' | 'missing_right' | 'duplicate' | 'delay'
  | 'amount_mismatch' | 'currency_mismatch' | 'status_mismatch';

export interface Label {
  primary: PrimaryLabel;
  outOfOrder: boolean;
}

export type GenRecord = Omit<StoredRecord, 'raw' | 'description'> & { description: string | null; raw: string };

export interface Rates {
  missingRight: number;
  missingLeft: number;
  duplicateLeft: number;
  duplicateRight: number;
  delay: number;
  amountMismatch: number;
  currencyMismatch: number;
  statusMismatch: number;
  /** Fraction of ledger records that take part in an adjacent swap of timestamps. */
  outOfOrder: number;
  /** Processor rows without a ref (matched by account + amount + time). */
  keyless: number;
  /** Key-less rows that also settle outside the window (a delay found without a key). */
  keylessDelay: number;
  refund: number;
  zero: number;
}

export const DEFAULT_RATES: Rates = {
  missingRight: 0.01, missingLeft: 0.01, duplicateLeft: 0.005, duplicateRight: 0.005, delay: 0.005,
  amountMismatch: 0.005, currencyMismatch: 0.003, statusMismatch: 0.004, outOfOrder: 0.01, keyless: 0.03,
  keylessDelay: 0.002, refund: 0.03, zero: 0.005,
};

export interface GenOptions {
  seed: number;
  rows: number;
  accounts?: number;
  rates?: Partial<Rates>;
  startMs?: number;
  spanMs?: number;
  /** Drop processor rows settled later than ledger max − this (the processor file "ends early"). */
  processorCutoffMs?: number;
}

export interface Dataset {
  left: GenRecord[];
  right: GenRecord[];
  leftLabels: Label[];
  rightLabels: Label[];
}

export { seededRandom };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const RIGHT_ID_BASE = 100_000_000;

interface Txn {
  id: string;
  idem: string;
  account: string;
  customer: string;
  amount: number;
  currency: string;
  ts: number;
  seq: number;
  kind: PrimaryLabel | 'keyless' | 'keyless_delay' | 'dup_left' | 'dup_right';
  ooo: boolean;
}

interface Proc {
  ref: string | null;
  account: string;
  amount: number;
  currency: string;
  ts: number;
  fee: number;
  status: string;
  label: Label;
  /** Index of the ledger txn it settles, -1 for orphans. */
  txn: number;
}

export function generateDataset(options: GenOptions): Dataset {
  const random = seededRandom(options.seed);
  const rates = { ...DEFAULT_RATES, ...options.rates };
  const n = options.rows;
  const accountCount = options.accounts ?? Math.max(5, Math.round(n / 200));
  const start = options.startMs ?? Date.UTC(2026, 0, 5);
  const span = options.spanMs ?? 30 * DAY;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const accounts = Array.from({ length: accountCount }, (_, i) => `acct_${String(i).padStart(5, '0')}`);

  const times = Array.from({ length: n }, () => start + Math.floor(random() * span)).sort((a, b) => a - b);
  const perAccountCounter = new Map<string, number>();
  const txns: Txn[] = times.map((ts, i) => {
    const account = accounts[int(0, accountCount - 1)]!;
    const seq = (perAccountCounter.get(account) ?? 0) + 1;
    perAccountCounter.set(account, seq);
    const accountIndex = Number(account.slice(5));
    // Every third account numbers its own orders, so the same id appears in several accounts.
    const id = accountIndex % 3 === 0 ? `ord_${seq}` : `txn_${i}`;
    const c = random();
    const currency = c < 0.85 ? 'USD' : c < 0.92 ? 'EUR' : c < 0.97 ? 'JPY' : 'BHD';
    const base = currency === 'JPY' ? int(10, 50_000) : currency === 'BHD' ? int(1_000, 500_000) : int(100, 500_000);
    const a = random();
    const amount = a < rates.refund ? -base : a < rates.refund + rates.zero ? 0 : base;
    const r = random();
    const cut = [
      ['missing_right', rates.missingRight], ['delay', rates.delay], ['amount_mismatch', rates.amountMismatch],
      ['currency_mismatch', rates.currencyMismatch], ['status_mismatch', rates.statusMismatch],
      ['dup_left', rates.duplicateLeft], ['dup_right', rates.duplicateRight], ['keyless', rates.keyless],
      ['keyless_delay', rates.keylessDelay],
    ] as const;
    let acc = 0;
    let kind: Txn['kind'] = 'matched';
    for (const [k, rate] of cut) {
      acc += rate;
      if (r < acc) {
        kind = k;
        break;
      }
    }
    // Zero amounts only on keyed rows: key-less zero rows would all tie with each other.
    const safeAmount = amount === 0 && (kind === 'keyless' || kind === 'keyless_delay' || kind === 'amount_mismatch') ? base : amount;
    return {
      id, idem: `idem_${account}_${seq}`, account, customer: `cus_${int(1, Math.max(10, n / 20))}`,
      amount: safeAmount, currency, ts, seq, kind, ooo: false,
    };
  });

  plantSwaps(txns, rates.outOfOrder, random);

  const procs: Proc[] = [];
  const label = (primary: PrimaryLabel): Label => ({ primary, outOfOrder: false });
  const feeOf = (t: Txn) => (t.amount <= 0 ? 0 : t.currency === 'JPY' ? Math.round(t.amount * 0.036) : 30 + Math.round(t.amount * 0.029));
  txns.forEach((t, index) => {
    if (t.kind === 'missing_right') return;
    const p: Proc = {
      ref: t.id, account: t.account, amount: t.amount, currency: t.currency, ts: t.ts + int(30_000, 20 * HOUR),
      fee: feeOf(t), status: t.amount < 0 ? 'refunded' : 'succeeded', label: label('matched'), txn: index,
    };
    switch (t.kind) {
      case 'delay':
        p.ts = t.ts + int(30 * HOUR, 100 * HOUR);
        p.label = label('delay');
        break;
      case 'amount_mismatch': {
        const v = random();
        if (v < 0.4 && p.fee > 0) p.amount -= p.fee;
        else if (v < 0.7) p.amount += random() < 0.5 ? -1 : 1;
        else p.amount = Math.trunc(p.amount / 2) || p.amount + 7;
        p.label = label('amount_mismatch');
        break;
      }
      case 'currency_mismatch':
        p.currency = t.currency === 'USD' ? 'EUR' : 'USD';
        p.label = label('currency_mismatch');
        break;
      case 'status_mismatch':
        p.status = random() < 0.5 ? 'failed' : 'declined';
        p.label = label('status_mismatch');
        break;
      case 'keyless':
        p.ref = null;
        break;
      case 'keyless_delay':
        p.ref = null;
        p.ts = t.ts + int(30 * HOUR, 80 * HOUR);
        p.label = label('delay');
        break;
      default:
        break;
    }
    procs.push(p);
    if (t.kind === 'dup_right') procs.push({ ...p, ts: p.ts + int(1_000, 10 * 60_000), label: label('duplicate') });
  });

  const ledgerMax = txns.length ? txns.reduce((m, t) => Math.max(m, t.ts), -Infinity) : start;
  const orphanCount = Math.round(n * rates.missingLeft);
  for (let k = 0; k < orphanCount; k += 1) {
    const currency = random() < 0.9 ? 'USD' : 'EUR';
    const amount = int(100, 300_000);
    procs.push({
      ref: `orphan_${k}`, account: accounts[int(0, accountCount - 1)]!, amount, currency,
      ts: start + Math.floor(random() * Math.max(1, ledgerMax - DAY - start)), fee: 30 + Math.round(amount * 0.029),
      status: 'succeeded', label: label('missing_left'), txn: -1,
    });
  }

  // The processor file ends before the ledger does: later settlements are not in it yet.
  const cutoff = ledgerMax - (options.processorCutoffMs ?? 3 * HOUR);
  const kept = procs.filter((p) => p.ts <= cutoff);
  const procFrontier = kept.reduce((m, p) => Math.max(m, p.ts), -Infinity);
  const hasProc = new Uint8Array(n);
  for (const p of kept) if (p.txn >= 0 && p.label.primary !== 'duplicate') hasProc[p.txn] = 1;

  const leftLabels: Label[] = [];
  const left: GenRecord[] = [];
  const pushLedger = (t: Txn, id: string, primary: PrimaryLabel, ooo: boolean) => {
    const line = left.length + 2;
    left.push({
      id: left.length + 1, sourceId: 1, line, externalId: id, reference: t.idem, account: t.account, customer: t.customer,
      amountMinor: t.amount, currency: t.currency, tsMs: t.ts, status: t.kind === 'status_mismatch' && t.amount < 0 ? 'failed' : 'posted',
      sequence: t.seq, feeMinor: null, description: `order ${id}`, raw: '',
    });
    leftLabels.push({ primary, outOfOrder: ooo });
  };
  txns.forEach((t, i) => {
    let primary: PrimaryLabel;
    if (!hasProc[i]) primary = t.ts + DAY > procFrontier ? 'delay' : 'missing_right';
    else if (t.kind === 'delay' || t.kind === 'keyless_delay') primary = 'delay';
    else if (t.kind === 'amount_mismatch' || t.kind === 'currency_mismatch' || t.kind === 'status_mismatch') primary = t.kind;
    else primary = 'matched';
    pushLedger(t, t.id, primary, t.ooo);
  });
  txns.forEach((t) => {
    if (t.kind === 'dup_left') pushLedger(t, `${t.id}_r`, 'duplicate', false);
  });
  // A refund whose status mismatch is planted on the ledger side keeps the processor 'refunded'.
  for (const p of kept) if (p.label.primary === 'status_mismatch' && p.amount < 0) p.status = 'refunded';

  kept.sort((a, b) => a.ts - b.ts);
  const right: GenRecord[] = [];
  const rightLabels: Label[] = [];
  const ledgerFrontier = ledgerMax;
  for (const p of kept) {
    right.push({
      id: RIGHT_ID_BASE + right.length + 1, sourceId: 2, line: right.length + 2, externalId: p.ref, reference: null,
      account: p.account, customer: null, amountMinor: p.amount, currency: p.currency, tsMs: p.ts, status: p.status,
      sequence: null, feeMinor: p.fee, description: 'charge', raw: '',
    });
    const orphanLate = p.label.primary === 'missing_left' && p.ts + HOUR > ledgerFrontier;
    rightLabels.push(orphanLate ? { primary: 'delay', outOfOrder: false } : p.label);
  }
  return { left, right, leftLabels, rightLabels };
}

/** Swaps the timestamps of disjoint pairs of sequence-neighbours within an account. */
function plantSwaps(txns: Txn[], rate: number, random: () => number): void {
  const byAccount = new Map<string, number[]>();
  txns.forEach((t, i) => {
    const list = byAccount.get(t.account) ?? [];
    list.push(i);
    byAccount.set(t.account, list);
  });
  const pairs = Math.floor((txns.length * rate) / 2);
  const lists = [...byAccount.values()].filter((l) => l.length >= 4);
  const used = new Uint8Array(txns.length);
  for (let k = 0, tries = 0; k < pairs && tries < pairs * 20 && lists.length; tries += 1) {
    const list = lists[Math.floor(random() * lists.length)]!;
    // Keep a clear neighbour on both sides so a swap never touches another swap.
    const p = 1 + Math.floor(random() * (list.length - 3));
    const [a, b] = [list[p]!, list[p + 1]!];
    if (used[list[p - 1]!] || used[a] || used[b] || used[list[p + 2]!]) continue;
    const ta = txns[a]!;
    const tb = txns[b]!;
    if (ta.ts === tb.ts || ta.kind === 'dup_left' || tb.kind === 'dup_left') continue;
    [ta.ts, tb.ts] = [tb.ts, ta.ts];
    ta.ooo = true;
    tb.ooo = true;
    used[a] = used[b] = 1;
    k += 1;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The ledger as CSV text: header line 1, record i on line i + 2 (as in the records' `line`). */
export function ledgerCsv(records: readonly GenRecord[]): string {
  const rows = ['txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo'];
  for (const r of records) {
    rows.push([r.externalId ?? '', r.account ?? '', r.customer ?? '', formatMinor(r.amountMinor, r.currency), r.currency,
      iso(r.tsMs!), r.status ?? '', r.reference ?? '', String(r.sequence ?? ''), r.description ?? ''].map(csvField).join(','));
  }
  return `${rows.join('\n')}\n`;
}

export function processorCsv(records: readonly GenRecord[]): string {
  const rows = ['ref,account,amount,currency,settled_at,fee,status,description'];
  for (const r of records) {
    rows.push([r.externalId ?? '', r.account ?? '', formatMinor(r.amountMinor, r.currency), r.currency, iso(r.tsMs!),
      r.feeMinor === null ? '' : formatMinor(r.feeMinor, r.currency), r.status ?? '', r.description ?? ''].map(csvField).join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** Deterministic Fisher–Yates shuffle (a copy). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
