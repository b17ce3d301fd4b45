import { SaxesParser, type SaxesTag } from 'saxes';
import { parseAmountToMinor, type AmountOptions } from '../amount';
import { invalidInput } from '../errors';
import type { FormatContext, FormatReader } from '../formatReader';
import type { RowSink } from '../rowSink';
import { parseTimestamp } from '../timestamp';
import { balanceWarning, bankSettings, dateToUtc } from './bankCommon';

interface Entry {
  line: number;
  amount: string;
  currency: string;
  cdi: string;
  reversal: boolean;
  status: string | null;
  booking: string | null;
  value: string | null;
  entryRef: string | null;
  servicerRef: string | null;
  endToEnd: string | null;
  info: string[];
}

interface Statement {
  id: string | null;
  line: number;
  account: string | null;
  balances: Map<string, { amount: number; currency: string }>;
  sum: number;
  bookedCurrency: string | null;
}

const STATEMENT = new Set(['Stmt', 'Ntfctn', 'Rpt']);

/** ISO 20022 camt.052/053/054, streamed with saxes: one record per <Ntry>, statement balances checked. */
export function prepareCamt(format: 'camt052' | 'camt053' | 'camt054') {
  return (ctx: FormatContext): FormatReader => ({
    format,
    settings: bankSettings(format, ctx),
    warnings: [],
    async run(chunks, sink, afterChunk) {
      const parser = new SaxesParser({ position: true });
      const reader = new CamtReader(ctx, sink, parser);
      parser.on('opentag', (t) => reader.open(t));
      parser.on('closetag', (t) => reader.close(t));
      parser.on('text', (t) => reader.text(t));
      parser.on('cdata', (t) => reader.text(t));
      parser.on('error', (e) => {
        throw invalidInput(ctx.file, { line: parser.line, column: parser.column }, `malformed XML: ${e.message.replace(/^[^:]*:\d+:\d+: /, '')}`);
      });
      for await (const text of chunks) {
        parser.write(text);
        afterChunk();
      }
      parser.close();
      if (reader.statements === 0) throw invalidInput(ctx.file, { line: 1 }, `no statement found (expected <Stmt>, <Ntfctn> or <Rpt> in a ${format} document)`);
    },
  });
}

class CamtReader {
  statements = 0;
  private path: string[] = [];
  private buf = '';
  private st: Statement | null = null;
  private entry: Entry | null = null;
  private bal: { type: string | null; amount: string; currency: string; cdi: string } | null = null;

  /** XML decimals: a point, no grouping. */
  private readonly amountOptions: AmountOptions;

  constructor(private readonly ctx: FormatContext, private readonly sink: RowSink, private readonly parser: SaxesParser) {
    this.amountOptions = { decimalSeparator: '.', currencyExponents: ctx.mapping?.currencyExponents };
  }

  open(tag: SaxesTag): void {
    const name = local(tag.name);
    this.path.push(name);
    this.buf = '';
    if (STATEMENT.has(name) && this.path.length <= 4) {
      this.st = { id: null, line: this.parser.line, account: null, balances: new Map(), sum: 0, bookedCurrency: null };
      this.statements++;
    } else if (name === 'Ntry' && this.st) {
      this.entry = { line: this.parser.line, amount: '', currency: '', cdi: '', reversal: false, status: null, booking: null, value: null, entryRef: null, servicerRef: null, endToEnd: null, info: [] };
    } else if (name === 'Bal' && this.st && !this.entry) {
      this.bal = { type: null, amount: '', currency: '', cdi: '' };
    }
    if (name === 'Amt') {
      const ccy = attr(tag, 'Ccy');
      if (this.entry && this.parent(1) === 'Ntry') this.entry.currency = ccy;
      else if (this.bal && this.parent(1) === 'Bal') this.bal.currency = ccy;
    }
  }

  text(t: string): void {
    this.buf += t;
  }

  close(tag: SaxesTag): void {
    const name = local(tag.name);
    const value = this.buf.trim();
    this.buf = '';
    const p1 = this.parent(1);
    const p2 = this.parent(2);
    const e = this.entry;
    const st = this.st;
    if (e) {
      if (name === 'Ntry') this.emit(e);
      else if (p1 === 'Ntry') {
        if (name === 'Amt') e.amount = value;
        else if (name === 'CdtDbtInd') e.cdi = value;
        else if (name === 'RvslInd') e.reversal = value === 'true';
        else if (name === 'Sts' && value) e.status = value;
        else if (name === 'NtryRef') e.entryRef = value;
        else if (name === 'AcctSvcrRef') e.servicerRef = value;
        else if (name === 'AddtlNtryInf') e.info.unshift(value);
      } else if (p2 === 'Ntry' && (name === 'Dt' || name === 'DtTm')) {
        if (p1 === 'BookgDt') e.booking = value;
        else if (p1 === 'ValDt') e.value = value;
      } else if (p2 === 'Ntry' && p1 === 'Sts' && name === 'Cd') e.status = value;
      else if (name === 'EndToEndId' && p1 === 'Refs' && value && value !== 'NOTPROVIDED') e.endToEnd ??= value;
      else if (name === 'AcctSvcrRef' && p1 === 'Refs') e.servicerRef ??= value;
      else if (name === 'Ustrd' && value) e.info.push(value);
    } else if (this.bal) {
      if (name === 'Bal') this.closeBalance();
      else if (name === 'Cd' && p1 === 'CdOrPrtry' && p2 === 'Tp') this.bal.type ??= value;
      else if (name === 'Amt' && p1 === 'Bal') this.bal.amount = value;
      else if (name === 'CdtDbtInd' && p1 === 'Bal') this.bal.cdi = value;
    } else if (st) {
      if (STATEMENT.has(name) && this.path.length <= 4) this.closeStatement(st);
      else if (name === 'Id' && this.path.length === 4) st.id = value;
      else if ((name === 'IBAN' && p1 === 'Id' && p2 === 'Acct') || (name === 'Id' && p1 === 'Othr' && this.parent(3) === 'Acct')) st.account ??= value;
    }
    this.path.pop();
  }

  private parent(level: number): string | undefined {
    return this.path[this.path.length - 1 - level];
  }

  private closeBalance(): void {
    const b = this.bal!;
    this.bal = null;
    const st = this.st!;
    const a = parseAmountToMinor(b.amount, b.currency, this.amountOptions);
    if (!b.type || !a.ok) {
      this.sink.warn(`balance at line ${this.parser.line} ignored: ${a.ok ? 'no balance type' : a.reason}`);
      return;
    }
    if (!st.balances.has(b.type)) st.balances.set(b.type, { amount: b.cdi === 'DBIT' ? -a.value : a.value, currency: b.currency });
  }

  private closeStatement(st: Statement): void {
    this.st = null;
    const opening = st.balances.get('OPBD') ?? st.balances.get('PRCD');
    const closing = st.balances.get('CLBD');
    if (opening && closing && opening.currency === closing.currency) {
      const w = balanceWarning(`statement ${st.id ?? '?'} (line ${st.line})`, opening.amount, st.sum, closing.amount, closing.currency, this.amountOptions.currencyExponents);
      if (w) this.sink.warn(w);
    }
  }

  private emit(e: Entry): void {
    this.entry = null;
    const raw = JSON.stringify(e);
    const reject = (column: string, reason: string): void => this.sink.reject(e.line, column, raw, reason);
    if (!/^[A-Z]{3}$/.test(e.currency)) return reject('Amt', `entry amount has no valid Ccy attribute (found ${JSON.stringify(e.currency)})`);
    const a = parseAmountToMinor(e.amount, e.currency, this.amountOptions);
    if (!a.ok) return reject('Amt', a.reason);
    if (e.cdi !== 'CRDT' && e.cdi !== 'DBIT') return reject('CdtDbtInd', `expected CRDT or DBIT, found ${JSON.stringify(e.cdi)}`);
    const date = e.booking ?? e.value;
    let ts: number | null = null;
    if (date) {
      const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      ts = d ? dateToUtc(+d[1]!, +d[2]!, +d[3]!, this.ctx.timezone) : (() => {
        const r = parseTimestamp(date, { zone: this.ctx.timezone, dateOrder: null });
        return r.ok ? r.value : null;
      })();
      if (ts === null) return reject('BookgDt', `invalid date ${JSON.stringify(date)}`);
    }
    const amount = e.cdi === 'DBIT' ? -a.value : a.value;
    const st = this.st!;
    if (e.status === null || e.status === 'BOOK') st.sum += amount;
    this.sink.addRecord(e.line, e.servicerRef ?? e.entryRef, e.endToEnd, st.account, null, amount, e.currency, ts, e.status, null, null, e.info.length ? e.info.join(' ') : null, raw);
  }
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
}

function attr(tag: SaxesTag, name: string): string {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : '';
}
