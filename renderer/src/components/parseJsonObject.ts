/** Parses an editor's text as a JSON object; a mistake comes back as a message for the user, never thrown. */
export function parseJsonObject(text: string, what: string): { value: Record<string, unknown> | null; error: string | null } {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { value: null, error: `The ${what} must be a JSON object.` };
    return { value: value as Record<string, unknown>, error: null };
  } catch (error) {
    return { value: null, error: `Not valid JSON: ${(error as Error).message}` };
  }
}
