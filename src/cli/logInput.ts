/**
 * What `calibrate` and `backtest` share about the help desk's log they read: the column and
 * role options, which columns a CSV log must name (an XES log names its own), and streaming
 * the file into an EventLogReader — gunzipped for .gz, decoded by src/io/text.ts (a BOM,
 * UTF-16, binary data and invalid UTF-8 told apart), and turned into rows for XES.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { type ColumnMap, EventLogError, type EventLogReader, parseRoleRule, type RoleRule } from "../calibrate";
import { XES_KEYS, XesRows, xesKeys } from "../io/eventlog/xes";
import { TextInput, TextInputError } from "../io/text";
import { cannotRead, listOption, type OptionSpec, type OptionValues, stringOption, UsageError } from "./shared";

/** The options naming the log's columns and what its activities mean. */
export const LOG_OPTIONS = {
  case: { type: "string" },
  time: { type: "string" },
  activity: { type: "string" },
  team: { type: "string" },
  resource: { type: "string" },
  priority: { type: "string" },
  channel: { type: "string" },
  created: { type: "string" },
  status: { type: "string" },
  map: { type: "string", multiple: true },
  tier: { type: "string", multiple: true },
} as const satisfies Record<string, OptionSpec>;

/** The log's read settings from the command line: its columns, role rules and fixed tiers. */
export interface LogSettings {
  xes: boolean;
  columns: ColumnMap;
  map: RoleRule[];
  tiers: Record<string, number>;
}

/** Reads the LOG_OPTIONS of a command line; a CSV log must name its four main columns. */
export function logSettings(values: OptionValues, file: string): LogSettings {
  // An XES log names its columns itself (case:concept:name, time:timestamp, …).
  const xes = /\.xes(\.gz)?$/i.test(file);
  const need = xes ? [] : ["case", "time", "activity", "team"].filter((k) => typeof values[k] !== "string");
  if (need.length > 0)
    throw new UsageError(`say which columns hold what: ${need.map((k) => `--${k} COL`).join(" ")} (see --help)`);
  const str = (k: string) => stringOption(values, k);
  return {
    xes,
    columns: {
      case: str("case") ?? XES_KEYS.case,
      time: str("time") ?? XES_KEYS.time,
      activity: str("activity") ?? XES_KEYS.activity,
      team: str("team") ?? XES_KEYS.team,
      resource: str("resource") ?? (xes ? XES_KEYS.resource : undefined),
      priority: str("priority"),
      channel: str("channel"),
      created: str("created"),
      status: str("status"),
    },
    map: listOption(values, "map").map(roleRule),
    tiers: tierOptions(listOption(values, "tier")),
  };
}

function roleRule(text: string): RoleRule {
  const rule = parseRoleRule(text);
  if (typeof rule === "string") throw new UsageError(rule);
  return rule;
}

function tierOptions(texts: string[]): Record<string, number> {
  const tiers: Record<string, number> = Object.create(null);
  for (const t of texts) {
    const at = t.lastIndexOf("=");
    const n = Number(t.slice(at + 1));
    if (at <= 0 || !Number.isInteger(n) || n < 1)
      throw new UsageError(`--tier "${t}" must be written TEAM=N with N a whole number from 1`);
    tiers[t.slice(0, at)] = n;
  }
  return tiers;
}

/** Streams a log file into `reader` (not ended), reporting the share read to `progress`. */
export async function streamLog(
  file: string,
  reader: EventLogReader,
  progress: (text: string) => void = () => {},
): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UsageError(`cannot read ${file}: it is a folder, not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw cannotRead(file, error);
  }
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = /\.gz$/i.test(file) ? pipeline(raw, createGunzip(), () => {}) : raw;
  const xes = /\.xes(\.gz)?$/i.test(file)
    ? new XesRows(xesKeys({ ...reader.columns }), (f, line) => reader.pushRow(f, line))
    : undefined;
  const push = (text: string) => (xes ? xes.push(text) : reader.push(text));
  const text = new TextInput(file);
  try {
    for await (const chunk of stream) {
      push(text.push(chunk as Buffer));
      progress(`Reading ${file}: ${Math.min(100, Math.round((raw.bytesRead / Math.max(1, size)) * 100))}%`);
    }
    push(text.end());
    xes?.end();
  } catch (error) {
    if (error instanceof EventLogError) throw error;
    if (error instanceof TextInputError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("Z_"))
      throw new UsageError(`cannot read ${file}: it is not a whole gzip file (${(error as Error).message})`);
    if (code) throw cannotRead(file, error);
    throw error;
  } finally {
    stream.destroy();
    raw.destroy();
  }
}
