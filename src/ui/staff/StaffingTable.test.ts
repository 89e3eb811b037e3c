import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { StaffingDocument } from "../../staff/document";
import { TargetsTable } from "./StaffingTable";

const reason = "not measured: no ticket reached this step after the warm-up";

describe("TargetsTable", () => {
  it("shows why a target has no figure instead of a number or met", () => {
    const doc = {
      targets: [
        {
          kpi: "serviceLevel",
          node: "l3",
          atLeast: 0.8,
          label: 'service level of "l3" at least 80%',
          words: "L3: answered within 20 s at least 80%",
          met: false,
          notMeasured: reason,
          currentMet: false,
          currentNotMeasured: reason,
        },
        {
          kpi: "serviceLevel",
          atLeast: 0.8,
          label: "service level at least 80%",
          met: true,
          estimate: { mean: 0.85, ci95: [0.84, 0.86] },
          currentMet: false,
          currentEstimate: { mean: 0.7, ci95: [0.69, 0.71] },
        },
      ],
    } as unknown as StaffingDocument;
    const html = renderToStaticMarkup(createElement(TargetsTable, { doc }));
    const rows = html.split("<tr").slice(2); // the header row first
    expect(rows[0]).toContain(reason);
    expect(rows[0]).toContain("not measured</td>");
    expect(rows[0]).not.toContain("met</td>");
    expect(rows[0]).not.toContain("—");
    expect(html).toContain("✓ met");
    expect(html).toContain("85% (84% – 86%)");
  });
});
