import { Button, Group, MultiSelect, NumberInput, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { BREAK_CLASSES, TRIAGE_STATES, type BreakFilter } from '../../../../preload/contract';
import { isTyping } from '../../components/isTyping';

type FilterFields = Omit<BreakFilter, 'runId'>;

function toMs(local: string): number | undefined {
  // datetime-local has no zone; the whole app shows UTC, so the input is read as UTC too.
  return local ? Date.parse(`${local}:00Z`) : undefined;
}

function toLocal(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString().slice(0, 16);
}

/** Every filter of the breaks table; text fields apply after a short pause in typing. */
export function BreaksFilterBar({ value, onChange }: { value: FilterFields; onChange: (next: FilterFields) => void }) {
  const [text, setText] = useState(value.text ?? '');
  const [account, setAccount] = useState(value.account ?? '');
  const [customer, setCustomer] = useState(value.customer ?? '');
  const search = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    const timer = setTimeout(() => {
      const next = { ...latest.current, text: text || undefined, account: account || undefined, customer: customer || undefined };
      if (next.text !== latest.current.text || next.account !== latest.current.account || next.customer !== latest.current.customer) onChange(next);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, account, customer, onChange]);

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

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput ref={search} label="Search" placeholder="id, reference, account, words…  ( / )" value={text} onChange={(e) => setText(e.currentTarget.value)} w={260} />
      <MultiSelect label="Class" placeholder="any" data={[...BREAK_CLASSES]} value={value.classes ?? []} onChange={(v) => onChange({ ...value, classes: v.length ? (v as FilterFields['classes']) : undefined })} w={240} clearable />
      <MultiSelect label="Triage" placeholder="any" data={[...TRIAGE_STATES]} value={value.states ?? []} onChange={(v) => onChange({ ...value, states: v.length ? (v as FilterFields['states']) : undefined })} w={200} clearable />
      <TextInput label="Account" value={account} onChange={(e) => setAccount(e.currentTarget.value)} w={120} />
      <TextInput label="Customer" value={customer} onChange={(e) => setCustomer(e.currentTarget.value)} w={120} />
      <NumberInput label="Min amount" placeholder="minor units" value={value.minAmountMinor ?? ''} onChange={(v) => onChange({ ...value, minAmountMinor: typeof v === 'number' ? v : undefined })} w={140} allowDecimal={false} />
      <NumberInput label="Max amount" placeholder="minor units" value={value.maxAmountMinor ?? ''} onChange={(v) => onChange({ ...value, maxAmountMinor: typeof v === 'number' ? v : undefined })} w={140} allowDecimal={false} />
      <TextInput label="From (UTC)" type="datetime-local" value={toLocal(value.fromMs)} onChange={(e) => onChange({ ...value, fromMs: toMs(e.currentTarget.value) })} w={190} />
      <TextInput label="To (UTC)" type="datetime-local" value={toLocal(value.toMs)} onChange={(e) => onChange({ ...value, toMs: toMs(e.currentTarget.value) })} w={190} />
      <Button
        variant="subtle"
        onClick={() => {
          setText('');
          setAccount('');
          setCustomer('');
          onChange({});
        }}
      >
        Clear filters
      </Button>
    </Group>
  );
}
