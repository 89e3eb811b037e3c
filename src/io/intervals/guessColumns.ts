/**
 * Guesses which column of an interval report holds what, for the import dialog's pickers
 * (Genesys, Avaya CMS, Cisco, Five9 and Amazon Connect exports name them alike). The user
 * confirms or changes every guess before anything is read.
 */
import { matchColumns } from "../eventlog/guessColumns";
import type { IntervalColumns } from "./readReport";

const PATTERNS: [keyof IntervalColumns, RegExp[]][] = [
  ["start", [/^(interval|start|interval_?start|start_?time|period)$/, /interval|start|period|time|date/]],
  ["offered", [/^(offered|calls_?offered|contacts_?offered)$/, /offered|incoming|received|volume/]],
  ["answered", [/^(answered|handled|calls_?answered|calls_?handled)$/, /answered|handled/]],
  ["abandoned", [/^(abandoned|abandons|calls_?abandoned)$/, /aband/]],
  ["aht", [/^(aht|avg_?handle_?time|average_?handle_?time)$/, /aht|handle/]],
  ["asa", [/^(asa|avg_?speed_?of_?answer|average_?speed_?of_?answer)$/, /asa|speed|answer_?time/]],
  ["serviceLevel", [/^(service_?level|sl|svc_?lvl)$/, /service|^sl/]],
  ["channel", [/^(channel|queue|skill|split|media|media_?type)$/, /channel|queue|skill/]],
];

/** The best guess per column ("" when nothing fits); a header is used once. */
export function guessIntervalColumns(header: readonly string[]): Record<keyof IntervalColumns, string> {
  const lower = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  const found = matchColumns(lower, PATTERNS);
  return Object.fromEntries(PATTERNS.map(([slot]) => [slot, header[found[slot]]?.trim() ?? ""])) as Record<
    keyof IntervalColumns,
    string
  >;
}
