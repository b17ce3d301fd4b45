import { findCurrencyExponent, unknownCurrencyReason } from '../../shared/currency';
import { parseAmountToMinor } from '../amount';
import { invalidInput } from '../errors';
import type { FormatContext, FormatReader } from '../formatReader';
import type { RowSink } from '../rowSink';
import { offsetMs } from '../timestamp';
import { bankSettings, dateToUtc } from './bankCommon';
import { zonedToUtc } from '../zoneOffset';

const INVESTMENT = new Set(['BUYMF', 'SELLMF', 'BUYSTOCK', 'SELLSTOCK', 'BUYOTHER', 'SELLOTHER', 'INCOME', 'REINVEST', 'TRANSFER', 'BUYDEBT', 'SELLDEBT', 'BUYOPT', 'SELLOPT', 'RETOFCAP', 'SPLIT', 'MARGININTEREST', 'INVEXPENSE', 'JRNLFUND', 'JRNLSEC', 'CLOSUREOPT']);

/**
 * OFX/QFX, both SGML (v1, unclosed leaf tags) and XML (v2), with one tokenizer: a leaf's value is the
 * text after its start tag. One record per <STMTTRN> (bank, credit card, and cash lines of investment accounts).
 */
export function prepareOfx(ctx: FormatContext): FormatReader {
  return {
    format: 'ofx',
    settings: bankSettings('ofx', ctx),
    warnings: [],
    async run(chunks, sink, afterChunk) {
      const r = new OfxReader(ctx, sink);
      let carry = '';
      for await (const text of chunks) {
        carry = r.feed(carry + text, false);
        afterChunk();
      }
      r.feed(carry, true);
      r.finish();
    },
  };
}

type Txn = Record<string, string>;

class OfxReader {
  private line = 1;
  private stack: string[] = [];
  private txn: Txn | null = null;
  private txnLine = 0;
  private currency: string | null = null;
  private account: string | null = null;
  private lastLeaf: string | null = null;
  private sawOfx = false;
  private transactions = 0;
  private investment = 0;
  private errors: string[] = [];
  private severity: string | null = null;

  constructor(private readonly ctx: FormatContext, private readonly sink: RowSink) {}

  /** Consumes complete tags; returns the unconsumed tail. */
  feed(s: string, final: boolean): string {
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt === -1) {
        if (final) this.value(s.slice(pos));
        else return this.keepTail(s, pos);
        this.countLines(s, pos, s.length);
        return '';
      }
      const gt = s.indexOf('>', lt);
      const nextLt = s.indexOf('<', lt + 1);
      if (gt === -1 && !final) return this.keepTail(s, pos);
      if (!final && nextLt === -1) return this.keepTail(s, pos);
      this.value(s.slice(pos, lt));
      this.countLines(s, pos, lt);
      if (gt === -1 || (nextLt !== -1 && nextLt < gt)) throw invalidInput(this.ctx.file, { line: this.line }, 'malformed OFX: "<" without a closing ">"');
      this.tag(s.slice(lt + 1, gt).trim());
      this.countLines(s, lt, gt);
      pos = gt + 1;
    }
  }

  private keepTail(s: string, pos: number): string {
    return s.slice(pos);
  }

  private countLines(s: string, from: number, to: number): void {
    for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) this.line++;
  }

  private tag(body: string): void {
    if (body.startsWith('?') || body.startsWith('!')) return;
    if (body.startsWith('/')) {
      const name = body.slice(1).toUpperCase();
      if (name === 'STMTTRN' && this.txn) this.emit();
      const at = this.stack.lastIndexOf(name);
      if (at !== -1) this.stack.length = at;
      this.lastLeaf = null;
      return;
    }
    const name = body.split(/\s/)[0]!.toUpperCase();
    if (name === 'OFX') this.sawOfx = true;
    if (name === 'STATUS') this.severity = null;
    if (name === 'STMTTRN') {
      this.txn = {};
      this.txnLine = this.line;
    }
    if (INVESTMENT.has(name)) this.investment++;
    this.stack.push(name);
    this.lastLeaf = name;
  }

  private value(raw: string): void {
    const leaf = this.lastLeaf;
    if (!leaf) return;
    const v = decode(raw.trim());
    if (v === '') return;
    // SGML leaves have no end tag: the leaf is done once its text is read.
    this.stack.pop();
    this.lastLeaf = null;
    const inTxn = this.txn !== null;
    if (inTxn) this.txn![leaf] = v;
    else if (leaf === 'CURDEF') this.currency = v.toUpperCase();
    else if (leaf === 'ACCTID' && /ACCTFROM$/.test(this.stack[this.stack.length - 1] ?? '')) this.account = v;
    else if (leaf === 'SEVERITY') this.severity = v;
    else if (leaf === 'MESSAGE' && this.severity === 'ERROR') this.errors.push(v);
  }

  private emit(): void {
    const t = this.txn!;
    this.txn = null;
    this.transactions++;
    const raw = JSON.stringify(t);
    const reject = (column: string, reason: string): void => this.sink.reject(this.txnLine, column, raw, reason);
    const currency = (t.CURRENCY ?? t.ORIGCURRENCY ?? this.currency ?? '').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return reject('CURDEF', 'no currency (expected <CURDEF> in the statement)');
    if (t.TRNAMT === undefined) return reject('TRNAMT', 'transaction has no <TRNAMT>');
    if (findCurrencyExponent(currency, this.ctx.mapping?.currencyExponents) === null) return reject('CURDEF', unknownCurrencyReason(currency));
    // OFX amounts have no thousands grouping: a lone comma is the decimal separator some banks write.
    const decimalSeparator = t.TRNAMT.includes(',') && !t.TRNAMT.includes('.') ? ',' : '.';
    const a = parseAmountToMinor(t.TRNAMT, currency, { decimalSeparator, currencyExponents: this.ctx.mapping?.currencyExponents });
    if (!a.ok) return reject('TRNAMT', a.reason);
    const date = t.DTPOSTED ?? t.DTUSER;
    if (!date) return reject('DTPOSTED', 'transaction has no <DTPOSTED>');
    const ts = ofxDate(date, this.ctx.timezone);
    if (ts === null) return reject('DTPOSTED', `invalid OFX date ${JSON.stringify(date)} (expected YYYYMMDD[HHMMSS[.XXX]][[offset:TZ]])`);
    const description = [t.NAME, t.MEMO].filter(Boolean).join(' — ') || null;
    this.sink.addRecord(this.txnLine, t.FITID ?? null, t.REFNUM ?? t.CHECKNUM ?? null, this.account, null, a.value, currency, ts, t.TRNTYPE ?? null, null, null, description, raw);
  }

  finish(): void {
    if (!this.sawOfx) throw invalidInput(this.ctx.file, { line: 1 }, 'no <OFX> element found (expected an OFX/QFX statement)');
    if (this.errors.length && this.transactions === 0) {
      throw invalidInput(this.ctx.file, { line: 1 }, `the OFX server reported an error and the file holds no transactions: ${this.errors.join('; ')}`);
    }
    if (this.errors.length) this.sink.warn(`OFX status messages: ${this.errors.join('; ')}`);
    if (this.investment) this.sink.warn(`${this.investment} investment transaction(s) (buys, sells, income…) were not imported; only cash transactions (<STMTTRN>) are`);
    if (this.transactions === 0) this.sink.warn('the OFX file holds no transactions');
  }
}

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' })[e] ?? '');
}

/** YYYYMMDD[HHMMSS[.XXX]][[±H[.MM]][:TZ]]; without an offset the declared zone applies. */
export function ofxDate(text: string, zone: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:\.(\d{1,3}))?)?)?\s*(?:\[\s*([+-]?\d{1,2}(?:\.\d+)?)\s*(?::[^\]]*)?\])?$/.exec(text.trim());
  if (!m) return null;
  const day = dateToUtc(+m[1]!, +m[2]!, +m[3]!, 'UTC');
  if (day === null) return null;
  const h = +(m[4] ?? 0);
  const mi = +(m[5] ?? 0);
  const s = +(m[6] ?? 0);
  if (h > 23 || mi > 59 || s > 60) return null;
  const local = day + ((h * 60 + mi) * 60 + Math.min(s, 59)) * 1000 + Number((m[7] ?? '0').padEnd(3, '0'));
  if (m[8] === undefined) return zonedToUtc(local, zone);
  const hours = Number(m[8]);
  const sign = hours < 0 || m[8].startsWith('-') ? '-' : '+';
  const abs = Math.abs(hours);
  const hh = String(Math.floor(abs)).padStart(2, '0');
  const mm = String(Math.round((abs % 1) * 60)).padStart(2, '0');
  return local - offsetMs(`${sign}${hh}:${mm}`);
}
