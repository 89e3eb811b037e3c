/**
 * A user's file read as text the way the command line reads it (`src/io/text.ts`): UTF-8 or
 * UTF-16 with or without a byte order mark; bytes that are not valid UTF-8 refused with the
 * lines named; binary data refused in one short line. Errors are TextInputError, whose
 * message is meant for the user as it is.
 */
import { decodeText, TextInput, TextInputError } from "../../io/text";

export { TextInputError };

/** The whole file as text; throws TextInputError naming `name`. */
export async function readFileText(file: Blob, name: string): Promise<string> {
  return decodeText(new Uint8Array(await file.arrayBuffer()), name).text;
}

/**
 * Streams the file as text, handing each decoded piece to `onText`; throws TextInputError
 * (binary input on the first chunk, invalid bytes by line). Stops early when `signal` aborts;
 * returns false then.
 */
export async function streamFileText(
  file: Blob,
  name: string,
  onText: (text: string) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  const input = new TextInput(name);
  const it = file.stream().getReader();
  try {
    for (;;) {
      if (signal?.aborted) return false;
      const { done, value } = await it.read();
      if (done) break;
      const text = input.push(value);
      if (text) onText(text);
    }
    const rest = input.end();
    if (rest) onText(rest);
    return true;
  } finally {
    await it.cancel().catch(() => undefined);
  }
}

/** The user's words for a failure to read `name`: the decoder's message, or a short reason. */
export function readFailure(error: unknown, name: string): string {
  if (error instanceof TextInputError) return error.message;
  return `${name} could not be read`;
}
