/**
 * The engine's side of tracing: turns a ticket's slot and the engine's indexes into one
 * trace event in words (node, team, priority, channel and contact-type ids). The engine
 * holds none when no trace is asked for, so a run without one pays a null check per step.
 */
import { CHANNELS, PRIORITIES } from "../model";
import type { CompiledModel } from "./compile";
import type { TicketTable } from "./tickets";
import type { TraceEventKind, TraceSink } from "./trace";

export class TraceRecorder {
  constructor(
    private readonly sink: TraceSink,
    private readonly cm: CompiledModel,
    private readonly tickets: TicketTable,
  ) {}

  /** Ticket `slot` does `event` at node `node` at time `now` (team and agent -1 when none). */
  record(slot: number, now: number, event: TraceEventKind, node: number, team: number, agent: number): void {
    const tk = this.tickets;
    const type = tk.contactType[slot]!;
    this.sink.record(
      tk.id[slot]!,
      now,
      event,
      this.cm.nodeIds[node]!,
      team >= 0 ? this.cm.teams[team]!.id : "",
      agent,
      PRIORITIES[tk.priority[slot]!] ?? "",
      CHANNELS[tk.channel[slot]!] ?? "",
      type >= 0 ? this.cm.typeIds[type]! : "",
    );
  }
}
