import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../main/demo/seededRandom';

export const LEDGER_HEADER = 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo';
export const PROCESSOR_HEADER = 'ref,account,amount,currency,settled_at,fee,status,description';

const START_MS = Date.UTC(2026, 9, 1);
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'GBP', 'JPY'];

function money(minor: number, currency: string): string {
  if (currency === 'JPY') return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

async function writeLines(path: string, header: string, rows: number, line: (i: number) => string | null): Promise<void> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { highWaterMark: 1 << 20 });
  let buffer = `${header}\n`;
  for (let i = 0; i < rows; i += 1) {
    const text = line(i);
    if (text !== null) buffer += `${text}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(partial, path);
}

/**
 * A ledger and a processor CSV of `rows` rows each in the two shapes of the Import issue, with about
 * 1% anomalies (missing on either side, fee-short amounts, failed statuses, late settlements).
 * Seeded, and cached by size, so repeated benchmark runs read the same bytes.
 */
export async function generateBenchCsvs(dir: string, rows: number, seed = 7): Promise<{ ledger: string; processor: string; bytes: number }> {
  mkdirSync(dir, { recursive: true });
  // v2: rows of about 140 bytes, the size the Import issue's target names.
  const ledger = join(dir, `ledger-v2-${rows}.csv`);
  const processor = join(dir, `processor-v2-${rows}.csv`);
  const rowAt = (i: number) => {
    const random = seededRandom(seed * 1_000_003 + i);
    const currency = CURRENCIES[Math.floor(random() * CURRENCIES.length)]!;
    const account = `acct_${String(Math.floor(random() * 5000)).padStart(5, '0')}`;
    const amount = currency === 'JPY' ? 100 + Math.floor(random() * 90_000) : 100 + Math.floor(random() * 990_000);
    const ts = START_MS + i * 2_000 + Math.floor(random() * 1000);
    return { random, currency, account, amount, ts, anomaly: random() };
  };
  if (!existsSync(ledger)) {
    await writeLines(ledger, LEDGER_HEADER, rows, (i) => {
      const r = rowAt(i);
      if (r.anomaly < 0.002) return null; // missing_left seen from the processor
      return `T${String(i).padStart(10, '0')},${r.account},cus_${String(i % 200_000).padStart(6, '0')},${money(r.amount, r.currency)},${r.currency},${new Date(r.ts).toISOString()},posted,idem-${i},${i},order ${i} web checkout ${r.account} batch ${i % 977}`;
    });
  }
  if (!existsSync(processor)) {
    await writeLines(processor, PROCESSOR_HEADER, rows, (i) => {
      const r = rowAt(i);
      if (r.anomaly >= 0.002 && r.anomaly < 0.004) return null; // missing_right
      const fee = r.currency === 'JPY' ? 0 : 30 + Math.floor(r.amount * 0.029);
      const amount = r.anomaly < 0.006 && r.anomaly >= 0.004 ? r.amount - fee : r.amount;
      const status = r.anomaly >= 0.006 && r.anomaly < 0.008 ? 'failed' : 'succeeded';
      const settled = r.ts + (r.anomaly >= 0.008 && r.anomaly < 0.01 ? 51 : 2) * 3_600_000;
      return `T${String(i).padStart(10, '0')},${r.account},${money(amount, r.currency)},${r.currency},${new Date(settled).toISOString()},${money(fee, r.currency)},${status},charge ${i}`;
    });
  }
  return { ledger, processor, bytes: statSync(ledger).size };
}
