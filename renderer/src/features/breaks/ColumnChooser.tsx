import { Button, Checkbox, Menu } from '@mantine/core';
import { BREAK_COLUMNS } from './breakColumns';

export function ColumnChooser({ visible, onChange }: { visible: string[]; onChange: (ids: string[]) => void }) {
  return (
    <Menu closeOnItemClick={false} position="bottom-end">
      <Menu.Target>
        <Button variant="default" size="xs">
          Columns
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label="Choose columns">
        {BREAK_COLUMNS.map((column) => (
          <Menu.Item key={column.id}>
            <Checkbox
              label={column.label}
              checked={visible.includes(column.id)}
              onChange={(event) =>
                onChange(
                  event.currentTarget.checked
                    ? BREAK_COLUMNS.map((c) => c.id).filter((id) => id === column.id || visible.includes(id))
                    : visible.filter((id) => id !== column.id),
                )
              }
            />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
