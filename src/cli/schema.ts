/** `flowcast schema` (being built). */
import { type CliIO, UsageError } from "./io";

export async function run(_args: string[], _io: CliIO): Promise<number> {
  throw new UsageError("this command is not available yet");
}
