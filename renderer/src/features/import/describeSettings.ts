/** How a source's stored settings read to a person: one labelled line each, mapped columns last. */
export interface SettingLine {
  label: string;
  value: string;
}

const DATE_ORDERS: Record<string, string> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' };
const DECIMAL_SEPARATORS: Record<string, string> = { '.': 'point (1,234.56)', ',': 'comma (1.234,56)' };
const LABELS: Record<string, string> = {
  profile: 'Profile',
  delimiter: 'Delimiter',
  headerLine: 'Header line',
  decimalSeparator: 'Decimal separator',
  dateOrder: 'Date order',
  timezone: 'Time zone',
  currency: 'Default currency',
  amountUnit: 'Amounts in',
  amountSign: 'Amount sign',
  encoding: 'Encoding',
};
const SKIPPED = new Set(['version', 'format', 'columns']);

function show(key: string, value: unknown): string {
  if (key === 'dateOrder' && typeof value === 'string') return DATE_ORDERS[value] ?? value;
  if (key === 'decimalSeparator' && typeof value === 'string') return DECIMAL_SEPARATORS[value] ?? value;
  if (key === 'delimiter' && typeof value === 'string') return value === '\t' ? 'tab' : JSON.stringify(value);
  if (key === 'amountUnit' && value === 'major') return 'major units (e.g. 12.34)';
  if (key === 'amountUnit' && value === 'minor') return 'minor units (e.g. 1234 cents)';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

export function describeSettings(settings: Record<string, unknown>): { lines: SettingLine[]; columns: SettingLine[] } {
  const lines = Object.entries(settings)
    .filter(([key, value]) => !SKIPPED.has(key) && value !== null && value !== undefined)
    .map(([key, value]) => ({ label: LABELS[key] ?? key, value: show(key, value) }));
  const columns = settings['columns'];
  const mapped = columns && typeof columns === 'object'
    ? Object.entries(columns as Record<string, unknown>).map(([field, column]) => ({ label: field, value: Array.isArray(column) ? column.join(' + ') : String(column) }))
    : [];
  return { lines, columns: mapped };
}
