/**
 * Interval report import, round trip: a report written from a known queue (Erlang A figure
 * by figure, rounded as an ACD prints them) is read back into the arrival profile, AHT,
 * patience and agents per interval it came from; a 15-minute report with two channels; and
 * `flowcast calibrate --intervals` as a user meets it (exit codes, report, flow written).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calibrateIntervals } from "../../src/calibrate/intervals";
import { readIntervalReport } from "../../src/io/intervals";
import { checkModel } from "../../src/model";
import { runInProcess } from "../cli/run-cli";
import { erlangStaffing, generateIntervalReport, type KnownChannel } from "./generateIntervals";

const COLUMNS = {
  start: "interval",
  offered: "offered",
  answered: "answered",
  abandoned: "abandoned",
  aht: "aht",
  asa: "asa",
  serviceLevel: "service_level",
};

/** Weekdays 08:00-18:00 with a late-morning peak, Saturday 09:00-13:00, Sunday closed. */
function weekOffered(intervalMinutes: number, scale: number): number[] {
  const perDay = 1440 / intervalMinutes;
  const perHour = 60 / intervalMinutes;
  return Array.from({ length: 7 * perDay }, (_, k) => {
    const day = Math.floor(k / perDay);
    const hour = ((k % perDay) * intervalMinutes) / 60;
    if (day < 5 && hour >= 8 && hour < 18)
      return Math.round(((20 + 25 * Math.sin((Math.PI * (hour - 8)) / 10)) * scale) / perHour);
    if (day === 5 && hour >= 9 && hour < 13) return Math.round((12 * scale) / perHour);
    return 0;
  });
}

function known(name: string, intervalMinutes: 15 | 30, scale: number, aht: number, patience: number): KnownChannel {
  const offered = weekOffered(intervalMinutes, scale);
  // Staffed for 80/20, one agent short in every third interval: agents are not a function of load alone.
  const agents = erlangStaffing(offered, intervalMinutes, aht, patience, 20, 0.8).map((c, k) =>
    c > 1 && k % 3 === 0 ? c - 1 : c,
  );
  return { name, offered, agents, ahtSeconds: aht, patienceSeconds: patience };
}

describe("interval report round trip (30 minutes)", () => {
  const phone = known("phone", 30, 2, 240, 150);
  const text = generateIntervalReport({
    intervalMinutes: 30,
    firstDate: "2026-01-05",
    days: 30, // four whole weeks, then Monday and Tuesday of a fifth
    slaSeconds: 20,
    channels: [phone],
    dayFactor: { "2026-01-19": 0.05, "2026-01-07": 1.08, "2026-01-21": 0.92 },
  });
  const report = readIntervalReport(text, COLUMNS);
  const cal = calibrateIntervals(report, { name: "Round trip", slaSeconds: 20 });
  const fit = cal.channels[0]!.fit;
  const open = phone.offered.map((n, k) => (n > 0 ? k : -1)).filter((k) => k >= 0);

  it("reads the interval length, whole weeks, the partial week and the holiday", () => {
    expect(report.intervalMinutes).toBe(30);
    expect(cal.profile.wholeWeeks).toBe(4);
    expect(cal.profile.partialDays).toEqual(["2026-02-02", "2026-02-03"]);
    expect(cal.profile.flagged.map((f) => f.date)).toEqual(["2026-01-19"]);
    expect(cal.profile.daysPerWeekday).toEqual([3, 4, 4, 4, 4, 4, 4]);
  });

  it("recovers the arrival profile per interval within 2% (closed intervals 0)", () => {
    for (let k = 0; k < phone.offered.length; k++) {
      const truth = phone.offered[k]!;
      if (truth === 0) expect(fit.offered[k]).toBe(0);
      else expect(Math.abs(fit.offered[k]! - truth) / truth).toBeLessThan(0.02);
    }
    const flow = cal.model.nodes?.find((n) => n.kind === "channel") as { arrivals: { profile: number[] } };
    expect(flow.arrivals.profile).toHaveLength(336);
    expect(cal.model.clock?.intervalMinutes).toBe(30);
  });

  it("recovers AHT exactly and patience within 10%", () => {
    expect(fit.ahtSeconds).toBeCloseTo(240, 6);
    expect(Math.abs(fit.patienceSeconds! - 150) / 150).toBeLessThan(0.1);
  });

  it("recovers the agents of at least 95% of open intervals, and every one within one agent", () => {
    const exact = open.filter((k) => fit.agents[k] === phone.agents[k]).length;
    expect(exact / open.length).toBeGreaterThanOrEqual(0.95);
    for (const k of open) expect(Math.abs(fit.agents[k]! - phone.agents[k]!)).toBeLessThanOrEqual(1);
    expect(fit.agentsBasis).toBe("ASA and service level");
  });

  it("builds a flow that validates, with the answer SLA and a schedule per interval", () => {
    const checked = checkModel(JSON.stringify(cal.model));
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const work = cal.model.nodes?.find((n) => n.kind === "work") as { queue: { slaSeconds: number } };
    expect(work.queue.slaSeconds).toBe(20);
    const team = cal.model.teams?.[0];
    expect(team?.schedule?.[0]).toMatchObject({ days: ["mon"], from: "08:00" });
  });
});

describe("a 15-minute report with two channels", () => {
  const phone = known("Phone", 15, 4, 300, 120);
  const chat = known("Chat", 15, 2, 420, 300);
  const text = generateIntervalReport({
    intervalMinutes: 15,
    firstDate: "2026-03-02",
    days: 14,
    slaSeconds: 30,
    channels: [phone, chat],
    channelColumn: true,
  });
  // Answered but not abandoned (abandoned is offered - answered), service level but not ASA.
  const report = readIntervalReport(text, {
    start: "interval",
    offered: "offered",
    answered: "answered",
    aht: "aht",
    serviceLevel: "service_level",
    channel: "channel",
  });
  const cal = calibrateIntervals(report, { name: "15 minutes", slaSeconds: 30 });

  it("reads 15-minute intervals and fits one queue per channel", () => {
    expect(report.intervalMinutes).toBe(15);
    // Sundays are closed, so the report's last row is a Saturday: still two whole weeks.
    expect(cal.profile.wholeWeeks).toBe(2);
    expect(cal.profile.partialDays).toEqual([]);
    expect(cal.channels.map((c) => c.name)).toEqual(["Phone", "Chat"]);
    expect(cal.model.nodes?.filter((n) => n.kind === "work")).toHaveLength(2);
    expect(cal.model.nodes?.find((n) => n.id === "chat")).toMatchObject({ channel: "chat" });
    const [p, c] = cal.channels.map((x) => x.fit);
    expect(p!.offered).toEqual(phone.offered);
    expect(c!.ahtSeconds).toBeCloseTo(420, 6);
    expect(Math.abs(p!.patienceSeconds! - 120) / 120).toBeLessThan(0.1);
    expect(Math.abs(c!.patienceSeconds! - 300) / 300).toBeLessThan(0.1);
  });

  it("infers agents from the service level alone: at least 90% of open intervals exact, all within one", () => {
    for (const [truth, fit] of [phone, chat].map((t, i) => [t, cal.channels[i]!.fit] as const)) {
      expect(fit.agentsBasis).toBe("service level");
      const open = truth.offered.map((n, k) => (n > 0 ? k : -1)).filter((k) => k >= 0);
      const exact = open.filter((k) => fit.agents[k] === truth.agents[k]).length;
      expect(exact / open.length).toBeGreaterThanOrEqual(0.9);
      for (const k of open) expect(Math.abs(fit.agents[k]! - truth.agents[k]!)).toBeLessThanOrEqual(1);
    }
  });
});

describe("a report with offered and abandoned only, shorter than a week", () => {
  const phone = known("phone", 30, 2, 240, 150);
  const text = generateIntervalReport({
    intervalMinutes: 30,
    firstDate: "2026-01-07", // Wednesday to Saturday
    days: 4,
    slaSeconds: 20,
    channels: [phone],
  });
  const cal = calibrateIntervals(
    readIntervalReport(text, { start: "interval", offered: "offered", abandoned: "abandoned" }),
    {
      name: "Short",
    },
  );

  it("averages the weekdays it has, closes the others and says agents are not known", () => {
    expect(cal.profile.wholeWeeks).toBe(0);
    expect(cal.profile.daysPerWeekday).toEqual([0, 0, 1, 1, 1, 1, 0]);
    const fit = cal.channels[0]!.fit;
    expect(fit.offered.slice(0, 96).every((n) => n === 0)).toBe(true);
    expect(fit.offered.slice(96, 288)).toEqual(phone.offered.slice(96, 288));
    expect(fit.agentsBasis).toBe("assumed");
    expect(fit.ahtSeconds).toBe(300);
    expect(cal.warnings.join("\n")).toMatch(
      /no whole week[\s\S]*no AHT column[\s\S]*agents per interval are not known/,
    );
    expect(checkModel(JSON.stringify(cal.model)).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("flowcast calibrate --intervals", () => {
  const dir = mkdtempSync(join(tmpdir(), "flowcast-intervals-"));
  const small = generateIntervalReport({
    intervalMinutes: 60,
    firstDate: "2026-01-05",
    days: 7,
    slaSeconds: 20,
    channels: [known("phone", 30, 1, 200, 100)].map((c) => ({
      ...c,
      offered: hourly(c.offered),
      agents: hourly(c.agents).map((a) => Math.ceil(a / 2)),
    })),
  });
  const file = join(dir, "report.csv");
  writeFileSync(file, small);

  it("writes the flow and the report of log vs simulated figures", async () => {
    const out = join(dir, "flow.json");
    const reportFile = join(dir, "fit.json");
    const { code, stdout, stderr } = await run([
      "calibrate",
      "--intervals",
      file,
      "--start",
      "Interval",
      "--offered",
      "offered",
      "--abandoned",
      "abandoned",
      "--aht",
      "aht",
      "--asa",
      "asa",
      "--sla",
      "20s",
      "--replications",
      "1",
      "--out",
      out,
      "--report",
      reportFile,
    ]);
    expect(stderr).toContain("60-minute intervals");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Mon\s+\d+\s+\d+/);
    const flow = JSON.parse(readFileSync(out, "utf8"));
    expect(flow.clock.intervalMinutes).toBe(60);
    const doc = JSON.parse(readFileSync(reportFile, "utf8"));
    expect(doc.format).toBe("flowcast-interval-calibration/v1");
    expect(doc.channels[0].agents.basis).toBe("ASA");
    const monday = doc.byDay.find((r: { period: string }) => r.period === "Mon");
    expect(monday.simulated.offered).toBeGreaterThan(0);
    expect(doc.byInterval[0].period).toBe("Mon 08:00");
  });

  it("refuses a missing column with exit 2, naming the option and the columns there are", async () => {
    const { code, stderr } = await run([
      "calibrate",
      "--intervals",
      file,
      "--start",
      "interval",
      "--offered",
      "calls",
      "--out",
      join(dir, "x.json"),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('no column --offered "calls"');
    expect(stderr).toContain('"offered"');
    expect(stderr).not.toContain("    at ");
  });

  it("names the line of a time that does not parse and of mixed interval lengths, with exit 2", async () => {
    const lines = small.trimEnd().split("\n");
    const bad = join(dir, "bad-time.csv");
    writeFileSync(
      bad,
      [...lines.slice(0, 4), lines[4]!.replace(/^\S+ \S+?,/, "2026-01-05 11h00,"), ...lines.slice(5)].join("\n"),
    );
    const time = await run([
      "calibrate",
      "--intervals",
      bad,
      "--start",
      "interval",
      "--offered",
      "offered",
      "--out",
      join(dir, "t.json"),
    ]);
    expect(time.code).toBe(2);
    expect(time.stderr).toContain('line 5, column "interval": "2026-01-05 11h00" is not a date and time');
    const mixed = join(dir, "mixed.csv");
    writeFileSync(mixed, [...lines.slice(0, 4), lines[4]!.replace(" 11:00,", " 11:15,"), ...lines.slice(5)].join("\n"));
    const lengths = await run([
      "calibrate",
      "--intervals",
      mixed,
      "--start",
      "interval",
      "--offered",
      "offered",
      "--out",
      join(dir, "m.json"),
    ]);
    expect(lengths.code).toBe(2);
    expect(lengths.stderr).toContain("mixed interval lengths");
    expect(lengths.stderr).toContain("line 5 starts at 11:15");
  });

  it("reads the shipped sample report (two channels, a month of 30-minute intervals, an outage day)", async () => {
    const out = join(dir, "sample.json");
    const { code, stdout } = await run([
      "calibrate",
      "--intervals",
      "samples/acd-intervals-30min.csv",
      ...["--start", "interval", "--channel", "channel", "--offered", "offered", "--answered", "answered"],
      ...["--abandoned", "abandoned", "--aht", "aht", "--asa", "asa", "--service-level", "service_level"],
      ...["--replications", "0", "--out", out],
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("4 whole weeks, 1 day flagged");
    expect(stdout).toMatch(/Phone: .* AHT 285 s, patience 1[34]\d s/);
    expect(stdout).toMatch(/Chat: .* AHT 460 s, patience 3[4-9]\d s/);
    expect(JSON.parse(readFileSync(out, "utf8")).teams).toHaveLength(2);
  });

  it("prints its own help", async () => {
    const { code, stdout } = await run(["calibrate", "--intervals", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--service-level COL");
  });

  it("refuses --out onto the report itself and a bad --sla", async () => {
    const same = await run([
      "calibrate",
      "--intervals",
      file,
      "--start",
      "interval",
      "--offered",
      "offered",
      "--out",
      file,
    ]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("is the input file");
    const sla = await run([
      "calibrate",
      "--intervals",
      file,
      "--start",
      "interval",
      "--offered",
      "offered",
      "--sla",
      "soon",
      "--out",
      join(dir, "y.json"),
    ]);
    expect(sla.code).toBe(2);
    expect(sla.stderr).toContain('--sla "soon"');
  });
});

// helpers

/** 30-minute values to hours: offered summed, agents summed (halved by the caller). */
function hourly(values: readonly number[]): number[] {
  return Array.from({ length: values.length / 2 }, (_, h) => values[2 * h]! + values[2 * h + 1]!);
}

const run = runInProcess;
