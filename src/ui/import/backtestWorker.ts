/**
 * The Backtest step's worker: reads the whole file off the main thread, either to count
 * ticket starts per week (the chart the split is picked on) or to run the backtest, and
 * reports progress as it goes. Requests are checked on arrival; every failure is answered
 * with a message, never left hanging.
 */
import { z } from "zod";
import { EventLogError, EventLogReader } from "../../calibrate";
import { backtestReader, finishBacktest, SplitAnalysis, WindowError } from "../../calibrate/backtest";
import { tableBacktestReport } from "../../calibrate/tableReport";
import { ROLES } from "../../io/eventlog/roles";
import { TextInputError } from "../../io/text";
import { TABLE_SLOTS, type TableColumns } from "../../io/tickets";
import { prepareRun, runReplication } from "../../sim";
import type { BacktestReply } from "./backtestClient";
import { type HistorySource, readHistory } from "./historySource";

const Columns = z.object({
  case: z.string(),
  time: z.string(),
  activity: z.string(),
  team: z.string(),
  resource: z.string().optional(),
  priority: z.string().optional(),
  channel: z.string().optional(),
  created: z.string().optional(),
  status: z.string().optional(),
});
const Source = z.object({
  kind: z.enum(["events", "xes", "table"]),
  columns: Columns,
  table: z
    .object(Object.fromEntries(TABLE_SLOTS.map((slot) => [slot, z.string().optional()])))
    .transform((t) => t as unknown as TableColumns)
    .optional(),
});
const Window = z.object({ fromMs: z.number(), toMs: z.number() });
const Request = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("scan"),
    file: z.instanceof(Blob),
    name: z.string(),
    source: Source,
    map: z.array(z.object({ pattern: z.string(), role: z.enum(ROLES) })),
  }),
  z.object({
    type: z.literal("run"),
    file: z.instanceof(Blob),
    name: z.string(),
    source: Source,
    map: z.array(z.object({ pattern: z.string(), role: z.enum(ROLES) })),
    train: Window,
    test: Window,
    replications: z.number().int().min(1).max(100),
    seed: z.number().int().min(0),
  }),
]);

const post = (reply: BacktestReply) => (self as unknown as Worker).postMessage(reply);

self.addEventListener("message", (event: MessageEvent<unknown>) => {
  const parsed = Request.safeParse(event.data);
  if (!parsed.success) return post({ type: "error", message: "the backtest worker got a malformed request" });
  void handle(parsed.data).catch((error: unknown) => {
    const message =
      error instanceof EventLogError || error instanceof WindowError || error instanceof TextInputError
        ? error.message
        : `the backtest stopped: ${(error as Error).message}`;
    post({ type: "error", message });
  });
});

async function handle(request: z.infer<typeof Request>): Promise<void> {
  if (request.type === "scan") {
    const split = new SplitAnalysis();
    const reader = new EventLogReader({ columns: request.source.columns, map: request.map }, split);
    await stream(request.file, request.name, request.source, reader);
    reader.end();
    post({
      type: "weeks",
      weeks: split.weeklyStarts(),
      firstStartMs: split.span.firstStartMs,
      lastStartMs: split.span.lastStartMs,
    });
    return;
  }
  const setup = { columns: request.source.columns, map: request.map, train: request.train, test: request.test };
  const { reader, split } = backtestReader(setup);
  const table = await stream(request.file, request.name, request.source, reader);
  post({ type: "progress", phase: "Fitting the train period", share: 0 });
  const report = finishBacktest(
    reader,
    split,
    setup,
    { prepareRun, runReplication },
    {
      source: request.name,
      replications: request.replications,
      seed: request.seed,
      onProgress: (done, total) =>
        post({ type: "progress", phase: `Simulating the test period (${done} of ${total})`, share: done / total }),
    },
  );
  post({ type: "report", report: table ? tableBacktestReport(report, table, request.train, request.test) : report });
}

/** Reads the file into the reader (CSV, XES or ticket table; gzipped or not), posting progress. */
function stream(file: Blob, name: string, source: HistorySource, reader: EventLogReader) {
  return readHistory(file, name, source, reader, (share) => post({ type: "progress", phase: "Reading", share }));
}
