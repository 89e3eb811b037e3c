import { describe, expect, it } from "vitest";
import { encodeShareLink } from "../../io/share";
import { parseModelText } from "../../model";
import { openShareFromHash } from "./share";

describe("opening a share link in the app", () => {
  it("opens the flow a link carries", async () => {
    const parsed = parseModelText(
      JSON.stringify({
        format: "flowcast/v1",
        name: "Shared",
        teams: [{ id: "t", agents: 2 }],
        nodes: [
          { id: "in", kind: "channel", arrivals: { perHour: 5 } },
          { id: "w", kind: "work", team: "t", handleTime: "5m", outcomes: { done: 1 } },
          { id: "end", kind: "end" },
        ],
        edges: [
          { id: "a", from: "in", to: "w" },
          { id: "b", from: "w", to: "end", port: "done" },
        ],
      }),
    );
    if (!parsed.ok) throw new Error("the test flow does not decode");
    const opened = await openShareFromHash(await encodeShareLink(parsed.model));
    expect(opened.ok && opened.model.name).toBe("Shared");
    const cut = await openShareFromHash((await encodeShareLink(parsed.model)).slice(0, -9));
    expect(cut.ok).toBe(false);
  });
});
