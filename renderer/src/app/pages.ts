export type PageId = 'workspace' | 'import' | 'runs' | 'breaks' | 'repairs' | 'balances' | 'audit';

export interface PageDef {
  id: PageId;
  label: string;
  /** Keyboard shortcut: press g then this key. */
  key: string;
  description: string;
}

export const PAGES: readonly PageDef[] = [
  { id: 'workspace', label: 'Workspace', key: 'w', description: 'Sources, runs and recent activity' },
  { id: 'import', label: 'Import', key: 'i', description: 'Bring in ledger, processor and bank files' },
  { id: 'runs', label: 'Runs', key: 'r', description: 'Reconciliation runs and their dashboards' },
  { id: 'breaks', label: 'Breaks', key: 'b', description: 'Triage every break' },
  { id: 'repairs', label: 'Repairs', key: 'p', description: 'Canary-first repair proposals' },
  { id: 'balances', label: 'Balances', key: 'c', description: "One customer's balance in every source" },
  { id: 'audit', label: 'Audit', key: 'a', description: 'The hash-chained audit log' },
];
