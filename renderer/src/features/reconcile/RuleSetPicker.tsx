import { Alert, Button, Group, Select, Text } from '@mantine/core';
import type { useRuleSetChoice } from './useRuleSetChoice';

/**
 * Which rule set to start from: the built-in defaults or one stored in the workspace (name@version).
 * Asks before a change of sources replaces rules the analyst edited.
 */
export function RuleSetPicker({ choice, edited }: { choice: ReturnType<typeof useRuleSetChoice>; edited: boolean }) {
  return (
    <>
      <Select label="Rule set" aria-label="Rule set" data={choice.options} value={choice.value} allowDeselect={false}
        onChange={(value) => value && choice.pick(value)}
        description={edited ? 'Edited below; the run saves it as a new version of its name.' : 'Start from this; edit it below.'} />
      {choice.pendingLabel && (
        <Alert color="yellow" title="Replace your edited rules?" role="alert">
          <Text size="sm" mb="xs">
            These sources would start from {choice.pendingLabel}. Your edits to the rule set below would be lost.
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={choice.keepEdits}>Keep my edits</Button>
            <Button size="xs" color="yellow" onClick={choice.confirmPending}>Replace them</Button>
          </Group>
        </Alert>
      )}
    </>
  );
}
