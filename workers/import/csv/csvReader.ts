import type { DecimalSeparator } from '../amount';
import { ImportError, invalidInput } from '../errors';
import { findCurrencyExponent } from '../../shared/currency';
import type { FormatContext, FormatReader } from '../formatReader';
import { guessColumns } from '../mapping/guessMapping';
import type { Columns } from '../mapping/mappingFile';
import { findProfile, matchProfile } from '../mapping/profiles';
import type { DateOrder } from '../timestamp';
import type { CsvNormalizerOptions } from './csvNormalizer';
import { streamCsv, type CsvPlan } from './csvStream';
import { DateOrderEvidence } from './dateOrderEvidence';
import { DecimalSeparatorEvidence } from './decimalSeparatorEvidence';
import { detectHeaderLine, HEAD_ROWS, headRows, sniffDelimiter } from './dialect';
import { repeatedHeaders, resolveColumns, type ResolvedColumns } from './resolveColumns';
import { scanForEvidence, type EvidenceCollector } from './scanForEvidence';

/** Plans a CSV import: dialect, header, mapping (file, profile or guess), date order, decimal separator; throws before writing on any doubt. */
export async function prepareCsv(ctx: FormatContext): Promise<FormatReader> {
  const warnings: string[] = [];
  const m = ctx.mapping;
  const delimiter = m?.delimiter ?? sniffDelimiter(ctx.headText);
  const rows = headRows(ctx.headText, delimiter, ctx.wholeFile);
  if (rows.length === 0) throw invalidInput(ctx.file, { line: 1 }, 'no rows found (expected a header row and data rows)');
  const headerLine = m?.headerLine ?? detectHeaderLine(rows);
  const headerRow = rows.find((r) => r.line === headerLine);
  let headers: string[];
  if (headerLine === 0) headers = (rows[0]?.fields ?? []).map((_, i) => String(i + 1));
  else if (!headerRow) throw invalidInput(ctx.file, { line: headerLine }, 'the mapping names this line as the header, but no row starts there');
  else headers = headerRow.fields.map((h) => h.trim());
  if (headerLine > 1) warnings.push(`${headerLine - 1} line(s) before the header row (line ${headerLine}) were rejected as preamble`);

  const profileName = m?.profile ?? (m && Object.keys(m.columns).length ? undefined : matchProfile(headers)?.name);
  const profile = profileName ? findProfile(profileName) : undefined;
  if (profileName && !profile) throw new ImportError('INVALID_INPUT', `unknown mapping profile ${JSON.stringify(profileName)}`);
  if (profile && !m?.profile) warnings.push(`columns mapped with the built-in profile "${profile.name}"`);
  let columns: Columns = { ...(profile?.mapping.columns ?? {}), ...(m?.columns ?? {}) };
  if (!profile && !(m && Object.keys(m.columns).length)) {
    columns = guessColumns(headers);
    warnings.push(`columns guessed from the header: ${Object.entries(columns).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
  }
  const resolved = resolveColumns(columns, headers, ctx.file, headerLine);
  for (const { name, columns: at } of repeatedHeaders(headers)) {
    // A mapped one was refused above (or mapped by number); these are kept in the raw line only.
    const used = at.filter((n) => mappedIndexes(resolved).includes(n - 1));
    warnings.push(`the header has ${at.length} columns named ${JSON.stringify(name)} (${at.join(' and ')}); ${used.length ? `column ${used.join(' and ')} is mapped by number` : 'none of them is mapped'}`);
  }
  const defaultCurrency = m?.currency ?? profile?.mapping.currency ?? null;
  if (resolved.amount < 0 && (resolved.debit < 0 || resolved.credit < 0)) {
    throw invalidInput(ctx.file, { line: headerLine }, `no amount column found in the header (${headers.join(', ')}); map "columns.amount" (or "debit" and "credit") in a mapping file`);
  }
  if (resolved.currency < 0 && !defaultCurrency) {
    throw invalidInput(ctx.file, { line: headerLine }, 'no currency column found; map "columns.currency" or set "currency" in a mapping file');
  }

  const dataRows = rows.filter((r) => r.line > headerLine);
  const timezone = m?.timezone ?? profile?.mapping.timezone ?? ctx.timezone;
  const amountUnit = m?.amountUnit ?? 'major';
  const currencyExponents = m?.currencyExponents ?? {};
  let dateOrder: DateOrder | null = m?.dateOrder ?? profile?.mapping.dateOrder ?? null;
  let decimalSeparator: DecimalSeparator | null = m?.decimalSeparator ?? profile?.mapping.decimalSeparator ?? null;
  const dateColumn = resolved.timestamp[0];
  const dates = !dateOrder && dateColumn !== undefined ? new DateOrderEvidence(dateColumn, headers[dateColumn] ?? String(dateColumn + 1)) : null;
  // Minor units have no decimals, so their separators can only group thousands.
  const exponentOf = (fields: readonly string[]) => {
    const code = (resolved.currency >= 0 ? fields[resolved.currency]?.trim().toUpperCase() : '') || defaultCurrency;
    return code ? findCurrencyExponent(code, currencyExponents) : null;
  };
  const decimals = !decimalSeparator && amountUnit === 'major' ? new DecimalSeparatorEvidence(amountColumns(resolved, headers), headers.length, exponentOf) : null;
  for (const r of dataRows) {
    dates?.look(r.line, r.fields);
    decimals?.look(r.line, r.fields);
  }
  const unsettled = [dates, decimals].filter((e) => e !== null && e.needsScan()) as EvidenceCollector[];
  const headIsWholeFile = ctx.wholeFile && rows.length < HEAD_ROWS;
  if (unsettled.length && !headIsWholeFile) await scanForEvidence(ctx.openText, delimiter, headerLine, unsettled);
  if (dates) dateOrder = dates.decide(ctx.file, warnings);
  if (decimals) decimalSeparator = decimals.decide(ctx.file, warnings);

  const settings = {
    version: 1, format: 'csv', profile: profile?.name, delimiter, headerLine, columns, timezone, dateOrder,
    decimalSeparator, amountUnit, amountSign: m?.amountSign ?? 'normal', currency: defaultCurrency,
    ...(Object.keys(currencyExponents).length ? { currencyExponents } : {}),
  };
  const normalizerOptions: CsvNormalizerOptions = {
    headers, columns: resolved, defaultCurrency,
    amount: { decimalSeparator, unit: amountUnit, currencyExponents },
    invertSign: m?.amountSign === 'invert',
    timestamp: { zone: timezone, dateOrder },
  };
  const plan: CsvPlan = { delimiter, headerLine, normalizer: normalizerOptions };
  return {
    format: 'csv',
    settings,
    warnings,
    csvPlan: plan,
    run: (chunks, sink, afterChunk) => streamCsv(plan, chunks, sink, afterChunk),
  };
}

/** The columns that hold amounts and so share the file's decimal separator. */
function amountColumns(c: ResolvedColumns, headers: readonly string[]): { index: number; name: string }[] {
  return [c.amount, c.debit, c.credit, c.fee].filter((i) => i >= 0).map((index) => ({ index, name: headers[index] ?? String(index + 1) }));
}

function mappedIndexes(c: ResolvedColumns): number[] {
  return Object.values(c).flat().filter((i) => i >= 0);
}
