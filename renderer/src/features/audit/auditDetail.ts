/** An entry's body as a reviewer reads it: its `data` (what was done to what, and why) pretty-printed. */
export function auditDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { data?: unknown };
    return JSON.stringify(parsed.data ?? parsed, null, 2);
  } catch {
    return body;
  }
}
