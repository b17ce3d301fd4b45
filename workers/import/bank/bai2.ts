import { parseAmountToMinor } from '../amount';
import { invalidInput } from '../errors';
import type { FormatContext, FormatReader } from '../formatReader';
import type { RowSink } from '../rowSink';
import { bankSettings, dateToUtc, fullYear, lines } from './bankCommon';

interface LogicalRecord {
  type: string;
  fields: string[];
  line: number;
  physical: number;
  raw: string;
}

/** BAI2 cash management files: one record per 16 (transaction detail); 49/98/99 control totals checked. */
export function prepareBai2(ctx: FormatContext): FormatReader {
  return {
    format: 'bai2',
    settings: bankSettings('bai2', ctx),
    warnings: [],
    async run(chunks, sink, afterChunk) {
      const state = new Bai2State(ctx, sink);
      const notARecord = (n: number, found: string, after: string) =>
        invalidInput(ctx.file, { line: n, column: 1 }, `expected a BAI2 record type code (01, 02, 03, 16, 49, 98, 99)${after}, found ${JSON.stringify(found.slice(0, 20))}`);
      let current: LogicalRecord | null = null;
      for await (const [text, n] of lines(chunks, afterChunk)) {
        // A physical line may hold several "/"-terminated records ("01,…,2/   02,…/"); each keeps the line it starts on.
        let rest = text.trimEnd();
        for (let first = true; rest !== ''; first = false) {
          // "88," continues the previous record; some banks write "88:" or wrap a 16's text onto a bare line.
          const continued = /^88\D/.test(rest);
          const m = continued ? null : /^(\d{2}),/.exec(rest);
          if (!m && !current) throw notARecord(n, rest, '');
          if (!m && !continued && !first) throw notARecord(n, rest, ' after the "/" ending the previous record');
          const end = recordEnd(rest, (m ? m[1] : current!.type) === '16');
          const whole = first && (end < 0 || rest.slice(end + 1).trim() === '');
          const raw = whole ? text : end < 0 ? rest : rest.slice(0, end + 1);
          const body = end < 0 ? rest : rest.slice(0, end);
          rest = end < 0 ? '' : rest.slice(end + 1).trimStart();
          if (m) {
            if (current) state.record(current);
            current = { type: m[1]!, fields: splitFields(m[1]!, body.slice(m[0].length)), line: n, physical: 1, raw };
            continue;
          }
          if (continued) {
            current!.fields.push(...splitFields(current!.type, body.slice(3)));
            current!.physical++;
          } else {
            current!.fields.push(body);
          }
          current!.raw += `\n${raw}`;
        }
      }
      if (current) state.record(current);
      state.finish();
    },
  };
}

/** A "/" inside a 16 that ends it: at the end of the line or before a record that may follow a detail. */
const DETAIL_END = /\/(?=\s*(?:$|16,\d{3},|49,|88,))/;

/**
 * Index of the "/" ending the record at the start of `s`, or -1 when it runs to the end of the line.
 * Only a 16 (with its continuations) holds free text, and banks put "/" in its text and references
 * (sample5-issue113: "AB/GS/RPFILERP0001"), so there a "/" ends the record only at the end of the line or
 * before a record that may follow a detail; any other record ends at its first "/".
 */
function recordEnd(s: string, detail: boolean): number {
  return detail ? s.search(DETAIL_END) : s.indexOf('/');
}

/** The text of a 16 record may contain commas, so only its fixed fields are split (by the caller). */
function splitFields(_type: string, rest: string): string[] {
  return rest.split(',');
}

class Bai2State {
  private seen01 = false;
  private seen99 = false;
  private currencyGroup = 'USD';
  private currencyAccount: string | null = null;
  private asOf: number | null = null;
  private account: string | null = null;
  private accountTotal = 0;
  private accountRecords = 0;
  private groupTotal = 0;
  private groupRecords = 0;
  private groupAccounts = 0;
  private fileTotal = 0;
  private fileRecords = 0;
  private fileGroups = 0;

  constructor(private readonly ctx: FormatContext, private readonly sink: RowSink) {}

  record(r: LogicalRecord): void {
    const f = r.fields;
    this.fileRecords += r.physical;
    this.groupRecords += r.physical;
    this.accountRecords += r.physical;
    const fail = (what: string): never => {
      throw invalidInput(this.ctx.file, { line: r.line }, what);
    };
    if (!this.seen01 && r.type !== '01') fail(`expected the file header record 01 first, found record type ${r.type}`);
    switch (r.type) {
      case '01':
        this.seen01 = true;
        this.fileRecords = 1;
        break;
      case '02': {
        this.groupRecords = 1;
        this.groupTotal = 0;
        this.groupAccounts = 0;
        this.fileGroups++;
        if (/^[A-Z]{3}$/.test(f[5] ?? '')) this.currencyGroup = f[5]!;
        const d = /^(\d{2})(\d{2})(\d{2})$/.exec(f[3] ?? '');
        if (!d) fail(`group header: as-of date ${JSON.stringify(f[3])} is not YYMMDD`);
        this.asOf = dateToUtc(fullYear(+d![1]!), +d![2]!, +d![3]!, this.ctx.timezone);
        if (this.asOf === null) fail(`group header: invalid as-of date ${f[3]}`);
        break;
      }
      case '03': {
        this.accountRecords = r.physical;
        this.groupAccounts++;
        this.account = f[0] ?? null;
        this.currencyAccount = /^[A-Z]{3}$/.test(f[1] ?? '') ? f[1]! : null;
        this.accountTotal = 0;
        for (let i = 2; i + 1 < f.length; ) {
          const amount = f[i + 1] ?? '';
          if (amount !== '') this.accountTotal += this.amount(amount, r, 'summary amount') ?? 0;
          const funds = f[i + 3] ?? '';
          i += 4 + fundsExtra(funds, f, i + 4);
        }
        break;
      }
      case '16':
        this.detail(r);
        break;
      case '49': {
        const declared = this.amount(f[0] ?? '', r, 'account control total');
        if (declared !== null && declared !== this.accountTotal) this.sink.warn(`account ${this.account} (trailer at line ${r.line}): control total ${f[0]} but the amounts sum to ${this.accountTotal}`);
        this.checkCount(f[1], this.accountRecords, 'records', `account ${this.account} (trailer at line ${r.line})`);
        this.groupTotal += this.accountTotal;
        this.account = null;
        break;
      }
      case '98': {
        const declared = this.amount(f[0] ?? '', r, 'group control total');
        if (declared !== null && declared !== this.groupTotal) this.sink.warn(`group trailer at line ${r.line}: control total ${f[0]} but the accounts sum to ${this.groupTotal}`);
        this.checkCount(f[1], this.groupAccounts, 'accounts', `group trailer at line ${r.line}`);
        this.checkCount(f[2], this.groupRecords, 'records', `group trailer at line ${r.line}`);
        this.fileTotal += this.groupTotal;
        break;
      }
      case '99': {
        this.seen99 = true;
        const declared = this.amount(f[0] ?? '', r, 'file control total');
        if (declared !== null && declared !== this.fileTotal) this.sink.warn(`file trailer at line ${r.line}: control total ${f[0]} but the groups sum to ${this.fileTotal}`);
        this.checkCount(f[1], this.fileGroups, 'groups', `file trailer at line ${r.line}`);
        this.checkCount(f[2], this.fileRecords, 'records', `file trailer at line ${r.line}`);
        break;
      }
      default:
        fail(`unknown BAI2 record type ${r.type} (expected 01, 02, 03, 16, 49, 88, 98 or 99)`);
    }
  }

  finish(): void {
    if (!this.seen01) throw invalidInput(this.ctx.file, { line: 1 }, 'empty BAI2 file (expected a 01 file header)');
    if (!this.seen99) this.sink.warn('the BAI2 file has no 99 file trailer: it may be truncated');
  }

  /** Trailer counts (records count each 01–99 and 88 record, however they share lines); an absent count is not checked. */
  private checkCount(text: string | undefined, found: number, what: string, where: string): void {
    const t = (text ?? '').trim();
    if (t === '') return;
    if (!/^\d+$/.test(t)) this.sink.warn(`${where}: the ${what} count ${JSON.stringify(text)} is not a number`);
    else if (Number(t) !== found) this.sink.warn(`${where}: declares ${Number(t)} ${what}, found ${found}`);
  }

  /** Amounts are integers in minor units; control totals may carry a sign. */
  private amount(text: string, r: LogicalRecord, what: string): number | null {
    const t = text.trim();
    if (t === '') return 0;
    if (!/^[+-]?\d+$/.test(t)) {
      this.sink.warn(`line ${r.line}: ${what} ${JSON.stringify(text)} is not an integer amount`);
      return null;
    }
    return Number(t);
  }

  private detail(r: LogicalRecord): void {
    const f = r.fields;
    const reject = (column: string, reason: string): void => this.sink.reject(r.line, column, r.raw, reason);
    if (this.account === null) throw invalidInput(this.ctx.file, { line: r.line }, 'transaction detail 16 outside an account (expected a 03 record first)');
    const code = Number(f[0]);
    const currency = this.currencyAccount ?? this.currencyGroup;
    const a = parseAmountToMinor(f[1] ?? '', currency, { unit: 'minor', currencyExponents: this.ctx.mapping?.currencyExponents });
    if (!a.ok) {
      this.accountRecords += 0;
      return reject('amount', a.reason);
    }
    this.accountTotal += a.value;
    const funds = f[2] ?? '';
    const extra = fundsExtra(funds, f, 3);
    let ts = this.asOf;
    if (funds === 'V') {
      const d = /^(\d{2})(\d{2})(\d{2})$/.exec(f[3] ?? '');
      const v = d ? dateToUtc(fullYear(+d[1]!), +d[2]!, +d[3]!, this.ctx.timezone) : null;
      if (v === null) return reject('value date', `invalid value date ${JSON.stringify(f[3])} (expected YYMMDD)`);
      ts = v;
    }
    const at = 3 + extra;
    const bankRef = f[at] || null;
    const customerRef = f[at + 1] || null;
    const text = f.slice(at + 2).join(',').trim() || null;
    let sign = 1;
    if (code >= 400 && code < 700) sign = -1;
    else if (!(code >= 100 && code < 400)) {
      if (code >= 900 && code < 1000) sign = code < 920 ? 1 : -1;
      else return reject('type code', `type code ${JSON.stringify(f[0])} is not a transaction detail code (100–699, 900–999)`);
    }
    // A detail takes its value date, else its group's as-of date; with neither it cannot be placed in time.
    if (ts === null) return reject('date', 'no date: the transaction has no value date and no 02 group header with an as-of date precedes it');
    this.sink.addRecord(r.line, bankRef, customerRef, this.account, null, sign * a.value, currency, ts, f[0] ?? null, null, null, text, r.raw);
  }
}

/** Extra fields after a funds type: S → 3 amounts, V → date and time, D → count then (days, amount) pairs. */
function fundsExtra(funds: string, f: string[], at: number): number {
  if (funds === 'S') return 3;
  if (funds === 'V') return 2;
  if (funds === 'D') return 1 + 2 * Number(f[at] ?? 0);
  return 0;
}
