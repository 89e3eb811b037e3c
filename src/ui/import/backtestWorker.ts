/**
 * The Backtest step's worker: reads the whole file off the main thread, either to count
 * ticket starts per week (the chart the split is picked on) or to run the backtest, and
 * reports progress as it goes. Requests are checked on arrival; every failure is answered
 * with a message, never left hanging.
 */
import { z } from "zod";
import { EventLogError, EventLogReader } from "../../calibrate";
import { backtestReader, finishBacktest, SplitAnalysis, WindowError } from "../../calibrate/backtest";
import { ROLES } from "../../io/eventlog/roles";
import { TextInput, TextInputError } from "../../io/text";
import { prepareRun, runReplication } from "../../sim";
import type { BacktestReply } from "./backtestClient";

const Columns = z.object({
  case: z.string(),
  time: z.string(),
  activity: z.string(),
  team: z.string(),
  resource: z.string().optional(),
  priority: z.string().optional(),
  channel: z.string().optional(),
  created: z.string().optional(),
});
const Window = z.object({ fromMs: z.number(), toMs: z.number() });
const Request = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("scan"),
    file: z.instanceof(Blob),
    name: z.string(),
    columns: Columns,
    map: z.array(z.object({ pattern: z.string(), role: z.enum(ROLES) })),
  }),
  z.object({
    type: z.literal("run"),
    file: z.instanceof(Blob),
    name: z.string(),
    columns: Columns,
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
    const reader = new EventLogReader({ columns: request.columns, map: request.map }, split);
    await stream(request.file, request.name, reader, "Reading");
    reader.end();
    post({
      type: "weeks",
      weeks: split.weeklyStarts(),
      firstStartMs: split.span.firstStartMs,
      lastStartMs: split.span.lastStartMs,
    });
    return;
  }
  const setup = { columns: request.columns, map: request.map, train: request.train, test: request.test };
  const { reader, split } = backtestReader(setup);
  await stream(request.file, request.name, reader, "Reading");
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
  post({ type: "report", report });
}

async function stream(file: Blob, name: string, reader: EventLogReader, phase: string): Promise<void> {
  // Decoded as the command line decodes it: UTF-16 and BOMs read, bad bytes named by line, binary refused.
  const input = new TextInput(name);
  const it = file.stream().getReader();
  let read = 0;
  let shown = 0;
  for (;;) {
    const { done, value } = await it.read();
    if (done) break;
    reader.push(input.push(value));
    read += value.length;
    // Progress about every 2% of the file.
    if (read - shown > file.size / 50) {
      shown = read;
      post({ type: "progress", phase, share: Math.min(1, read / Math.max(1, file.size)) });
    }
  }
  reader.push(input.end());
}
