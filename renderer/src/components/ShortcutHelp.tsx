import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { isTyping } from './isTyping';
import { SHORTCUTS } from './shortcuts';

/** The "?" overlay listing every shortcut; mounted once in the shell. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !isTyping(event.target)) {
        event.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Modal opened={open} onClose={() => setOpen(false)} title="Keyboard shortcuts" size="lg">
      <Table aria-label="Keyboard shortcuts">
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.what}>
              <Table.Td>
                <Group gap={4}>
                  {s.keys.map((k) => (
                    <Kbd key={k}>{k}</Kbd>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{s.what}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {s.where}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
