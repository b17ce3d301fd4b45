/** An import question's choice as the user reads it: a bare "." or "dmy" says little, an example says it all. */
const LABELS: Record<string, Record<string, string>> = {
  dateOrder: { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' },
  decimalSeparator: { '.': '1,234.56 — point', ',': '1.234,56 — comma' },
};

export function choiceLabel(questionKey: string, choice: string): string {
  return LABELS[questionKey]?.[choice] ?? choice;
}
