import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../../main/demo/seededRandom';

export { seededRandom };

export const LEDGER_HEADER = 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo';

/** Streams a ledger CSV of `rows` data rows (≈140 bytes each) to `file`. */
export async function generateLedgerCsv(file: string, rows: number, seed = 42): Promise<void> {
  const random = seededRandom(seed);
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const statuses = ['posted', 'posted', 'posted', 'pending', 'failed'];
  const start = Date.UTC(2024, 0, 1);
  let buffer = `${LEDGER_HEADER}\n`;
  for (let i = 1; i <= rows; i++) {
    const account = Math.floor(random() * 5000);
    const cents = Math.floor(random() * 5_000_000) - 500_000;
    const sign = cents < 0 ? '-' : '';
    const abs = Math.abs(cents);
    const amount = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
    const ts = new Date(start + i * 1000 + Math.floor(random() * 1000)).toISOString();
    const status = statuses[Math.floor(random() * statuses.length)];
    buffer += `TXN${String(i).padStart(9, '0')},ACC${account},CUS${Math.floor(random() * 100000)},${amount},USD,${ts},${status},idem-${i.toString(36)}-${account},${i},payment for order ${i}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
