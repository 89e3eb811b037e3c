import { describe, expect, it } from "vitest";
import { encodeShareLink } from "../../io/share";
import { parseModelText } from "../../model";
import { fromBase64Url, openShareFromHash } from "./share";

describe("share links (issue 19: a big link decodes without blocking the page)", () => {
  it("decodes base64url exactly as Node does, for every length", () => {
    let seed = 7;
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed & 0xff;
      });
      const text = Buffer.from(bytes).toString("base64url");
      expect(fromBase64Url(text)).toEqual(bytes);
    }
    expect(fromBase64Url("abcde")).toBeUndefined(); // a length no encoding has
    expect(fromBase64Url("ab+d")).toBeUndefined(); // plain base64, not base64url
  });

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
