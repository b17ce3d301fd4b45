import { ImportError } from '../errors';
import { classifyDate, type DateOrder } from '../timestamp';

type Seen = { line: number; text: string } | null;

/**
 * Day/month order is decided from evidence, never guessed: a date that only reads one way decides;
 * dates that disagree, or only ambiguous ones (every day and month ≤ 12), become a question for the user.
 */
export class DateOrderEvidence {
  private dmy: Seen = null;
  private mdy: Seen = null;
  private ambiguous = 0;

  constructor(private readonly column: number, private readonly columnName: string) {}

  look(line: number, fields: readonly string[]): void {
    const text = fields[this.column];
    if (text === undefined) return;
    const shape = classifyDate(text);
    if (shape === 'dmy-only') this.dmy ??= { line, text };
    else if (shape === 'mdy-only') this.mdy ??= { line, text };
    else if (shape === 'ambiguous') this.ambiguous++;
  }

  /** After the head: only ambiguous dates so far, so the rest of the file must be read for evidence. */
  needsScan(): boolean {
    return this.ambiguous > 0 && !this.dmy && !this.mdy;
  }

  /** During that scan: worth reading on until both orders are seen (a conflict). */
  stillLooking(): boolean {
    return !(this.dmy && this.mdy);
  }

  /** The order, with a warning saying why; null when the column holds no dates with a day and month. */
  decide(file: string, warnings: string[]): DateOrder | null {
    const column = this.columnName;
    const question = { key: 'dateOrder', choices: ['dmy', 'mdy'], prompt: `Which order do the dates in column "${column}" use?` };
    if (this.dmy && this.mdy) {
      throw new ImportError('INVALID_INPUT',
        `${file}: column "${column}": dates disagree on day/month order (line ${this.dmy.line}: "${this.dmy.text}" is day-first, line ${this.mdy.line}: "${this.mdy.text}" is month-first); set "dateOrder": "dmy" or "mdy" in the mapping`,
        question);
    }
    if (this.dmy) {
      warnings.push(`dates in column "${column}" read as day/month/year (line ${this.dmy.line}: "${this.dmy.text}")`);
      return 'dmy';
    }
    if (this.mdy) {
      warnings.push(`dates in column "${column}" read as month/day/year (line ${this.mdy.line}: "${this.mdy.text}")`);
      return 'mdy';
    }
    if (this.ambiguous) {
      throw new ImportError('INVALID_INPUT',
        `${file}: column "${column}": every date has day and month ≤ 12, so their order is ambiguous; set "dateOrder": "dmy" or "mdy" in the mapping`,
        question);
    }
    return null;
  }
}
