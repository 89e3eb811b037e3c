import { describe, expect, it } from "vitest";
import { KPI_NAMES } from "../../sim/results";
import { KPI_CARDS, KPI_DEFINITIONS } from "./kpis";

describe("KPI definitions", () => {
  it("define FCR exactly as the metric counts it", () => {
    const fcr = KPI_CARDS.find((c) => c.name === "fcr");
    expect(fcr?.definition).toContain("resolved at the first contact, with no escalation, reopen or repeat contact");
  });

  it("say what every KPI counts", () => {
    for (const name of KPI_NAMES) expect(KPI_DEFINITIONS[name].length, name).toBeGreaterThan(30);
    for (const card of KPI_CARDS) expect(card.definition).toBe(card.definition.trim());
  });
});
