import { Alert, Checkbox, Group, JsonInput, NumberInput, Stack, Table, Text } from '@mantine/core';
import { applyCommonSettings, readCommonSettings, type CommonSettings } from './ruleSetForm';

interface Props {
  text: string;
  onTextChange: (text: string) => void;
  parsed: Record<string, unknown> | null;
  errors: string[];
}

/** The common settings as a form, and the whole rule set as validated JSON; both edit the same text. */
export function RuleSetEditor({ text, onTextChange, parsed, errors }: Props) {
  const settings = parsed ? readCommonSettings(parsed) : null;
  const update = (next: CommonSettings) => onTextChange(JSON.stringify(applyCommonSettings(parsed, next), null, 2));
  const setPass = (index: number, patch: Partial<CommonSettings['passes'][number]>) =>
    settings && update({ ...settings, passes: settings.passes.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  return (
    <Stack gap="sm">
      {settings && (
        <>
          <Group>
            <Checkbox label="Same account" checked={settings.sameAccount} onChange={(e) => update({ ...settings, sameAccount: e.currentTarget.checked })} />
            <Checkbox label="Same currency" checked disabled description="Always: amounts in two currencies are never compared" />
          </Group>
          <Table aria-label="Passes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pass (in priority order)</Table.Th>
                <Table.Th>Window before (h)</Table.Th>
                <Table.Th>Window after (h)</Table.Th>
                <Table.Th>Amount tolerance (minor units)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {settings.passes.map((pass, index) => (
                <Table.Tr key={`${pass.name}-${index}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{pass.name}</Text>
                    <Text size="xs" c="dimmed">{pass.strategy}</Text>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput size="xs" min={0} decimalScale={2} value={pass.windowBeforeHours} aria-label={`${pass.name} window before`}
                      onChange={(v) => setPass(index, { windowBeforeHours: Number(v) || 0 })} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput size="xs" decimalScale={2} value={pass.windowAfterHours} aria-label={`${pass.name} window after`}
                      onChange={(v) => setPass(index, { windowAfterHours: Number(v) || 0 })} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput size="xs" min={0} allowDecimal={false} value={pass.amountToleranceMinor} aria-label={`${pass.name} amount tolerance`}
                      onChange={(v) => setPass(index, { amountToleranceMinor: Number(v) || 0 })} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <JsonInput label="Rule set (JSON)" value={text} onChange={onTextChange} autosize minRows={8} maxRows={24} spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }} aria-label="Rule set JSON" />
      {errors.length > 0 && (
        <Alert color="red" title="The rule set is not valid" role="alert">
          <Stack gap={2}>
            {errors.map((error) => <Text key={error} size="sm" ff="monospace">{error}</Text>)}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
