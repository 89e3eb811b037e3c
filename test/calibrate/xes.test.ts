/**
 * XES logs: a desk with known truth written as XES (and gzipped XES) calibrates exactly as
 * the same desk written as CSV, and recovers the truth as the CSV round trip does; hostile
 * XML (entity declarations, undefined entities, deep nesting, cut-short files) stops with a
 * message naming the line. 14 days at 20 tickets an hour (about 6,700 tickets) keep it quick.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { calibrate, EventLogError, EventLogReader, FLOWCAST_COLUMNS } from "../../src/calibrate";
import { XES_COLUMNS, XesRows, xesKeys } from "../../src/io/eventlog";
import { type DeskTruth, generateDeskLog } from "./generateLog";

const truth: DeskTruth = {
  perHour: 20,
  days: 14,
  l1: { agents: 5, meanSeconds: 600, sdSeconds: 400 },
  l2: { agents: 3, meanSeconds: 1800, sdSeconds: 1500 },
  escalateShare: 0.2,
  seed: 5,
};

function readXes(text: string, chunk = 1 << 16): EventLogReader {
  const reader = new EventLogReader({ columns: { ...XES_COLUMNS } });
  const rows = new XesRows(xesKeys({ ...XES_COLUMNS }), (f, line) => reader.pushRow(f, line));
  for (let i = 0; i < text.length; i += chunk) rows.push(text.slice(i, i + chunk));
  rows.end();
  reader.end();
  return reader;
}

describe("XES event logs", () => {
  let csv = "";
  generateDeskLog(truth, (t) => {
    csv += t;
  });
  let xes = "";
  generateDeskLog(
    truth,
    (t) => {
      xes += t;
    },
    "xes",
  );

  it("calibrates to the same figures and fits as the same log in CSV, gzipped or not", () => {
    const fromCsv = new EventLogReader({ columns: { ...FLOWCAST_COLUMNS } });
    fromCsv.push(csv);
    fromCsv.end();
    // Gzipped in two members, as `simulate --event-log OUT.xes.gz` writes it.
    const half = Math.floor(xes.length / 2);
    const gz = Buffer.concat([gzipSync(xes.slice(0, half)), gzipSync(xes.slice(half))]);
    const fromXes = readXes(gunzipSync(gz).toString("utf8"));
    expect(fromXes.rows).toBe(fromCsv.rows);
    expect([...fromXes.roles.decisions.values()].every((d) => d.how === "flowcast")).toBe(true);
    const a = calibrate(fromCsv, "csv");
    const b = calibrate(fromXes, "xes");
    // Same counts and means; quantiles come from a reservoir sample that follows ticket order
    // (an XES trace is written when its ticket closes), so they agree to sampling error only.
    const [fa, fb] = [a.summary.figures, b.summary.figures];
    expect(fb.tickets).toBe(fa.tickets);
    expect(fb.ticketsPerDay).toBeCloseTo(fa.ticketsPerDay, 9);
    expect(fb.escalationShare).toBeCloseTo(fa.escalationShare, 12);
    for (const id of ["l1", "l2"]) {
      expect(fb.handleTime[id]!.n).toBe(fa.handleTime[id]!.n);
      expect(fb.handleTime[id]!.mean).toBeCloseTo(fa.handleTime[id]!.mean, 6);
    }
    const work = (r: typeof a, id: string) => r.model.nodes?.find((n) => n.id === `work-${id}`);
    // And the truth, as the CSV round trip: handle-time means within 6% (about 3 standard errors for L2).
    for (const [id, spec] of [
      ["l1", truth.l1],
      ["l2", truth.l2],
    ] as const) {
      const node = work(b, id);
      const mean = node?.kind === "work" ? (node.handleTime as { mean?: number }).mean : undefined;
      if (mean === undefined) throw new Error(`no mean for ${id}`);
      expect(Math.abs(mean / spec.meanSeconds - 1)).toBeLessThan(0.06);
    }
    expect(Math.abs(b.summary.figures.escalationShare - truth.escalateShare)).toBeLessThan(0.02);
  });

  it("reads the same events whatever the chunk boundaries", () => {
    const part = `${xes.slice(0, xes.indexOf("</trace>", 20_000) + 8)}\n</log>\n`;
    const whole = readXes(part);
    const bytes = readXes(part, 7);
    expect(bytes.rows).toBe(whole.rows);
    expect(bytes.ticketCount).toBe(whole.ticketCount);
    expect(bytes.lastTime).toBe(whole.lastTime);
  });

  const head = '<?xml version="1.0"?>\n<log xes.version="1849-2016">\n';
  const event = (name: string, at: string) =>
    `<event><string key="concept:name" value="${name}"/><date key="time:timestamp" value="${at}"/><string key="org:group" value="l1"/></event>`;
  const trace = `<trace><string key="concept:name" value="T1"/>\n${event("queue", "2026-01-05T08:00:00")}\n${event("start", "2026-01-05T08:01:00")}\n</trace>\n`;
  const fails = (text: string) => {
    try {
      readXes(text);
    } catch (error) {
      expect(error).toBeInstanceOf(EventLogError);
      return (error as Error).message;
    }
    throw new Error("read without an error");
  };

  it("reads entities XML defines and traces' attributes", () => {
    const r = readXes(`${head}${trace.replace('value="T1"', 'value="T&amp;1&#x41;"')}</log>`);
    expect(r.rows).toBe(2);
    expect(r.ticketCount).toBe(1);
  });

  it("refuses entity declarations, undefined entities, deep nesting and cut-short files, naming the line", () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<log>&lol2;</log>';
    expect(fails(laughs)).toMatch(/^line 2: .*DOCTYPE or entity declaration/);
    expect(fails(`${head}${trace.replace('value="T1"', 'value="&lol2;"')}</log>`)).toMatch(
      /^line 3: the entity "&lol2;" is not defined/,
    );
    const deep = `${head}<trace>${"<list>".repeat(100)}${"</list>".repeat(100)}</trace></log>`;
    expect(fails(deep)).toMatch(/nest more than 64 levels/);
    expect(fails(`${head}${trace}`)).toMatch(/ends inside <log>/);
    expect(fails(`${head}${trace}<trace><event><string key="a`)).toMatch(/cut short/);
    expect(fails("<html><body>hello</body></html>")).toMatch(/not an XES log/);
    expect(fails(`${head}<trace></event></log>`)).toMatch(/<\/event> closes <trace>/);
  });
});
