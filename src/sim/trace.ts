/**
 * The event trace of one replication: every step of every ticket, for the inspector's
 * replay and for tests that assert an exact event log. The engine calls the sink only when
 * one is given; without one the loop pays a null check per step and nothing else.
 */

/**
 * What happened to a ticket:
 * - "arrival": the ticket is created at a channel;
 * - "queue": a contact enters a work node (followed by "start" at the same time when an
 *   agent is free at once, else it waits);
 * - "start" / "end": an agent starts / ends work on the contact at a work node;
 * - "escalate": the ticket enters an escalate node;
 * - "wait": the ticket enters a followUp or delay node;
 * - "reopen": the ticket loops back as a new contact (repeat contact, reopen), at the node
 *   it re-enters;
 * - "abandon": a contact leaves a queue before an agent answers;
 * - "close": the ticket closes at an end node.
 */
export type TraceEventKind =
  | "arrival"
  | "queue"
  | "start"
  | "end"
  | "escalate"
  | "wait"
  | "reopen"
  | "abandon"
  | "close";

export interface TraceSink {
  /**
   * One event of one ticket. time: seconds since clock.start; node: node id; team: team id or "";
   * agent: the agent's index within its team (0-based, stable for the run) or -1 when no agent;
   * priority, channel, contactType: the ticket's ids ("" when none).
   * For "close", node is the end node and the ticket's status is the end node's status.
   */
  record(
    ticket: number,
    time: number,
    event: TraceEventKind,
    node: string,
    team: string,
    agent: number,
    priority: string,
    channel: string,
    contactType: string,
  ): void;
}
