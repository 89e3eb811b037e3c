/**
 * The app's "Event log" button: runs one replication of the open flow with the simulator's
 * event trace written as a CSV event log (the same rows as `flowcast simulate
 * --event-log`) and offers it as a download. Chunks of 64 KB become Blob parts as they are
 * written, so the text is not gathered into one string (the browser may keep Blob parts
 * outside the page's heap).
 */
import { EventLogWriter } from "../../io/eventlog";
import type { Model } from "../../model";
import { prepareRun, runReplication } from "../../sim";
import { downloadDataUrl, fileStemOf } from "../results/download";
import { notify } from "../shell/toasts";

/** Simulates replication 1 (seed 1) and downloads its event log; says why when it cannot run. */
export function downloadEventLog(model: Model): void {
  const prepared = prepareRun(model, { replications: 1, seed: 1 });
  if (!prepared.ok) {
    notify({
      kind: "error",
      title: "The flow cannot run, so it has no event log",
      details: prepared.diagnostics.slice(0, 5).map((d) => d.message),
    });
    return;
  }
  const parts: Blob[] = [];
  const writer = new EventLogWriter(prepared.model.clock.start, (text) => parts.push(new Blob([text])));
  runReplication(prepared.model, 1, 0, undefined, writer);
  writer.flush();
  const url = URL.createObjectURL(new Blob(parts, { type: "text/csv" }));
  downloadDataUrl(`${fileStemOf(model.name, null)}-event-log.csv`, url);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  notify({ kind: "info", title: `Event log of replication 1: ${writer.rows.toLocaleString()} events.` });
}
