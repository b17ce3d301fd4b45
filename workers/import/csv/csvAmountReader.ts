import { parseMinorUnits, type AmountResult, type DecimalSeparator } from '../amount';
import { decimalEvidence } from '../decimalEvidence';
import type { DeclaredExponents } from '../../shared/currency';

/** How a CSV's amount columns are read, as plain data (it travels to the parse worker). */
export interface CsvAmountOptions {
  /** The file's decimal separator as planned; null when the planning sample showed none (see createAmountReader). */
  decimalSeparator: DecimalSeparator | null;
  unit: 'major' | 'minor';
  currencyExponents: DeclaredExponents;
}

/** Reads one amount cell: its text, its currency's exponent, and where it is (for messages). */
export type AmountReader = (text: string, exponent: number, line: number, column: string) => AmountResult;

/**
 * The file's amount parser. The decimal separator is the file's, never the value's: with a planned
 * separator every value is read by it (values written with the other one are rejected by the parser).
 * Without one (the planning sample held no amount with a separator), the first amount that shows one
 * decides for the rest of the file, and an ambiguous amount before it ("1,234") is rejected rather
 * than guessed. Parsing is in file order and deterministic, so a resumed import decides the same way.
 */
export function createAmountReader(options: CsvAmountOptions, warn: (message: string) => void): AmountReader {
  const minorUnits = options.unit === 'minor';
  const planned = options.decimalSeparator;
  if (planned !== null || minorUnits) {
    const separator = planned ?? '.';
    return (text, exponent) => parseMinorUnits(text, exponent, separator, minorUnits);
  }
  let decided: DecimalSeparator | null = null;
  return (text, exponent, line, column) => {
    if (decided === null) {
      const shown = decimalEvidence(text, exponent);
      if (shown === 'ambiguous') {
        return {
          ok: false,
          reason: `amount ${JSON.stringify(text)} reads one way with "." as the decimal separator and another with ",", and no earlier amount in the file shows which it uses; set "decimalSeparator" in a mapping file`,
        };
      }
      if (shown !== null) {
        decided = shown;
        warn(`amounts read with "${shown}" as the decimal separator, as the first amount that shows one does (line ${line}, column "${column}": ${JSON.stringify(text)})`);
      }
    }
    return parseMinorUnits(text, exponent, decided ?? '.', false);
  };
}
