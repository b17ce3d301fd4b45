import { z } from 'zod';
import { findCurrencyExponent, isCurrencyCode, isoExponent, unknownCurrencyReason } from '../../shared/currency';
import { ImportError } from '../errors';
import { isValidTimeZone } from '../zoneOffset';

/** A column reference: the header name (exact, case-insensitive) or a 1-based column number. */
const columnRef = z.union([z.string().min(1), z.number().int().positive()]);

export const FIELD_NAMES = [
  'externalId', 'reference', 'account', 'customer', 'amount', 'debit', 'credit', 'currency', 'timestamp',
  'status', 'sequence', 'fee', 'description', 'direction', 'timezone',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

const columnsSchema = z.strictObject({
  externalId: columnRef.optional(),
  reference: columnRef.optional(),
  account: columnRef.optional(),
  customer: columnRef.optional(),
  /** Signed amount; or use debit + credit (amount = credit − debit). */
  amount: columnRef.optional(),
  debit: columnRef.optional(),
  credit: columnRef.optional(),
  currency: columnRef.optional(),
  /** One column, or several joined with a space (e.g. ["Date", "Time"]). */
  timestamp: z.union([columnRef, z.array(columnRef).min(1).max(3)]).optional(),
  status: columnRef.optional(),
  sequence: columnRef.optional(),
  fee: columnRef.optional(),
  description: columnRef.optional(),
  /** D/DR/DEBIT/DBIT makes the amount negative, C/CR/CREDIT/CRDT positive. */
  direction: columnRef.optional(),
  /** Per-row zone: an IANA name, an offset like +02:00, or a common abbreviation (PST, CET…). */
  timezone: columnRef.optional(),
});

/** Beyond 8 decimals, realistic amounts no longer fit exactly in minor units (a double's 2^53). */
const MAX_DECLARED_EXPONENT = 8;

// Keys are checked in the refinement below, where the message can name the key.
const currencyExponentsSchema = z.record(
  z.string(),
  z.number().int().min(0).max(MAX_DECLARED_EXPONENT, { message: `an exponent is an integer from 0 to ${MAX_DECLARED_EXPONENT}` }),
);

export const mappingFileSchema = z.strictObject({
  version: z.literal(1).default(1),
  /** Start from a built-in profile; the fields below override it. */
  profile: z.string().optional(),
  format: z.enum(['csv', 'camt053', 'camt054', 'mt940', 'ofx', 'bai2', 'xlsx']).optional(),
  /** For a workbook: the sheet to read (by its name); the first sheet by default. */
  sheet: z.string().min(1).max(200).optional(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1']).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  /** 1-based physical line of the header row; 0 = the file has no header (columns are then numbers). */
  headerLine: z.number().int().min(0).optional(),
  timezone: z.string().refine(isValidTimeZone, { message: 'not an IANA time zone (e.g. "Europe/Berlin", "UTC")' }).optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  decimalSeparator: z.enum(['.', ',']).optional(),
  amountUnit: z.enum(['major', 'minor']).optional(),
  /** "invert" flips every sign (e.g. a card statement where purchases are positive). */
  amountSign: z.enum(['normal', 'invert']).optional(),
  /** Used when no currency column is mapped. */
  currency: z.string().refine(isCurrencyCode, { message: 'must be a 3-letter upper-case ISO 4217 code' }).optional(),
  /** Minor-unit exponents of codes ISO 4217 does not give one: outside it (BTC, CNH) or without a minor unit (XAU). */
  currencyExponents: currencyExponentsSchema.optional(),
  columns: columnsSchema.default({}),
}).superRefine((mapping, ctx) => {
  for (const code of Object.keys(mapping.currencyExponents ?? {})) {
    if (!isCurrencyCode(code)) {
      ctx.addIssue({ code: 'custom', path: ['currencyExponents', code], message: 'a currency code must be 3 upper-case letters' });
      continue;
    }
    const iso = isoExponent(code);
    // Declaring an ISO exponent again could only disagree with it, and one currency would then mean two scales.
    if (typeof iso === 'number') {
      ctx.addIssue({ code: 'custom', path: ['currencyExponents', code], message: `${code} is an ISO 4217 currency with exponent ${iso}; only codes outside ISO 4217 or without a minor unit there (XAU, XXX…) can be declared` });
    }
  }
  if (mapping.currency && isCurrencyCode(mapping.currency) && findCurrencyExponent(mapping.currency, mapping.currencyExponents) === null) {
    ctx.addIssue({ code: 'custom', path: ['currency'], message: unknownCurrencyReason(mapping.currency) });
  }
});

export type MappingFile = z.input<typeof mappingFileSchema>;
export type Mapping = z.output<typeof mappingFileSchema>;
export type ColumnRef = z.infer<typeof columnRef>;
export type Columns = Mapping['columns'];

/** Validates a mapping object; every problem is listed with its JSON path. */
export function validateMapping(input: unknown, origin = 'mapping'): Mapping {
  const result = mappingFileSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  throw new ImportError('INVALID_INPUT', `${origin} is not a valid mapping file:\n  ${problems.join('\n  ')}`);
}

/** Parses and validates mapping-file JSON text. */
export function parseMappingJson(text: string, origin = 'mapping file'): Mapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportError('INVALID_INPUT', `${origin} is not valid JSON: ${(error as Error).message}`);
  }
  return validateMapping(value, origin);
}
