/**
 * Writes a simulation's ticket events as an XES log (IEEE 1849, the process-mining exchange
 * format): one trace per ticket (`concept:name` T<number>), one event per trace event with
 * `concept:name` (the event: queue, start, end…), `time:timestamp`, `lifecycle:transition`
 * (`start` when an agent starts work, `complete` otherwise), `org:group` (the team),
 * `org:resource` (the agent) and the node, priority, channel and contact type as strings.
 * XES nests events inside their trace while the simulator reports all tickets' events
 * interleaved, so each open ticket's events are held until it closes (memory follows the
 * tickets in the system, not the run's length) and the text leaves in chunks of about 64 KB
 * (chunkedLog.ts).
 */
import { ChunkedEventLog, type EventSink, lifecycleOf } from "./chunkedLog";

export const XES_HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
  <classifier name="Activity" keys="concept:name"/>
  <classifier name="Activity and transition" keys="concept:name lifecycle:transition"/>
  <string key="concept:name" value="Flowcast simulated tickets"/>
`;

export class XesEventLogWriter extends ChunkedEventLog {
  /** Each open ticket's events, held until it closes (XES nests events inside their trace). */
  private readonly open = new Map<number, string>();

  /** See ChunkedEventLog for the parameters. */
  constructor(clockStart: string, write: (text: string) => void, ticketPrefix = "T") {
    super(clockStart, write, ticketPrefix, XES_HEADER);
  }

  readonly record: EventSink["record"] = (ticket, time, event, node, team, agent, priority, channel, contactType) => {
    // Written without an offset, as the CSV log: wall-clock time at clock.start + time.
    let xml = `    <event><string key="concept:name" value="${event}"/><date key="time:timestamp" value="${this.timestamp(time)}"/><string key="lifecycle:transition" value="${lifecycleOf(event)}"/>`;
    if (team !== "") xml += `<string key="org:group" value="${attr(team)}"/>`;
    if (agent >= 0) xml += `<string key="org:resource" value="${attr(team)}-${agent}"/>`;
    xml += `<string key="node" value="${attr(node)}"/>`;
    if (priority !== "") xml += `<string key="priority" value="${attr(priority)}"/>`;
    if (channel !== "") xml += `<string key="channel" value="${attr(channel)}"/>`;
    if (contactType !== "") xml += `<string key="contactType" value="${attr(contactType)}"/>`;
    xml += "</event>\n";
    this.open.set(ticket, (this.open.get(ticket) ?? "") + xml);
    this.rows++;
    if (event === "close") this.closeTrace(ticket);
  };

  /** Writes the tickets still open and `</log>`. */
  protected override end(): void {
    for (const ticket of [...this.open.keys()]) this.closeTrace(ticket);
    this.append("</log>\n");
  }

  private closeTrace(ticket: number): void {
    const events = this.open.get(ticket);
    if (events === undefined) return;
    this.open.delete(ticket);
    this.append(`  <trace><string key="concept:name" value="${this.ticketPrefix}${ticket}"/>\n${events}  </trace>\n`);
  }
}

/** The column mapping that reads a Flowcast XES log back (`flowcast calibrate`). */
export const XES_COLUMNS = {
  case: "case:concept:name",
  time: "time:timestamp",
  activity: "concept:name",
  team: "org:group",
  resource: "org:resource",
  priority: "priority",
  channel: "channel",
} as const;

// helpers

function attr(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}
