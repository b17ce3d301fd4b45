import type { DecimalSeparator } from '../amount';
import { decimalEvidence } from '../decimalEvidence';
import { ImportError } from '../errors';

/** Amounts showing a separator that a scan past the head collects before the majority decides. */
const SCAN_EVIDENCE = 200;

interface Example {
  line: number;
  column: string;
  text: string;
}

function cite(e: Example): string {
  return `line ${e.line}, column "${e.column}": ${JSON.stringify(e.text)}`;
}

/**
 * The decimal separator is a property of the file, decided once from its amount columns the way the
 * day/month order is: amounts that only read one way are the evidence ("1,234.56", "12,5",
 * "1.234.567"); the majority decides and the amounts written the other way are rejected when the rows
 * are read; a tie, or only ambiguous amounts ("1,234": 1.234 or 1234?), is a question for the user.
 */
export class DecimalSeparatorEvidence {
  private readonly count = { '.': 0, ',': 0 };
  private readonly first: Record<DecimalSeparator, Example | null> = { '.': null, ',': null };
  private ambiguous: Example | null = null;

  /**
   * `columns`: the amount, debit, credit and fee columns (index and header), which share the separator;
   * `exponentOf`: the row's currency exponent (null when unknown), which settles some lone separators.
   */
  constructor(
    private readonly columns: readonly { index: number; name: string }[],
    private readonly width: number,
    private readonly exponentOf: (fields: readonly string[]) => number | null = () => null,
  ) {}

  look(line: number, fields: readonly string[]): void {
    // A row with the wrong number of fields is rejected whole; its cells are no evidence.
    if (fields.length !== this.width) return;
    const exponent = this.exponentOf(fields);
    for (const { index, name } of this.columns) {
      const text = fields[index]!;
      const shown = decimalEvidence(text, exponent);
      if (shown === null) continue;
      if (shown === 'ambiguous') this.ambiguous ??= { line, column: name, text };
      else {
        this.count[shown]++;
        this.first[shown] ??= { line, column: name, text };
      }
    }
  }

  /**
   * After the head: nothing there shows the separator (only whole or ambiguous amounts), so the rest of
   * the file is read for it — a stray amount further down must not decide for the whole file.
   */
  needsScan(): boolean {
    return !this.first['.'] && !this.first[','];
  }

  /** During that scan: read on until enough amounts show a separator for the majority to be meaningful. */
  stillLooking(): boolean {
    return this.count['.'] + this.count[','] < SCAN_EVIDENCE;
  }

  /** The separator, with a warning saying why; null when no amount looked at has a separator at all. */
  decide(file: string, warnings: string[]): DecimalSeparator | null {
    const dot = this.first['.'];
    const comma = this.first[','];
    const ask = (why: string, example: Example): ImportError =>
      new ImportError('INVALID_INPUT', `${file}: ${why}; set "decimalSeparator": "." or "," in the mapping`, {
        key: 'decimalSeparator', choices: ['.', ','], prompt: `Which character separates the decimals in the amounts (${cite(example)})?`,
      });
    if (dot && comma && this.count['.'] === this.count[',']) {
      throw ask(`amounts disagree on the decimal separator, as many one way as the other (${cite(dot)} uses "."; ${cite(comma)} uses ",")`, comma);
    }
    if (dot || comma) {
      const chosen: DecimalSeparator = !comma || (dot && this.count['.'] > this.count[',']) ? '.' : ',';
      const other: DecimalSeparator = chosen === '.' ? ',' : '.';
      const against = this.first[other];
      warnings.push(against
        ? `amounts read with "${chosen}" as the decimal separator, as ${this.count[chosen]} of the ${this.count[chosen] + this.count[other]} that show one do (${cite(this.first[chosen]!)}); amounts written with "${other}" as the decimal separator (${cite(against)}) are rejected`
        : `amounts read with "${chosen}" as the decimal separator (${cite(this.first[chosen]!)})`);
      return chosen;
    }
    if (this.ambiguous) {
      throw ask(`no amount shows which decimal separator the file uses, and some read differently with "." and "," (${cite(this.ambiguous)})`, this.ambiguous);
    }
    return null;
  }
}
