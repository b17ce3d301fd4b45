/** Every keyboard shortcut, listed once so the help overlay and the handlers cannot drift apart. */
export const SHORTCUTS: readonly { keys: string[]; what: string; where: string }[] = [
  { keys: ['?'], what: 'Show or hide this help', where: 'Anywhere' },
  { keys: ['g', 'r'], what: 'Go to Runs (g then the page key for the others)', where: 'Anywhere' },
  { keys: ['g', 'b'], what: 'Go to Breaks', where: 'Anywhere' },
  { keys: ['j'], what: 'Next break (or ↓)', where: 'Breaks table, open diff' },
  { keys: ['k'], what: 'Previous break (or ↑)', where: 'Breaks table, open diff' },
  { keys: ['PageDown'], what: 'A page down (PageUp: up)', where: 'Breaks table' },
  { keys: ['Home'], what: 'First break (End: last)', where: 'Breaks table' },
  { keys: ['Enter'], what: 'Open the side-by-side diff', where: 'Breaks table' },
  { keys: ['x'], what: 'Select or unselect the break', where: 'Breaks table' },
  { keys: ['/'], what: 'Search breaks (Esc back to the table)', where: 'Breaks page' },
  { keys: ['i'], what: 'Mark the selected breaks (or the cursor row) investigating', where: 'Breaks page' },
  { keys: ['u'], what: 'Undo the last triage action', where: 'Breaks page' },
  { keys: ['Esc'], what: 'Close the diff or this help', where: 'Diff, help' },
];
