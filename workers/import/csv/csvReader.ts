import { ImportError, invalidInput } from '../errors';
import type { FormatContext, FormatReader } from '../formatReader';
import { guessColumns } from '../mapping/guessMapping';
import type { Columns } from '../mapping/mappingFile';
import { findProfile, matchProfile } from '../mapping/profiles';
import { classifyDate, type DateOrder } from '../timestamp';
import { CsvParser } from './csvParser';
import type { CsvNormalizerOptions } from './csvNormalizer';
import { streamCsv, type CsvPlan } from './csvStream';
import { detectHeaderLine, headRows, sniffDelimiter } from './dialect';
import { resolveColumns, type ResolvedColumns } from './resolveColumns';

/** Plans a CSV import: dialect, header, mapping (file, profile or guess), date order; throws before writing on any doubt. */
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
  const defaultCurrency = m?.currency ?? profile?.mapping.currency ?? null;
  if (resolved.amount < 0 && (resolved.debit < 0 || resolved.credit < 0)) {
    throw invalidInput(ctx.file, { line: headerLine }, `no amount column found in the header (${headers.join(', ')}); map "columns.amount" (or "debit" and "credit") in a mapping file`);
  }
  if (resolved.currency < 0 && !defaultCurrency) {
    throw invalidInput(ctx.file, { line: headerLine }, 'no currency column found; map "columns.currency" or set "currency" in a mapping file');
  }

  const dataRows = rows.filter((r) => r.line > headerLine);
  const decimalSeparator = m?.decimalSeparator ?? profile?.mapping.decimalSeparator ?? sniffDecimal(dataRows.map((r) => r.fields[resolved.amount >= 0 ? resolved.amount : resolved.debit] ?? ''));
  const timezone = m?.timezone ?? profile?.mapping.timezone ?? ctx.timezone;
  let dateOrder: DateOrder | null = m?.dateOrder ?? profile?.mapping.dateOrder ?? null;
  if (!dateOrder && resolved.timestamp.length) dateOrder = await decideDateOrder(ctx, resolved, headers, dataRows, delimiter, headerLine, warnings);

  const currencyExponents = m?.currencyExponents ?? {};
  const settings = {
    version: 1, format: 'csv', profile: profile?.name, delimiter, headerLine, columns, timezone, dateOrder,
    decimalSeparator, amountUnit: m?.amountUnit ?? 'major', amountSign: m?.amountSign ?? 'normal', currency: defaultCurrency,
    ...(Object.keys(currencyExponents).length ? { currencyExponents } : {}),
  };
  const normalizerOptions: CsvNormalizerOptions = {
    headers, columns: resolved, defaultCurrency,
    amount: { decimalSeparator: decimalSeparator ?? 'auto', unit: m?.amountUnit ?? 'major', currencyExponents } as const,
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

function sniffDecimal(samples: string[]): '.' | ',' | undefined {
  let dot = 0;
  let comma = 0;
  for (const s of samples) {
    if (/\.\d{1,2}\)?-?$/.test(s.trim())) dot++;
    else if (/,\d{1,2}\)?-?$/.test(s.trim())) comma++;
  }
  if (dot && !comma) return '.';
  if (comma && !dot) return ',';
  return undefined;
}

/**
 * Day/month order is decided from evidence, never guessed: the head first, then (if the head holds only
 * ambiguous dates) a scan of the whole file's date column. No evidence → a question for the user.
 */
async function decideDateOrder(
  ctx: FormatContext, columns: ResolvedColumns, headers: string[], dataRows: { line: number; fields: string[] }[],
  delimiter: string, headerLine: number, warnings: string[],
): Promise<DateOrder | null> {
  const col = columns.timestamp[0]!;
  const evidence = { dmy: null as null | { line: number; text: string }, mdy: null as null | { line: number; text: string }, ambiguous: 0 };
  const look = (line: number, text: string | undefined): void => {
    if (text === undefined) return;
    const shape = classifyDate(text);
    if (shape === 'dmy-only') evidence.dmy ??= { line, text };
    else if (shape === 'mdy-only') evidence.mdy ??= { line, text };
    else if (shape === 'ambiguous') evidence.ambiguous++;
  };
  for (const r of dataRows) look(r.line, r.fields[col]);
  if (evidence.ambiguous && !evidence.dmy && !evidence.mdy && !(ctx.wholeFile && dataRows.length < 1900)) {
    const parser = new CsvParser(delimiter, (fields, line) => {
      if (line > headerLine && !(evidence.dmy && evidence.mdy)) look(line, fields[col]);
    }, () => {});
    for await (const text of ctx.openText()) parser.push(text);
    parser.end();
  }
  const column = headers[col] ?? String(col + 1);
  if (evidence.dmy && evidence.mdy) {
    throw new ImportError('INVALID_INPUT',
      `${ctx.file}: column "${column}": dates disagree on day/month order (line ${evidence.dmy.line}: "${evidence.dmy.text}" is day-first, line ${evidence.mdy.line}: "${evidence.mdy.text}" is month-first); set "dateOrder": "dmy" or "mdy" in the mapping`,
      { key: 'dateOrder', choices: ['dmy', 'mdy'], prompt: `Which order do the dates in column "${column}" use?` });
  }
  if (evidence.dmy) {
    warnings.push(`dates in column "${column}" read as day/month/year (line ${evidence.dmy.line}: "${evidence.dmy.text}")`);
    return 'dmy';
  }
  if (evidence.mdy) {
    warnings.push(`dates in column "${column}" read as month/day/year (line ${evidence.mdy.line}: "${evidence.mdy.text}")`);
    return 'mdy';
  }
  if (evidence.ambiguous) {
    throw new ImportError('INVALID_INPUT',
      `${ctx.file}: column "${column}": every date has day and month ≤ 12, so their order is ambiguous; set "dateOrder": "dmy" or "mdy" in the mapping`,
      { key: 'dateOrder', choices: ['dmy', 'mdy'], prompt: `Which order do the dates in column "${column}" use?` });
  }
  return null;
}
