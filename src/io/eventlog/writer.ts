/**
 * Writes a simulation's ticket events as a CSV event log, one row per event, as they
 * happen: `ticket,time,event,node,team,agent,priority,channel,contactType,lifecycle`, in
 * chunks of about 64 KB (chunkedLog.ts).
 * The log reads back with `flowcast calibrate` and in process-mining tools (pm4py, Disco,
 * Celonis: case = ticket, activity = event, timestamp = time, resource = agent, lifecycle =
 * lifecycle: `start` on an agent's start of work, `complete` on every other event, so a
 * tool pairs an agent's work without relying on the file's row order).
 */

import { ChunkedEventLog, type EventSink, lifecycleOf } from "./chunkedLog";

export { type EventSink, lifecycleOf, type TraceEventKind } from "./chunkedLog";

export const EVENT_LOG_HEADER = "ticket,time,event,node,team,agent,priority,channel,contactType,lifecycle";

export class EventLogWriter extends ChunkedEventLog {
  /** See ChunkedEventLog for the parameters. */
  constructor(clockStart: string, write: (text: string) => void, ticketPrefix = "T") {
    super(clockStart, write, ticketPrefix, `${EVENT_LOG_HEADER}\n`);
  }

  readonly record: EventSink["record"] = (ticket, time, event, node, team, agent, priority, channel, contactType) => {
    this.append(
      `${this.ticketPrefix}${ticket},${this.timestamp(time)},${event},${cell(node)},${cell(team)},${
        agent >= 0 ? `${cell(team)}-${agent}` : ""
      },${cell(priority)},${cell(channel)},${cell(contactType)},${lifecycleOf(event)}\n`,
    );
    this.rows++;
  };
}

/** The column mapping that reads a Flowcast event log back (`flowcast calibrate`). */
export const FLOWCAST_COLUMNS = {
  case: "ticket",
  time: "time",
  activity: "event",
  team: "team",
  resource: "agent",
  priority: "priority",
  channel: "channel",
  status: "node",
} as const;

// helpers

function cell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
