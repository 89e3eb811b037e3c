import { describe, expect, it } from "vitest";
import { LogAnalysis } from "../analyze";
import { detectDrift } from "./drift";

const DAY = 86_400_000;
const at = (text: string) => Date.parse(`${text}Z`);
const train = { fromMs: at("2026-01-05T00:00"), toMs: at("2026-03-02T00:00") }; // 8 weeks

/** Two tickets a day over the train period, resolved in `earlier` hours before the last 28 days and `recent` hours in them. */
function cohort(earlier: number, recent: number): LogAnalysis {
  const a = new LogAnalysis();
  for (let d = 0; d < 56; d++)
    for (let k = 0; k < 4; k++) {
      const start = train.fromMs + d * DAY + k * 6 * 3_600_000;
      const hours = (d < 28 ? earlier : recent) * (0.5 + k / 3);
      const id = `T${d}-${k}`;
      a.event(id, start, "queued", "l1", "", "", "", 0);
      a.event(id, start + 60_000, "work", "l1", "ann", "", "", 0);
      a.event(id, start + hours * 3_600_000, "closed", "l1", "", "", "", 0);
    }
  a.finish();
  return a;
}

describe("a train period that drifts", () => {
  it("is fitted on its last four weeks when their median resolution is 2-fold away from before", () => {
    const drift = detectDrift(cohort(40, 4), train, train.toMs + 30 * DAY);
    expect(drift?.fit).toEqual({ fromMs: train.toMs - 28 * DAY, toMs: train.toMs });
    expect(drift!.recentMedianSeconds / drift!.earlierMedianSeconds).toBeCloseTo(0.1, 5);
    // Kaplan–Meier median of the four durations 0.5, 0.83, 1.17 and 1.5 times the level: 0.83.
    expect(drift!.note).toMatch(/median 3\.3 h against 33\.3 h before/);
  });

  it("is fitted whole when the desk stays the same, or the period is under eight weeks", () => {
    expect(detectDrift(cohort(10, 8), train, train.toMs + 30 * DAY)).toBeUndefined();
    const short = { fromMs: train.fromMs + 7 * DAY, toMs: train.toMs };
    expect(detectDrift(cohort(40, 4), short, train.toMs + 30 * DAY)).toBeUndefined();
  });
});
