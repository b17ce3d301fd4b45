import { formatMinor } from '../../workers/shared/currency';
import { seededRandom } from './seededRandom';

export interface DemoFiles {
  ledgerCsv: string;
  processorCsv: string;
  bankCsv: string;
  /** The breaks planted on purpose, by class, as ledger txn ids or processor refs. */
  planted: Record<string, string[]>;
}

interface Txn {
  id: string;
  account: string;
  customer: string;
  amountMinor: number;
  currency: string;
  createdMs: number;
  sequence: number;
}

const START_MS = Date.UTC(2026, 10, 2, 8, 0, 0);
const HOUR = 3_600_000;
const LEDGER_HEADER = 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo';
const PROCESSOR_HEADER = 'ref,account,amount,currency,settled_at,fee,status,description';
const BANK_HEADER = 'reference,account,amount,currency,date,description';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const feeOf = (t: Txn) => (t.currency === 'JPY' ? 0 : 30 + Math.round(t.amountMinor * 0.029));

/**
 * A small ledger / processor / bank set with every break class planted at known rows, so a new
 * user sees real breaks at once and tests can check the engine finds exactly these.
 */
export function buildDemoFiles(seed = 20261123): DemoFiles {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const accounts = ['acct_001', 'acct_002', 'acct_003', 'acct_004', 'acct_005', 'acct_006'];
  const sequenceByAccount = new Map<string, number>();
  const txns: Txn[] = [];
  for (let i = 1; i <= 120; i += 1) {
    const account = pick(accounts);
    const sequence = (sequenceByAccount.get(account) ?? 0) + 1;
    sequenceByAccount.set(account, sequence);
    const currency = i % 17 === 0 ? 'EUR' : i % 29 === 0 ? 'JPY' : 'USD';
    const amountMinor = currency === 'JPY' ? 500 + Math.floor(random() * 20_000) : 1_000 + Math.floor(random() * 49_000);
    txns.push({
      id: `txn_${String(i).padStart(4, '0')}`,
      account,
      customer: `cus_${String(1 + Math.floor(random() * 30)).padStart(3, '0')}`,
      amountMinor,
      currency,
      createdMs: START_MS + i * 20 * 60_000,
      sequence,
    });
  }
  const byId = new Map(txns.map((t) => [t.id, t]));
  const planted: Record<string, string[]> = {
    missing_right: ['txn_0011', 'txn_0047', 'txn_0093'],
    missing_left: ['pay_orphan_1', 'pay_orphan_2'],
    duplicate: ['txn_0030'],
    delay: ['txn_0052'],
    out_of_order: [],
    amount_mismatch: ['txn_0061'],
    currency_mismatch: ['txn_0074'],
    status_mismatch: ['txn_0088'],
  };
  // Swap the clocks of two neighbours in one account so sequence and time disagree.
  const acct = txns.filter((t) => t.account === 'acct_003');
  const [early, late] = [acct[3]!, acct[4]!];
  [early.createdMs, late.createdMs] = [late.createdMs, early.createdMs];
  planted.out_of_order = [early.id, late.id];

  const ledgerLine = (t: Txn, id = t.id, idem = `idem_${t.id.slice(4)}`) =>
    [id, t.account, t.customer, formatMinor(t.amountMinor, t.currency), t.currency, iso(t.createdMs), 'posted', idem,
      t.sequence, `order ${t.id.slice(4)}`].join(',');
  const ledger = txns.map((t) => ledgerLine(t));
  // A client retry booked twice under a new id but the same idempotency key.
  const dup = byId.get('txn_0030')!;
  ledger.push(ledgerLine(dup, 'txn_0030r'));

  const processor: string[] = [];
  const settledByAccountDay = new Map<string, { account: string; currency: string; day: string; net: number }>();
  for (const t of txns) {
    if (planted.missing_right!.includes(t.id)) continue;
    let amount = t.amountMinor;
    let currency = t.currency;
    let status = 'succeeded';
    let settledMs = t.createdMs + 2 * HOUR;
    if (t.id === 'txn_0052') settledMs = t.createdMs + 51 * HOUR;
    if (t.id === 'txn_0061') amount -= 290;
    if (t.id === 'txn_0074') currency = t.currency === 'EUR' ? 'USD' : 'EUR';
    if (t.id === 'txn_0088') status = 'failed';
    const fee = feeOf(t);
    processor.push([t.id, t.account, formatMinor(amount, currency), currency, iso(settledMs), formatMinor(fee, currency),
      status, `charge ${t.customer}`].join(','));
    if (status !== 'succeeded') continue;
    const day = iso(settledMs).slice(0, 10);
    const key = `${t.account}|${currency}|${day}`;
    const entry = settledByAccountDay.get(key) ?? { account: t.account, currency, day, net: 0 };
    entry.net += amount - fee;
    settledByAccountDay.set(key, entry);
  }
  processor.push(['pay_orphan_1', 'acct_002', '42.00', 'USD', iso(START_MS + 30 * HOUR), '1.52', 'succeeded', 'unknown charge'].join(','));
  processor.push(['pay_orphan_2', 'acct_005', '13.37', 'USD', iso(START_MS + 31 * HOUR), '0.69', 'succeeded', 'unknown charge'].join(','));

  const bank = [...settledByAccountDay.values()]
    .sort((a, b) => (a.day + a.account + a.currency).localeCompare(b.day + b.account + b.currency))
    .map((p, index) => [`po_${String(index + 1).padStart(4, '0')}`, p.account, formatMinor(p.net, p.currency), p.currency,
      `${p.day}T23:00:00Z`, `payout ${p.account} ${p.day}`].join(','));

  return {
    ledgerCsv: [LEDGER_HEADER, ...ledger].join('\n') + '\n',
    processorCsv: [PROCESSOR_HEADER, ...processor].join('\n') + '\n',
    bankCsv: [BANK_HEADER, ...bank].join('\n') + '\n',
    planted,
  };
}
