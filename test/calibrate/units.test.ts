/** The event-log building blocks: CSV streaming, time forms, roles, fits, censored quantiles. */
import { describe, expect, it } from "vitest";
import { calibrate, EVENT_LOG_HEADER, EventLogReader, FLOWCAST_COLUMNS } from "../../src/calibrate";
import { fitDuration } from "../../src/calibrate/fit";
import { DurationSample, kaplanMeierQuantiles } from "../../src/calibrate/sample";
import { CsvError, CsvReader, parseCsv } from "../../src/io/eventlog/csv";
import { guessColumns } from "../../src/io/eventlog/guessColumns";
import { globToRegExp, guessRole, parseRoleRule, RoleMapper } from "../../src/io/eventlog/roles";
import { detectTimeFormat, parseTimestamp } from "../../src/io/eventlog/timestamp";
import { checkModel, parseModelText } from "../../src/model";

describe("CsvReader", () => {
  it("reads quotes, doubled quotes, line breaks in quotes, CRLF and a BOM", () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\n\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["two\nlines", "z"],
    ]);
  });

  it("gives the same rows however the text is split into chunks", () => {
    const text = 'id,t\n1,"a""b"\r\n2,"c\nd"\r\n3,e';
    const whole = parseCsv(text);
    for (let cut = 1; cut < text.length; cut++) {
      const rows: string[][] = [];
      const r = new CsvReader((f) => rows.push(f));
      r.push(text.slice(0, cut));
      r.push(text.slice(cut));
      r.end();
      expect(rows).toEqual(whole);
    }
  });

  it("names the line of a quote never closed and stops at an endless line", () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(/line 2 is never closed/);
    const r = new CsvReader(() => {});
    expect(() => r.push("x".repeat(1_000_001))).toThrow(CsvError);
  });
});

describe("timestamps", () => {
  it("tells ISO, day-first and month-first forms apart and says which it read", () => {
    expect(detectTimeFormat(["2026-01-05T08:30:00+01:00"])?.id).toBe("iso");
    expect(detectTimeFormat(["29-02-2016 01:16", "01-03-2016 10:00"])?.description).toBe(
      "dd-mm-yyyy hh:mm (day first)",
    );
    expect(detectTimeFormat(["02/29/2016 1:16 PM"])?.id).toBe("mdy");
    expect(detectTimeFormat(["03/04/2016 10:00"])?.description).toContain("no value tells day from month");
    expect(detectTimeFormat(["yesterday"])).toBeUndefined();
  });

  it("reads wall-clock times, moves offsets to the log's clock and rejects dates that do not exist", () => {
    const dmy = detectTimeFormat(["29-02-2016 01:16"])!;
    expect(new Date(parseTimestamp("29-02-2016 01:16", dmy)).toISOString()).toBe("2016-02-29T01:16:00.000Z");
    expect(parseTimestamp("31-02-2016 01:16", dmy)).toBeNaN();
    const iso = detectTimeFormat(["2026-01-05T08:30:00+01:00"])!;
    expect(new Date(parseTimestamp("2026-01-05T08:30:00Z", iso, 60)).toISOString()).toBe("2026-01-05T09:30:00.000Z");
    const mdy = detectTimeFormat(["02/29/2016 1:16 PM"])!;
    expect(new Date(parseTimestamp("02/29/2016 1:16 PM", mdy)).toISOString()).toBe("2016-02-29T13:16:00.000Z");
  });
});

describe("roles", () => {
  it("guesses common help-desk words", () => {
    expect(
      [
        "New",
        "Active",
        "Awaiting User Info",
        "Resolved",
        "Closed",
        "Reopened",
        "Call abandoned",
        "Escalated",
        "Note added",
      ].map(guessRole),
    ).toEqual(["queued", "work", "wait", "closed", "closed", "reopen", "abandoned", "escalate", "ignore"]);
  });

  it("applies --map globs first, then Flowcast's own events, and remembers how", () => {
    const rule = parseRoleRule("Awaiting*=wait");
    expect(rule).toEqual({ pattern: "Awaiting*", role: "wait" });
    expect(parseRoleRule("New=started")).toMatch(/not a role/);
    const m = new RoleMapper([{ pattern: "Act?ve", role: "queued" }]);
    expect([m.roleOf("Active"), m.roleOf("start"), m.roleOf("On hold")]).toEqual(["queued", "work", "wait"]);
    expect([...m.decisions.values()].map((d) => d.how)).toEqual(["map", "flowcast", "guess"]);
    expect(globToRegExp("a.b*").test("A.Bcd")).toBe(true);
    expect(globToRegExp("a.b*").test("axb")).toBe(false);
  });
});

describe("fitDuration", () => {
  // 20,000 draws: the likelihood gap between the right family and the others is in the
  // hundreds, far beyond chance; the mean is the sample mean, exact.
  const draw = (f: (u: () => number) => number) => {
    let s = 42;
    const u = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return (s + 0.5) / 4294967296;
    };
    const sample = new DurationSample(4000, 3);
    for (let i = 0; i < 20000; i++) sample.add(f(u));
    return sample;
  };
  const normal = (u: () => number) => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());

  it("chooses exponential, lognormal or gamma by the distance of the written distribution", () => {
    const exp = draw((u) => -300 * Math.log(u()));
    expect(fitDuration(exp).chosen).toBe("exponential");
    const logn = draw((u) => Math.exp(5 + 0.8 * normal(u)));
    const fit = fitDuration(logn);
    expect(fit.chosen).toBe("lognormal");
    // Maximum likelihood on the logs: the median is e^5 = 148 s (within 3%), not forced by the mean.
    expect(fit.dist.dist).toBe("lognormal");
    expect(Math.abs(fit.quantiles!.written[0] / Math.exp(5) - 1)).toBeLessThan(0.03);
    // Erlang-3 (a gamma with shape 3) with mean 900 s.
    const gam = draw((u) => -300 * (Math.log(u()) + Math.log(u()) + Math.log(u())));
    expect(fitDuration(gam).chosen).toBe("gamma");
  });

  it("falls back to the empirical distribution for a two-humped sample, and mixes in zeros", () => {
    const humps = draw((u) => (u() < 0.5 ? 60 + 5 * normal(u) : 3600 + 60 * normal(u)));
    expect(fitDuration(humps).chosen).toBe("empirical");
    const zeros = draw((u) => (u() < 0.3 ? 0 : -300 * Math.log(u())));
    const fit = fitDuration(zeros);
    expect(fit.dist.dist).toBe("mixture");
    expect(fit.zeroShare).toBeCloseTo(0.3, 1);
  });
});

describe("kaplanMeierQuantiles", () => {
  it("counts censored durations as at least that long", () => {
    // Survival: 1 -> 4/5 at 1 -> (4/5)(2/3) = 0.533 at 3 (the 2 is censored) -> 0 at 5.
    const values = [1, 2, 3, 4, 5].map((s) => ({ seconds: s, censored: s === 2 || s === 4 }));
    expect(kaplanMeierQuantiles(values, [0.2, 0.4, 0.9])).toEqual([1, 3, 5]);
  });
});

describe("guessColumns", () => {
  it("maps a ServiceNow export and a Flowcast event log", () => {
    const sn =
      "number,incident_state,active,reassignment_count,opened_at,sys_updated_at,contact_type,priority,assignment_group,assigned_to,resolved_at".split(
        ",",
      );
    expect(guessColumns(sn)).toEqual({
      case: "number",
      time: "sys_updated_at",
      activity: "incident_state",
      team: "assignment_group",
      resource: "assigned_to",
      priority: "priority",
      channel: "contact_type",
      created: "opened_at",
      status: "",
    });
    expect(guessColumns(EVENT_LOG_HEADER.split(","))).toMatchObject({ ...FLOWCAST_COLUMNS, created: "" });
  });
});

describe("a log with hostile names and a time window", () => {
  it("keeps team ids off inherited keys and reads only rows inside --from/--to", () => {
    const rows = [
      "ticket,time,event,team",
      "1,2026-01-05T08:00,queue,__proto__",
      "1,2026-01-05T08:01,start,__proto__",
      "1,2026-01-05T08:09,end,__proto__",
      "1,2026-01-05T08:09,queue,constructor",
      "1,2026-01-05T08:10,start,constructor",
      "1,2026-01-05T08:30,end,constructor",
      "1,2026-01-05T08:30,close,",
      "2,2026-01-06T08:00,queue,__proto__",
    ];
    const reader = new EventLogReader({
      columns: { case: "ticket", time: "time", activity: "event", team: "team" },
      toMs: Date.UTC(2026, 0, 5, 23),
    });
    reader.push(`${rows.join("\n")}\n`);
    reader.end();
    expect(reader.skippedOutsideWindow).toBe(1);
    const { model } = calibrate(reader, "hostile");
    expect(model.teams?.map((t) => t.id)).toEqual(["team-proto__", "team-constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const parsed = parseModelText(JSON.stringify(model));
    expect(parsed.ok).toBe(true);
  });
});

describe("many teams", () => {
  it("keeps the busiest teams apart and groups the rest into one Other teams step, stated in the report (issue 20)", () => {
    const rows = ["ticket,time,event,team"];
    // l1 works 20 min on every ticket; g1..g3 a minute each on a few.
    for (let i = 0; i < 40; i++) {
      const day = String(5 + (i % 10)).padStart(2, "0");
      rows.push(
        `${i},2026-01-${day}T08:00,queue,l1`,
        `${i},2026-01-${day}T08:01,start,l1`,
        `${i},2026-01-${day}T08:21,end,l1`,
      );
      if (i < 6)
        rows.push(`${i},2026-01-${day}T08:21,start,g${1 + (i % 3)}`, `${i},2026-01-${day}T08:22,end,g${1 + (i % 3)}`);
      rows.push(`${i},2026-01-${day}T08:30,close,`);
    }
    const reader = new EventLogReader({ columns: { case: "ticket", time: "time", activity: "event", team: "team" } });
    reader.push(`${rows.join("\n")}\n`);
    reader.end();
    const { model } = calibrate(reader, "grouped", undefined, { teams: 1 });
    expect(model.teams?.map((t) => t.name)).toEqual(["l1", "Other teams"]);
    expect(reader.otherTeams.sort()).toEqual(["g1", "g2", "g3"]);
    expect(checkModel(JSON.stringify(model)).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
