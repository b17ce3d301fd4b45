import * as Comlink from 'comlink';

interface WireError {
  message: string;
  name: string;
  code?: string;
  question?: unknown;
}

/**
 * Comlink's default 'throw' handler keeps only message/name/stack, so an engine error's `code`
 * (CONFLICT, INVALID_INPUT, CANCELLED…) would arrive as a generic failure. Both ends install this
 * handler so the code (and an import question) survive the thread boundary.
 */
export function installErrorTransfer(): void {
  const defaultThrow = Comlink.transferHandlers.get('throw')!;
  Comlink.transferHandlers.set('throw', {
    canHandle: defaultThrow.canHandle,
    serialize(thrown: unknown) {
      const value = (thrown as { value: unknown }).value;
      const source = value instanceof Error ? (value as Error & Partial<WireError>) : null;
      const wire: WireError = source
        ? { message: source.message, name: source.name, code: source.code, question: source.question }
        : { message: String(value), name: 'Error' };
      return [wire, []];
    },
    deserialize(wire: unknown) {
      const { message, name, code, question } = wire as WireError;
      const error = Object.assign(new Error(message), { name }, code ? { code } : {}, question ? { question } : {});
      throw error;
    },
  });
}
