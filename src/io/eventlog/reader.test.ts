/** The reader takes logs as they come and hands each ticket's events on in time order. */
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_TICKETS, EventLogError, type RoleEventConsumer, RoleEventReader } from "./reader";

const COLUMNS = { case: "ticket", time: "time", activity: "event", team: "team" };

/** Records what the reader hands on. */
class Recorder implements RoleEventConsumer {
  readonly events: string[] = [];
  end = Number.NaN;
  event(ticket: string, time: number, role: string, team: string) {
    this.events.push(`${ticket} ${new Date(time).toISOString().slice(11, 16)} ${role} ${team}`);
  }
  finish(endTime: number) {
    this.end = endTime;
  }
}

function read(text: string, options: Partial<ConstructorParameters<typeof RoleEventReader>[0]> = {}) {
  const reader = new RoleEventReader({ columns: COLUMNS, ...options }, new Recorder());
  reader.push(text);
  reader.end();
  return reader;
}

const ROWS = [
  "1,2026-01-05T08:00,queue,l1",
  "2,2026-01-05T08:01,queue,l1",
  "1,2026-01-05T08:02,start,l1",
  "2,2026-01-05T08:03,start,l2",
  "1,2026-01-05T08:30,close,l1",
  "3,2026-01-06T09:00,queue,l1",
  "2,2026-01-05T08:40,close,l2",
  "3,2026-01-06T09:05,start,l1",
];

describe("RoleEventReader", () => {
  it("takes rows whose time is already read (ms) as it takes the same rows written as text", () => {
    const text = read(`ticket,time,event,team\n${ROWS.join("\n")}\n`).consumer.events;
    const timed = new RoleEventReader({ columns: COLUMNS }, new Recorder());
    timed.pushRow(["ticket", "time", "event", "team"], 1);
    ROWS.forEach((row, i) => {
      const [ticket, time, event, team] = row.split(",");
      timed.pushTimedRow([ticket!, "", event!, team!], Date.parse(`${time}Z`), i + 2);
    });
    timed.end();
    expect(timed.consumer.events).toEqual(text);
    expect(() => new RoleEventReader({ columns: COLUMNS }, new Recorder()).pushTimedRow(["1"], 0, 1)).toThrow(
      /before the header/,
    );
  });

  it("hands on the same events, ticket by ticket in time order, whatever the row order", () => {
    const sorted = read(`ticket,time,event,team\n${ROWS.join("\n")}\n`).consumer.events;
    expect(sorted.slice(0, 3)).toEqual(["1 08:00 queued l1", "1 08:02 work l1", "1 08:30 closed l1"]);
    for (let seed = 1; seed <= 5; seed++) {
      const shuffled = [...ROWS].sort((a, b) => hash(a, seed) - hash(b, seed));
      const r = read(`ticket,time,event,team\n${shuffled.join("\n")}`);
      // Tickets come in order of first appearance; within a ticket, events by time.
      expect([...r.consumer.events].sort()).toEqual([...sorted].sort());
      for (const t of ["1", "2", "3"]) {
        const own = r.consumer.events.filter((e) => e.startsWith(`${t} `));
        expect(own).toEqual(sorted.filter((e) => e.startsWith(`${t} `)));
      }
    }
  });

  it("selects tickets by their first event with --from/--to and reads the log as ending at --to", () => {
    const r = read(`ticket,time,event,team\n${ROWS.join("\n")}\n`, {
      fromMs: Date.UTC(2026, 0, 5, 8, 1),
      toMs: Date.UTC(2026, 0, 5, 8, 35),
    });
    // Ticket 1 starts before --from, ticket 3 after --to; ticket 2's close comes after --to.
    expect(r.consumer.events).toEqual(["2 08:01 queued l1", "2 08:03 work l2"]);
    expect(r.dropped).toMatchObject({ ticketsOutsideWindow: 2, outsideWindow: 6 });
    expect(r.consumer.end).toBe(Date.UTC(2026, 0, 5, 8, 3));
  });

  it("refuses times spanning thousands of years before any fitting (issue 19)", () => {
    expect(() => read("ticket,time,event,team\n1,0000-01-01T08:00,queue,l1\n2,9999-12-31T08:00,queue,l1\n")).toThrow(
      "times span 10,000 years (0000-01-01 to 9999-12-31): check the time column and its format",
    );
  });

  it("stops a 10M-ticket log at the cap on tickets held, naming --max-tickets, never exhausting the heap (issue 19)", () => {
    const cap = 200_000;
    const reader = new RoleEventReader({ columns: COLUMNS, maxTickets: cap }, new Recorder());
    reader.push("ticket,time,event,team\n");
    let error: unknown;
    let ticket = 0;
    try {
      // 10M distinct tickets, generated a chunk at a time (about 430 MB of text in all).
      while (ticket < 10_000_000) {
        let chunk = "";
        for (let k = 0; k < 5000; k++, ticket++)
          chunk += `INC${ticket},2026-01-05T08:${String(ticket % 60).padStart(2, "0")},queue,l1\n`;
        reader.push(chunk);
      }
      reader.end();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EventLogError);
    expect((error as Error).message).toContain(
      "more than 200,000 tickets, the cap on tickets held in memory (--max-tickets)",
    );
    expect(ticket).toBeLessThanOrEqual(cap + 5000);
    expect(DEFAULT_MAX_TICKETS).toBe(2_000_000);
  });
});

// helpers

function hash(text: string, seed: number): number {
  let h = seed * 2654435761;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
