export const HELP_TEXT = `recon — Recon Desk from the command line. JSON results on stdout, progress on stderr.

Usage:
  recon --help
  recon demo --store DIR
      Create the demo workspace (ledger, processor and bank files with known breaks) in DIR.
  recon audit verify --store DIR
      Re-verify the audit hash chain: {"ok": true, "entries": N}, or exit 1 with
      {"ok": false, "first_bad_seq": K, "reason": "..."}.

Common options:
  --store DIR     the workspace directory; the workspace file is DIR/workspace.sqlite
  --actor NAME    who is acting, for the audit log (default: the OS user name)

Exit codes: 0 success, 1 failure (bad input, verification failed), 2 usage error.
`;
