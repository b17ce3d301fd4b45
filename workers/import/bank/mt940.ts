import { parseAmountToMinor, type AmountOptions } from '../amount';
import { invalidInput } from '../errors';
import type { FormatContext, FormatReader } from '../formatReader';
import type { RowSink } from '../rowSink';
import { balanceWarning, bankSettings, dateToUtc, fullYear, lines } from './bankCommon';

interface Tag {
  tag: string;
  value: string;
  line: number;
}

interface Statement {
  ref: string;
  account: string | null;
  currency: string | null;
  opening: number | null;
  sum: number;
  entries: number;
  debits: [number, number];
  credits: [number, number];
}

const LINE61 = /^(\d{2})(\d{2})(\d{2})(\d{4})?(R?[CD])([A-Z])?(\d[\d,]*)([A-Z][A-Z0-9 ]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;
const BALANCE = /^([CD])(\d{2})(\d{2})(\d{2})([A-Z]{3})(\d[\d,]*)$/;

/** SWIFT MT940 (statement) and MT942 (interim report): one record per :61: line, :86: as its description. */
export function prepareMt940(ctx: FormatContext): FormatReader {
  const settings = bankSettings('mt940', ctx);
  return {
    format: 'mt940',
    settings,
    warnings: [],
    async run(chunks, sink, afterChunk) {
      const state = new Mt940State(ctx, sink);
      let current: Tag | null = null;
      let preamble = 0;
      for await (const [rawLine, n] of lines(chunks, afterChunk)) {
        let text = rawLine;
        if (text.startsWith('{')) text = text.replace(/\{[1-3]:[^{}]*\}|\{4:/g, '').replace(/^\{[^}]*$/, '');
        if (/^-\}?\s*$/.test(text) || /^\{5:/.test(text)) {
          if (current) state.tag(current);
          current = null;
          continue;
        }
        const m = /^:(\d{2}[A-Z]?):(.*)$/.exec(text);
        if (m) {
          if (current) state.tag(current);
          current = { tag: m[1]!, value: m[2]!, line: n };
        } else if (current) {
          current.value += `\n${text}`;
        } else if (text.trim() !== '') {
          preamble++;
        }
      }
      if (current) state.tag(current);
      state.finish();
      if (preamble) sink.warn(`${preamble} line(s) before the first SWIFT tag were ignored (free-text preamble)`);
      if (state.statements === 0) throw invalidInput(ctx.file, { line: 1 }, 'no MT940/MT942 statement found (expected :20:, :25:, :60F: and :61: tags)');
    },
  };
}

class Mt940State {
  statements = 0;
  private st: Statement | null = null;
  private pending: { tag: Tag; description: string[] } | null = null;
  private unknown = new Set<string>();
  /** SWIFT amounts always use a decimal comma and no grouping. */
  private readonly amountOptions: AmountOptions;

  constructor(private readonly ctx: FormatContext, private readonly sink: RowSink) {
    this.amountOptions = { decimalSeparator: ',', currencyExponents: ctx.mapping?.currencyExponents };
  }

  tag(t: Tag): void {
    const value = t.value.replace(/\s+$/, '');
    if (t.tag === '86' && this.pending) {
      this.pending.description.push(value.replace(/\n/g, ' '));
      return;
    }
    this.emitPending();
    switch (t.tag) {
      case '20':
        this.closeStatement();
        this.st = { ref: value, account: null, currency: null, opening: null, sum: 0, entries: 0, debits: [0, 0], credits: [0, 0] };
        this.statements++;
        break;
      case '25':
        this.need(t).account = value;
        break;
      case '60F': case '60M': {
        const b = this.balance(t, value);
        const st = this.need(t);
        if (b) {
          st.currency = b.currency;
          st.opening = b.amount;
        }
        break;
      }
      case '34F': {
        const m = /^([A-Z]{3})/.exec(value);
        if (m) this.need(t).currency ??= m[1]!;
        break;
      }
      case '61':
        this.need(t);
        this.pending = { tag: { ...t, value }, description: [] };
        break;
      case '62F': case '62M': {
        const b = this.balance(t, value);
        const st = this.need(t);
        if (b && st.opening !== null) {
          const w = balanceWarning(`statement ${st.ref} (line ${t.line})`, st.opening, st.sum, b.amount, b.currency, this.amountOptions.currencyExponents);
          if (w) this.sink.warn(w);
        }
        break;
      }
      case '90D': case '90C': {
        const m = /^(\d+)([A-Z]{3})(\d[\d,]*)$/.exec(value);
        const st = this.need(t);
        if (m) {
          const total = parseAmountToMinor(m[3]!, m[2]!, this.amountOptions);
          const seen = t.tag === '90D' ? st.debits : st.credits;
          if (total.ok && (Number(m[1]) !== seen[0] || total.value !== seen[1])) {
            this.sink.warn(`statement ${st.ref}: :${t.tag}: at line ${t.line} declares ${Number(m[1])} entries totalling ${m[3]}, but the file has ${seen[0]}`);
          }
        }
        break;
      }
      case '21': case '28': case '28C': case '13': case '13D': case '64': case '65': case '86':
        break;
      default:
        if (!this.unknown.has(t.tag)) this.sink.warn(`unknown tag :${t.tag}: at line ${t.line} ignored`);
        this.unknown.add(t.tag);
    }
  }

  finish(): void {
    this.emitPending();
    this.closeStatement();
  }

  private need(t: Tag): Statement {
    if (!this.st) throw invalidInput(this.ctx.file, { line: t.line }, `tag :${t.tag}: before any :20: (expected a statement to start with :20:)`);
    return this.st;
  }

  private closeStatement(): void {
    this.st = null;
  }

  private balance(t: Tag, value: string): { amount: number; currency: string } | null {
    const m = BALANCE.exec(value);
    const fail = (why: string): null => {
      this.sink.warn(`balance :${t.tag}: at line ${t.line} ignored: ${why}`);
      return null;
    };
    if (!m) return fail(`expected [C|D]YYMMDDCCYamount, found ${JSON.stringify(value)}`);
    const a = parseAmountToMinor(m[6]!, m[5]!, this.amountOptions);
    if (!a.ok) return fail(a.reason);
    return { amount: m[1] === 'D' ? -a.value : a.value, currency: m[5]! };
  }

  private emitPending(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    const st = this.st!;
    const raw = `:61:${p.tag.value}${p.description.length ? `\n:86:${p.description.join('\n')}` : ''}`;
    const reject = (reason: string): void => this.sink.reject(p.tag.line, ':61:', raw, reason);
    const m = LINE61.exec(p.tag.value);
    if (!m) return reject('malformed :61: statement line (expected YYMMDD[MMDD]C|D|RC|RDamountNxxx reference)');
    if (!st.currency) return reject('no currency: the statement has no valid :60F:/:34F: before this line');
    const year = fullYear(Number(m[1]));
    const valueTs = dateToUtc(year, Number(m[2]), Number(m[3]), this.ctx.timezone);
    if (valueTs === null) return reject(`invalid value date ${m[1]}${m[2]}${m[3]}`);
    let ts = valueTs;
    if (m[4]) {
      const em = Number(m[4].slice(0, 2));
      const ed = Number(m[4].slice(2));
      const vm = Number(m[2]);
      const ey = em < vm - 6 ? year + 1 : em > vm + 6 ? year - 1 : year;
      const entryTs = dateToUtc(ey, em, ed, this.ctx.timezone);
      if (entryTs === null) return reject(`invalid entry date ${m[4]}`);
      ts = entryTs;
    }
    const amount = parseAmountToMinor(m[7]!, st.currency, this.amountOptions);
    if (!amount.ok) return reject(amount.reason);
    const mark = m[5]!;
    const signed = mark === 'C' || mark === 'RD' ? amount.value : -amount.value;
    st.sum += signed;
    st.entries++;
    const bucket = signed < 0 ? st.debits : st.credits;
    bucket[0]++;
    bucket[1] += amount.value;
    const customerRef = m[9]!.trim();
    const bankRef = m[10]?.trim() || null;
    const reference = customerRef && customerRef !== 'NONREF' ? customerRef : null;
    const description = p.description.length ? p.description.join(' ').trim() : (m[11]?.trim() || null);
    this.sink.addRecord(p.tag.line, bankRef ?? reference, reference, st.account, null, signed, st.currency, ts, 'booked', null, null, description, raw);
  }
}
