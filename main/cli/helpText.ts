export const HELP_TEXT = `recon — Recon Desk from the command line. JSON results on stdout, progress on stderr.

Usage:
  recon --help
  recon demo --store DIR
      Create the demo workspace (ledger, processor and bank files with a known break of every class) in DIR,
      imported and reconciled.
  recon import FILE --store DIR [--kind ledger|processor|bank] [--name NAME]
        [--format auto|csv|camt053|camt054|mt940|ofx|bai2|xlsx] [--mapping FILE.json] [--timezone TZ]
        [--allow-duplicate-file]
      Import one file as a new source. Every row is imported or rejected with its line and reason;
      the result shows the first 5 rejected rows ("rejected_sample").
  recon sources --store DIR
      List the sources with their counts, data frontier and warnings.
  recon rejected --store DIR --source SOURCE [--limit N] [--out FILE.csv]
      A source's rejected rows (SOURCE = id or name): line, column, reason and raw text as JSON, the first N
      with --limit, or all of them written to FILE.csv (line,column,reason,raw; an existing file is replaced).
  recon run --store DIR --left SOURCE --right SOURCE [--rules FILE.json]
      Reconcile two sources (SOURCE = id or name) and classify every break.
  recon export --store DIR --run RUN_ID --what matches|breaks --out FILE.csv
      Write a run's matches or breaks as CSV (an existing FILE.csv is replaced).
  recon audit verify --store DIR
      Re-verify the audit hash chain: {"ok": true, "entries": N}, or exit 1 with
      {"ok": false, "first_bad_seq": K, "reason": "..."}.

Common options:
  --store DIR     the workspace directory; the workspace file is DIR/workspace.sqlite
  --actor NAME    who is acting, for the audit log (default: the OS user name)

Mapping files and rule sets are described in README.md.
Exit codes: 0 success, 1 failure (bad input, verification failed), 2 usage error.
`;
