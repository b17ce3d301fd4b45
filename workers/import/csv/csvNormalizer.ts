import { findCurrencyExponent, unknownCurrencyReason } from '../../shared/currency';
import type { RowSink } from '../rowSink';
import { parseTimestamp, type TimestampContext } from '../timestamp';
import { isValidTimeZone } from '../zoneOffset';
import { createAmountReader, type CsvAmountOptions } from './csvAmountReader';
import type { ResolvedColumns } from './resolveColumns';

export interface CsvNormalizerOptions {
  headers: readonly string[];
  columns: ResolvedColumns;
  defaultCurrency: string | null;
  amount: CsvAmountOptions;
  invertSign: boolean;
  timestamp: TimestampContext;
}

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  UTC: 'Z', GMT: 'Z', Z: 'Z', PST: '-08:00', PDT: '-07:00', MST: '-07:00', MDT: '-06:00', CST: '-06:00', CDT: '-05:00',
  EST: '-05:00', EDT: '-04:00', CET: '+01:00', CEST: '+02:00', BST: '+01:00', EET: '+02:00', EEST: '+03:00', JST: '+09:00',
};

const DEBIT = new Set(['D', 'DR', 'DEBIT', 'DBIT', 'DB']);
const CREDIT = new Set(['C', 'CR', 'CREDIT', 'CRDT']);

/** Returns the per-row function: fields → one record or one rejected row in the sink, never neither. */
export function createCsvNormalizer(o: CsvNormalizerOptions, sink: RowSink): (fields: string[], line: number, raw: string) => void {
  const c = o.columns;
  const width = o.headers.length;
  const name = (i: number): string => o.headers[i] ?? `column ${i + 1}`;
  const text = (fields: string[], i: number): string | null => {
    if (i < 0) return null;
    const v = fields[i]!;
    return v === '' ? null : v;
  };
  // A code with its exponent (ISO 4217 or declared), or the reason its rows are rejected; one shape for both.
  type Currency = { code: string; exponent: number; reason: string | null };
  const refused = (reason: string): Currency => ({ code: '', exponent: 0, reason });
  const toCurrency = (code: string): Currency => {
    const exponent = findCurrencyExponent(code, o.amount.currencyExponents);
    return exponent === null ? refused(unknownCurrencyReason(code)) : { code, exponent, reason: null };
  };
  const currencies = new Map<string, Currency>();
  const cellCurrency = (v: string): Currency => {
    let r = currencies.get(v);
    if (r === undefined) {
      const up = v.trim().toUpperCase();
      r = /^[A-Z]{3}$/.test(up) ? toCurrency(up) : refused(`not a currency code: ${JSON.stringify(v)} (expected ISO 4217, e.g. USD)`);
      currencies.set(v, r);
    }
    return r;
  };
  const fileCurrency: Currency = o.defaultCurrency === null ? refused('no currency for this row') : toCurrency(o.defaultCurrency);
  const readAmount = createAmountReader(o.amount, (message) => sink.warn(message));
  const [amountName, debitName, creditName, feeName] = [c.amount, c.debit, c.credit, c.fee].map(name) as [string, string, string, string];
  const zoneFor = (value: string): { zone?: string; suffix?: string } | null => {
    const v = value.trim();
    const abbr = ABBREVIATIONS[v.toUpperCase()];
    if (abbr) return { suffix: abbr };
    if (/^[+-]\d{2}:?\d{2}$/.test(v)) return { suffix: v };
    if (isValidTimeZone(v)) return { zone: v };
    return null;
  };
  const singleTs = c.timestamp.length === 1 ? c.timestamp[0]! : -1;

  return (fields, line, raw) => {
    if (fields.length !== width) {
      sink.reject(line, null, raw, `expected ${width} fields, found ${fields.length}`);
      return;
    }
    const cur = c.currency >= 0 ? cellCurrency(fields[c.currency]!) : fileCurrency;
    if (cur.reason !== null) return sink.reject(line, c.currency >= 0 ? name(c.currency) : null, raw, cur.reason);
    const { code: currency, exponent } = cur;
    let amount: number;
    if (c.amount >= 0) {
      const r = readAmount(fields[c.amount]!, exponent, line, amountName);
      if (!r.ok) return sink.reject(line, amountName, raw, r.reason);
      amount = r.value;
    } else {
      const d = fields[c.debit]?.trim() ? readAmount(fields[c.debit]!, exponent, line, debitName) : { ok: true as const, value: 0 };
      if (!d.ok) return sink.reject(line, debitName, raw, d.reason);
      const k = fields[c.credit]?.trim() ? readAmount(fields[c.credit]!, exponent, line, creditName) : { ok: true as const, value: 0 };
      if (!k.ok) return sink.reject(line, creditName, raw, k.reason);
      if (!fields[c.debit]?.trim() && !fields[c.credit]?.trim()) return sink.reject(line, name(c.debit), raw, 'both debit and credit are empty');
      amount = Math.abs(k.value) - Math.abs(d.value);
    }
    if (c.direction >= 0) {
      const dir = fields[c.direction]!.trim().toUpperCase();
      if (DEBIT.has(dir)) amount = -Math.abs(amount);
      else if (CREDIT.has(dir)) amount = Math.abs(amount);
      else return sink.reject(line, name(c.direction), raw, `direction ${JSON.stringify(fields[c.direction])} is neither debit (D/DR/DEBIT) nor credit (C/CR/CREDIT)`);
    }
    if (o.invertSign && amount !== 0) amount = -amount;
    let fee: number | null = null;
    if (c.fee >= 0 && fields[c.fee] !== '') {
      const r = readAmount(fields[c.fee]!, exponent, line, feeName);
      if (!r.ok) return sink.reject(line, feeName, raw, r.reason);
      fee = r.value;
    }
    let ts: number | null = null;
    if (c.timestamp.length) {
      let t = singleTs >= 0 ? fields[singleTs]! : c.timestamp.map((i) => fields[i]!.trim()).join(' ');
      let ctx = o.timestamp;
      if (c.timezone >= 0 && fields[c.timezone] !== '') {
        const z = zoneFor(fields[c.timezone]!);
        if (!z) return sink.reject(line, name(c.timezone), raw, `unknown time zone ${JSON.stringify(fields[c.timezone])}`);
        if (z.suffix) t = `${t.trim()}${z.suffix === 'Z' ? 'Z' : z.suffix}`;
        else ctx = { ...ctx, zone: z.zone! };
      }
      const r = parseTimestamp(t, ctx);
      if (!r.ok) return sink.reject(line, name(c.timestamp[0]!), raw, r.reason);
      ts = r.value;
    }
    let sequence: number | null = null;
    if (c.sequence >= 0 && fields[c.sequence] !== '') {
      const s = fields[c.sequence]!.trim();
      sequence = /^-?\d{1,15}$/.test(s) ? Number(s) : NaN;
      if (Number.isNaN(sequence)) return sink.reject(line, name(c.sequence), raw, `sequence ${JSON.stringify(s)} is not an integer`);
    }
    sink.addRecord(
      line, text(fields, c.externalId), text(fields, c.reference), text(fields, c.account), text(fields, c.customer),
      amount, currency, ts, text(fields, c.status), sequence, fee, text(fields, c.description), raw,
    );
  };
}
