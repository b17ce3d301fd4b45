import { Button, Group, MultiSelect, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { BREAK_CLASSES, TRIAGE_STATES, type BreakFilter } from '../../../../preload/contract';
import { isTyping } from '../../components/isTyping';

type FilterFields = Omit<BreakFilter, 'runId'>;

const CURRENCY = /^[A-Z]{3}$/;
// As main accepts it (analystSchemas): major units, a dot for decimals.
const AMOUNT = /^\s*-?\d{1,11}(\.\d{1,6})?\s*$/;

function toMs(local: string): number | undefined {
  // datetime-local has no zone; the whole app shows UTC, so the input is read as UTC too.
  return local ? Date.parse(`${local}:00Z`) : undefined;
}

function toLocal(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString().slice(0, 16);
}

/** Every filter of the breaks table; text fields apply after a short pause in typing. */
export function BreaksFilterBar({ value, onChange, onLeave }: { value: FilterFields; onChange: (next: FilterFields) => void; /** Esc in the search: back to the table. */ onLeave?: () => void }) {
  const [text, setText] = useState(value.text ?? '');
  const [account, setAccount] = useState(value.account ?? '');
  const [customer, setCustomer] = useState(value.customer ?? '');
  const [currency, setCurrency] = useState(value.currency ?? '');
  const [minAmount, setMinAmount] = useState(value.minAmount ?? '');
  const [maxAmount, setMaxAmount] = useState(value.maxAmount ?? '');
  const search = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    const timer = setTimeout(() => {
      const next: FilterFields = {
        ...latest.current,
        text: text || undefined,
        account: account || undefined,
        customer: customer || undefined,
        // Half-typed values ("12.", "US") wait; the filter keeps its last complete value meanwhile.
        currency: CURRENCY.test(currency) ? currency : currency ? latest.current.currency : undefined,
        minAmount: AMOUNT.test(minAmount) ? minAmount.trim() : minAmount.trim() ? latest.current.minAmount : undefined,
        maxAmount: AMOUNT.test(maxAmount) ? maxAmount.trim() : maxAmount.trim() ? latest.current.maxAmount : undefined,
      };
      const keys = ['text', 'account', 'customer', 'currency', 'minAmount', 'maxAmount'] as const;
      if (keys.some((k) => next[k] !== latest.current[k])) onChange(next);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, account, customer, currency, minAmount, maxAmount, onChange]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const amountUnits = CURRENCY.test(currency) ? `in ${currency}` : 'in each break’s currency';
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput ref={search} label="Search" placeholder="id, reference, account, words…  ( / )" value={text} onChange={(e) => setText(e.currentTarget.value)} onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onLeave?.();
          }
        }} w={260} />
      <MultiSelect label="Class" placeholder="any" data={[...BREAK_CLASSES]} value={value.classes ?? []} onChange={(v) => onChange({ ...value, classes: v.length ? (v as FilterFields['classes']) : undefined })} w={240} clearable />
      <MultiSelect label="Triage" placeholder="any" data={[...TRIAGE_STATES]} value={value.states ?? []} onChange={(v) => onChange({ ...value, states: v.length ? (v as FilterFields['states']) : undefined })} w={200} clearable />
      <TextInput label="Account" value={account} onChange={(e) => setAccount(e.currentTarget.value)} w={120} />
      <TextInput label="Customer" value={customer} onChange={(e) => setCustomer(e.currentTarget.value)} w={120} />
      <TextInput label="Currency" placeholder="any" value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())} error={currency && !CURRENCY.test(currency) ? '3 letters' : undefined} w={90} />
      <TextInput label="Min amount" placeholder="e.g. 12.50" inputMode="decimal" value={minAmount} onChange={(e) => setMinAmount(e.currentTarget.value)} error={minAmount.trim() && !AMOUNT.test(minAmount) ? 'e.g. 12.50' : undefined} description={amountUnits} w={140} />
      <TextInput label="Max amount" placeholder="e.g. 1000" inputMode="decimal" value={maxAmount} onChange={(e) => setMaxAmount(e.currentTarget.value)} error={maxAmount.trim() && !AMOUNT.test(maxAmount) ? 'e.g. 1000' : undefined} description={amountUnits} w={140} />
      <TextInput label="From (UTC)" type="datetime-local" value={toLocal(value.fromMs)} onChange={(e) => onChange({ ...value, fromMs: toMs(e.currentTarget.value) })} w={190} />
      <TextInput label="To (UTC)" type="datetime-local" value={toLocal(value.toMs)} onChange={(e) => onChange({ ...value, toMs: toMs(e.currentTarget.value) })} w={190} />
      <Button
        variant="subtle"
        onClick={() => {
          setText('');
          setAccount('');
          setCustomer('');
          setCurrency('');
          setMinAmount('');
          setMaxAmount('');
          onChange({});
        }}
      >
        Clear filters
      </Button>
    </Group>
  );
}
